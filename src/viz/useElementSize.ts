// src/viz/useElementSize.ts: the width of a chart's container, followed with a ResizeObserver.
import { useLayoutEffect, useRef, useState } from "react";
import { FALLBACK_WIDTH } from "./scales";

/**
 * Attach `ref` to the element whose width the chart should fill. Until the first observation, and in
 * environments without ResizeObserver (jsdom), the width is FALLBACK_WIDTH. Never listens to window resize:
 * a widget can change size without the window doing so (a sidebar opening, an iframe embed).
 */
export function useElementSize<E extends Element>(): { ref: React.RefObject<E | null>; width: number } {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(FALLBACK_WIDTH);
  // A layout effect, measured once at once: the first paint already has the real width, not FALLBACK_WIDTH
  // (which overflowed a phone screen for a frame, and drew every chart twice).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const first = Math.floor(el.getBoundingClientRect().width);
    if (first > 0) setWidth(first);
    const observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0].contentRect.width);
      // A hidden container measures 0: keep the last width rather than collapse the chart.
      if (w > 0) setWidth(w);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
    };
  }, []);
  return { ref, width };
}
