// src/lessons/LiveEquation.tsx: an equation whose bound symbols (sym()) light up with the widget's hovered symbol,
// and set it when the pointer moves over them.
import { useEffect, useMemo, useRef, type MouseEvent } from "react";
import { useStrings } from "./LangContext";
import { markOverflow } from "./scrollCue";
import { useStep } from "./stepStore";
import { renderTex } from "./Tex";

export function LiveEquation({ tex, display = true, className }: { tex: string; display?: boolean; className?: string }) {
  const hovered = useStep((s) => s.hovered);
  const setHovered = useStep((s) => s.setHovered);
  const ref = useRef<HTMLDivElement>(null);
  const html = useMemo(() => renderTex(tex, display), [tex, display]);

  // The HTML is KaTeX's: mark the hovered symbol's elements on it directly (React does not own these nodes).
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    for (const el of root.querySelectorAll<HTMLElement>("[data-sym]")) {
      if (hovered !== null && el.dataset.sym === hovered) el.dataset.hot = "true";
      else delete el.dataset.hot;
    }
  }, [hovered, html]);

  // A wide equation scrolls sideways, with a visible cue and keyboard access (also outside a lesson page, e.g. in
  // an embedded block): re-checked when its maths or its width changes.
  const cue = useStrings().scrollCue;
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    markOverflow(root, cue);
    if (typeof ResizeObserver === "undefined") return; // jsdom
    const resize = new ResizeObserver(() => {
      markOverflow(root, cue);
    });
    resize.observe(root);
    return () => {
      resize.disconnect();
    };
  }, [html, cue]);

  const onMouseOver = (event: MouseEvent<HTMLDivElement>) => {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>("[data-sym]") : null;
    setHovered(target?.dataset.sym ?? null);
  };

  return (
    <div
      ref={ref}
      className={className ? `live-eq ${className}` : "live-eq"}
      onMouseOver={onMouseOver}
      onMouseLeave={() => {
        setHovered(null);
      }}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
