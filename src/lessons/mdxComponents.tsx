// src/lessons/mdxComponents.tsx: what lesson MDX may use besides Markdown: <Widget …/> and <Note kind="…">…</Note>.
import type { MDXComponents } from "mdx/types";
import type { ReactNode } from "react";
import { Widget } from "./Widget";

/** A boxed aside in the lesson text. kind="correction" marks a common error in other texts that the lesson corrects. */
function Note({ kind = "note", title, children }: { kind?: "note" | "correction" | "try"; title?: string; children?: ReactNode }) {
  return (
    <aside className={`lesson-note lesson-note-${kind}`} aria-label={title}>
      {title && <p className="lesson-note-title">{title}</p>}
      {children}
    </aside>
  );
}

/** Wide maths (KaTeX display blocks) scrolls sideways inside the column instead of widening the page. */
function Table({ children }: { children?: ReactNode }) {
  return (
    <div className="table-scroll">
      <table>{children}</table>
    </div>
  );
}

/** A code block ("The same in PyTorch") scrolls sideways on a narrow screen, and can take focus to be scrolled. */
function Pre({ children }: { children?: ReactNode }) {
  return (
    <pre className="code-block" tabIndex={0}>
      {children}
    </pre>
  );
}

export const MDX_COMPONENTS: MDXComponents = { Widget, Note, table: Table, pre: Pre };
