// src/data/toys.ts: toy sequence-to-sequence tasks whose alignment is known: reverse a string (a mirror), sort it (a permutation).
import { createRng } from "../engine/rng";

export type ToyTask = "reverse" | "sort";

export interface ToySpec {
  task: ToyTask;
  /** Symbols the strings are made of (each a single character). */
  alphabet?: string;
  minLength?: number;
  maxLength?: number;
}

export interface ToyPair {
  readonly source: string;
  readonly target: string;
}

export const TOY_ALPHABET = "abcdefghij";

/** The answer for one string: its characters reversed, or sorted by code point (repeats kept). */
export function solveToy(task: ToyTask, s: string): string {
  const chars = Array.from(s);
  return (task === "reverse" ? chars.reverse() : chars.sort()).join("");
}

/** n random strings (length uniform in minLength … maxLength, symbols uniform) with their answers; seeded. */
export function generateToy(n: number, seed: number, spec: ToySpec): ToyPair[] {
  const { task, alphabet = TOY_ALPHABET, minLength = 3, maxLength = 10 } = spec;
  const symbols = Array.from(alphabet);
  if (symbols.length === 0 || !(minLength >= 1 && maxLength >= minLength)) {
    throw new RangeError(`generateToy: needs symbols and 1 ≤ minLength (${minLength}) ≤ maxLength (${maxLength}).`);
  }
  const rng = createRng(seed);
  const out: ToyPair[] = [];
  for (let i = 0; i < n; i++) {
    const len = minLength + rng.int(maxLength - minLength + 1);
    let s = "";
    for (let j = 0; j < len; j++) s += symbols[rng.int(symbols.length)];
    out.push({ source: s, target: solveToy(task, s) });
  }
  return out;
}
