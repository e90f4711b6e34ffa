// src/embed/LessonBlock.ts: a lesson's live blocks (its <Widget …/> tags) by id, so one can be shown alone.
import { Children, isValidElement, type ReactElement, type ReactNode } from "react";

export interface LessonBlockInfo {
  /** "predict", or "train-compare-2" for the second train-compare of the lesson. */
  id: string;
  /** The registry name of the widget (src/lessons/registry.ts). */
  name: string;
  element: ReactElement;
}

/** Every element of type `widgetType` in a rendered MDX tree, in document order (through any wrapping element). */
function collect(node: ReactNode, widgetType: unknown, out: ReactElement[]): void {
  Children.forEach(node, (child) => {
    if (!isValidElement(child)) return;
    if (child.type === widgetType) {
      out.push(child);
      return;
    }
    collect((child.props as { children?: ReactNode }).children, widgetType, out);
  });
}

/**
 * The blocks of a lesson's MDX body (its elements, as MDXContent returns them). A widget that occurs once is
 * named by its registry name; each repeated one by its name and its place among those of that name (1, 2, …):
 * adding a block of another kind to the lesson does not change an id.
 */
export function lessonBlocks(body: ReactNode, widgetType: unknown): LessonBlockInfo[] {
  const found: ReactElement[] = [];
  collect(body, widgetType, found);
  const named = found.map((element) => ({ element, name: String((element.props as { name?: unknown }).name) }));
  const totals = new Map<string, number>();
  for (const b of named) totals.set(b.name, (totals.get(b.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return named.map(({ element, name }) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return { id: totals.get(name) === 1 ? name : `${name}-${n}`, name, element };
  });
}

/** The block a link's id names; "name-1" also finds a block that occurs once (ids stay valid if one is added). */
export function findBlock(blocks: readonly LessonBlockInfo[], id: string): LessonBlockInfo | null {
  const exact = blocks.find((b) => b.id === id);
  if (exact) return exact;
  const m = /^(.+)-1$/.exec(id);
  if (m) return blocks.find((b) => b.id === m[1]) ?? null;
  // "predict" when the lesson has two: the first, as "predict-1" would.
  return blocks.find((b) => b.id === `${id}-1`) ?? null;
}
