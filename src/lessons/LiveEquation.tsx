// src/lessons/LiveEquation.tsx: an equation whose bound symbols (sym()) light up with the widget's hovered symbol,
// and set it when the pointer moves over them.
import { useEffect, useMemo, useRef, type MouseEvent } from "react";
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

  // A wide equation scrolls sideways; keyboard users must be able to reach it to scroll it.
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    if (root.scrollWidth > root.clientWidth + 1) root.tabIndex = 0;
    else root.removeAttribute("tabindex");
  }, [html]);

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
