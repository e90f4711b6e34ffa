// src/lessons/Tex.tsx: the one way from a component into KaTeX (MDX maths is typeset by rehype-katex at build time).
import katex from "katex";
import { useMemo, type HTMLAttributes } from "react";

export interface TexProps extends Omit<HTMLAttributes<HTMLSpanElement>, "children" | "dangerouslySetInnerHTML"> {
  tex: string;
  /** Display style (a centred block) instead of inline. */
  display?: boolean;
}

/** \htmlData is the only HTML extension equations use: it carries the symbol keys of live equations. */
const trust = (context: { command: string }): boolean => context.command === "\\htmlData";

/** KaTeX's HTML for `tex`. A TeX error renders as KaTeX's red .katex-error text (which the browser tests look for). */
export function renderTex(tex: string, display = false): string {
  return katex.renderToString(tex, {
    displayMode: display,
    throwOnError: false,
    trust,
    // htmlData is allowed above; any other non-standard input still warns.
    strict: (code: string) => (code === "htmlExtension" ? "ignore" : "warn"),
    output: "htmlAndMathml",
  });
}

export function Tex({ tex, display = false, className, ...rest }: TexProps) {
  const html = useMemo(() => renderTex(tex, display), [tex, display]);
  const Tag = display ? "div" : "span";
  return <Tag {...rest} className={className ? `tex ${className}` : "tex"} dangerouslySetInnerHTML={{ __html: html }} />;
}
