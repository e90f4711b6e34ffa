// src/lessons/answers.ts: the answers of a page's "predict, then reveal" exercises, hidden everywhere else on the
// page (the step-through widget above shows the same network) until the learner has checked or revealed them.
import { create } from "zustand";
import type { TinyNetSpec } from "./tinyNet";

/** A quantity an exercise asks for: one entry of one vector at one step of one tiny network. */
export interface HiddenAnswer {
  /** specKey() of the network. */
  net: string;
  quantity: "h" | "c" | "n" | "y" | "dh" | "da" | "dc";
  /** Timestep, 1-based. */
  t: number;
  /** Entry, 1-based. */
  unit: number;
}

/** Two widgets with the same key compute the same numbers (same cell, size, length, seed, outputs). */
export function specKey(spec: TinyNetSpec): string {
  return `${spec.cell}/${spec.hidden}/${spec.steps}/${spec.seed}/${spec.outputs}`;
}

interface AnswersState {
  /** Exercise id → what it hides, while it is unanswered. */
  pending: Readonly<Record<string, HiddenAnswer>>;
  hide: (id: string, answer: HiddenAnswer) => void;
  /** Answered (right, or revealed) or gone from the page: the value shows again. */
  release: (id: string) => void;
}

export const useAnswers = create<AnswersState>()((set) => ({
  pending: {},
  hide: (id, answer) => {
    set((s) => ({ pending: { ...s.pending, [id]: answer } }));
  },
  release: (id) => {
    set((s) => {
      if (!(id in s.pending)) return s;
      return { pending: Object.fromEntries(Object.entries(s.pending).filter(([key]) => key !== id)) };
    });
  },
}));

/** The hidden answers that concern one network, in a stable form for memo dependencies. */
export function useHiddenFor(spec: TinyNetSpec): string {
  const key = specKey(spec);
  return useAnswers((s) =>
    Object.values(s.pending)
      .filter((a) => a.net === key)
      .map((a) => `${a.quantity}:${a.t}:${a.unit}`)
      .sort()
      .join(","),
  );
}
