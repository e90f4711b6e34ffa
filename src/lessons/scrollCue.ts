// src/lessons/scrollCue.ts: maths wider than its column scrolls sideways, and says so. Each display equation and
// live equation that overflows gets data-overflow="true" (CSS then shows edge shadows and the cue text, kept in
// view by position: sticky) and becomes focusable, so keyboard users can scroll it too.
import { useEffect, type RefObject } from "react";

export const SCROLLERS = ".katex-display, .live-eq";

/** Marks or unmarks one scroller; returns whether it overflows. */
export function markOverflow(el: HTMLElement, cue: string): boolean {
  const overflows = el.scrollWidth > el.clientWidth + 1;
  if (overflows) {
    el.dataset.overflow = "true";
    el.dataset.cue = cue;
    el.tabIndex = 0;
  } else if (el.dataset.overflow) {
    delete el.dataset.overflow;
    el.removeAttribute("tabindex");
  }
  return overflows;
}

/** Keeps every scroller under root marked while the page resizes and the widgets re-render their maths. */
export function useScrollCues(root: RefObject<HTMLElement | null>, cue: string): void {
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    let frame = 0;
    const markAll = () => {
      frame = 0;
      for (const s of el.querySelectorAll<HTMLElement>(SCROLLERS)) {
        // A display block inside a live equation is not the scroller: the live equation is.
        if (s.classList.contains("katex-display") && s.closest(".live-eq")) continue;
        markOverflow(s, cue);
      }
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(markAll);
    };
    markAll();
    if (typeof ResizeObserver === "undefined") return; // jsdom: no layout, nothing overflows
    const resize = new ResizeObserver(schedule);
    resize.observe(el);
    // Our own attribute changes are not watched (attributes: false), so marking cannot loop.
    const mutations = new MutationObserver(schedule);
    mutations.observe(el, { childList: true, subtree: true, characterData: true });
    return () => {
      resize.disconnect();
      mutations.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [root, cue]);
}
