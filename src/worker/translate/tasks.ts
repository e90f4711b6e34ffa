// src/worker/translate/tasks.ts: the translation lab's data: training pairs, a held-out test set and vocabularies for
// each task, all from the seed. Test sources never occur in training (dates and toys are regenerated until they
// differ; CMUdict's test words are a seeded held-out split of the dictionary).
import { generateDates } from "../../data/dates";
import { parseCmudict, splitItems } from "../../data/cmudict";
import { generateToy } from "../../data/toys";
import {
  buildSymbolVocabulary, chars, normaliseDate, normaliseWord, type SeqPair, type SymbolVocabulary,
} from "../../data/seq2seq";
import { createRng } from "../../engine/rng";
import type { TranslateTask } from "./protocol";

export interface TaskData {
  readonly task: TranslateTask;
  readonly train: readonly SeqPair[];
  /** The scored test examples (a seeded subset of the held-out set, at most TEST_SIZE). */
  readonly test: readonly SeqPair[];
  /** Size of the whole held-out set (CMUdict: every held-out word). */
  readonly heldOutCount: number;
  readonly sourceVocab: SymbolVocabulary;
  readonly targetVocab: SymbolVocabulary;
  /** Longest source and target (symbols) in the data: typed input may be as long as the longest source. */
  readonly maxSource: number;
  readonly maxTarget: number;
  /** How typed input is cleaned before it is checked (CMUdict lower-cases a word). */
  readonly normalise: (s: string) => string;
  /** How output symbols are joined for display ("" for characters, " " for phonemes). */
  readonly joiner: string;
}

/** Examples scored while training: enough for stable percentages, few enough that beam search over them stays quick. */
export const TEST_SIZE = 200;
export const DATE_TRAIN = 20_000;
export const TOY_TRAIN = 10_000;
export const TOY_MIN = 3;
export const TOY_MAX = 14;

const toPairs = (pairs: readonly { source: string; target: string }[]): SeqPair[] => pairs.map((p) => ({ source: chars(p.source), target: chars(p.target) }));

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const rng = createRng(seed);
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Held-out pairs whose source is not among the training sources (generated from another seed). */
function heldOut(make: (n: number, seed: number) => { source: string; target: string }[], train: readonly { source: string }[], n: number, seed: number): { source: string; target: string }[] {
  const seen = new Set(train.map((p) => p.source));
  const out: { source: string; target: string }[] = [];
  for (const p of make(4 * n, seed)) {
    if (seen.has(p.source)) continue;
    seen.add(p.source);
    out.push(p);
    if (out.length === n) break;
  }
  return out;
}

function finish(task: TranslateTask, train: SeqPair[], test: SeqPair[], heldOutCount: number, normalise: (s: string) => string, joiner: string): TaskData {
  const all = [...train, ...test];
  return {
    task,
    train,
    test,
    heldOutCount,
    sourceVocab: buildSymbolVocabulary(train.map((p) => p.source)),
    targetVocab: buildSymbolVocabulary(train.map((p) => p.target)),
    maxSource: Math.max(...all.map((p) => p.source.length)),
    maxTarget: Math.max(...all.map((p) => p.target.length)),
    normalise,
    joiner,
  };
}

/** The data of one task; `corpus` is cmudict.tsv's text (needed for "cmudict" only). */
export function buildTask(task: TranslateTask, seed: number, corpus?: string): TaskData {
  switch (task) {
    case "dates": {
      const train = generateDates(DATE_TRAIN, seed);
      const test = heldOut((n, s) => generateDates(n, s), train, TEST_SIZE, seed + 7919);
      return finish(task, toPairs(train), toPairs(test), test.length, normaliseDate, "");
    }
    case "reverse":
    case "sort": {
      const spec = { task, minLength: TOY_MIN, maxLength: TOY_MAX } as const;
      const train = generateToy(TOY_TRAIN, seed, spec);
      const test = heldOut((n, s) => generateToy(n, s, spec), train, TEST_SIZE, seed + 7919);
      return finish(task, toPairs(train), toPairs(test), test.length, (s) => s.trim(), "");
    }
    case "cmudict": {
      if (corpus === undefined) throw new RangeError("The pronunciation task needs the CMUdict extract (cmudict.tsv), which was not loaded.");
      const words = parseCmudict(corpus);
      const split = splitItems(words, 0, 0.1, seed);
      const pair = (w: { word: string; phonemes: readonly string[] }): SeqPair => ({ source: chars(w.word), target: w.phonemes });
      const test = shuffled(split.test, seed + 1).slice(0, TEST_SIZE).map(pair);
      return finish(task, split.train.map(pair), test, split.test.length, normaliseWord, " ");
    }
  }
}
