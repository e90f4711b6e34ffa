// src/data/seq2seq.ts: vocabularies, teacher-forcing batches, metrics and typed-input checks for the translation lab.
// Batches are in engine v2's seq2seq format (docs/conformance.md, "v2: sequence-to-sequence fixtures"):
// source [S][B] + sourceLengths [B]; targetIn / targetOut [U][B], targetOut −100 where nothing is predicted.
import { createRng } from "../engine/rng";
import type { DataProblem } from "./messages";

export const SEQ_PAD = "<pad>";
export const SEQ_BOS = "<bos>";
export const SEQ_EOS = "<eos>";
export const SEQ_UNK = "<unk>";
export const PAD_ID = 0;
export const BOS_ID = 1;
export const EOS_ID = 2;
export const UNK_ID = 3;
/** PyTorch's ignore_index: targetOut holds it after a target's end. */
export const IGNORE_INDEX = -100;

/** Ids 0–3 are <pad>, <bos>, <eos>, <unk>; then the symbols in code-point order (stable across runs and seeds). */
export interface SymbolVocabulary {
  readonly symbols: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

export function buildSymbolVocabulary(sequences: Iterable<readonly string[]>): SymbolVocabulary {
  const seen = new Set<string>();
  for (const seq of sequences) for (const s of seq) seen.add(s);
  const symbols = [SEQ_PAD, SEQ_BOS, SEQ_EOS, SEQ_UNK, ...[...seen].sort()];
  return { symbols, index: new Map(symbols.map((s, i) => [s, i])) };
}

/** The vocabulary's own symbols, without the four special ones. */
export function plainSymbols(vocab: SymbolVocabulary): string[] {
  return vocab.symbols.slice(4);
}

/** One pair: source symbols (characters) and target symbols (characters, or phonemes). */
export interface SeqPair {
  readonly source: readonly string[];
  readonly target: readonly string[];
}

/** Characters of a string as symbols (code points). */
export function chars(s: string): string[] {
  return Array.from(s);
}

export function encodeSymbols(seq: readonly string[], vocab: SymbolVocabulary): Int32Array {
  return Int32Array.from(seq, (s) => vocab.index.get(s) ?? UNK_ID);
}

/** Symbols of ids up to (not including) the first <eos>; <bos> and <pad> are skipped. */
export function decodeSymbols(ids: ArrayLike<number>, vocab: SymbolVocabulary): string[] {
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id === EOS_ID) break;
    if (id === BOS_ID || id === PAD_ID) continue;
    out.push(vocab.symbols[id] ?? SEQ_UNK);
  }
  return out;
}

export interface Seq2SeqBatch {
  /** Longest source in the batch, <eos> included. */
  readonly S: number;
  /** Longest target + 1 (the <eos> step). */
  readonly U: number;
  readonly B: number;
  /** Source ids [S][B], time-major: the symbols then <eos>, <pad> after. */
  readonly source: Int32Array;
  /** n_b = source symbols + 1 (the <eos>). */
  readonly sourceLengths: Int32Array;
  /** Decoder inputs [U][B]: <bos>, then the target symbols; <pad> after. */
  readonly targetIn: Int32Array;
  /** What to predict [U][B]: the target symbols, then <eos>; IGNORE_INDEX after. */
  readonly targetOut: Int32Array;
  /** Which pairs these are [B]. */
  readonly indices: Int32Array;
}

/**
 * Teacher-forcing batch of pairs `indices`: targetIn[0] = <bos>, targetIn[u] = targetOut[u − 1] while the target
 * lasts, as the conformance fixtures have it. The source ends with <eos> so the encoder sees where it stops.
 */
export function makeSeq2SeqBatch(pairs: readonly SeqPair[], indices: ArrayLike<number>, sourceVocab: SymbolVocabulary, targetVocab: SymbolVocabulary): Seq2SeqBatch {
  const B = indices.length;
  let S = 0;
  let U = 0;
  for (let b = 0; b < B; b++) {
    const p = pairs[indices[b]];
    S = Math.max(S, p.source.length + 1);
    U = Math.max(U, p.target.length + 1);
  }
  const source = new Int32Array(S * B).fill(PAD_ID);
  const sourceLengths = new Int32Array(B);
  const targetIn = new Int32Array(U * B).fill(PAD_ID);
  const targetOut = new Int32Array(U * B).fill(IGNORE_INDEX);
  for (let b = 0; b < B; b++) {
    const p = pairs[indices[b]];
    const src = encodeSymbols(p.source, sourceVocab);
    for (let s = 0; s < src.length; s++) source[s * B + b] = src[s];
    source[src.length * B + b] = EOS_ID;
    sourceLengths[b] = src.length + 1;
    const tgt = encodeSymbols(p.target, targetVocab);
    targetIn[b] = BOS_ID;
    for (let u = 0; u < tgt.length; u++) {
      targetOut[u * B + b] = tgt[u];
      targetIn[(u + 1) * B + b] = tgt[u];
    }
    targetOut[tgt.length * B + b] = EOS_ID;
  }
  return { S, U, B, source, sourceLengths, targetIn, targetOut, indices: Int32Array.from(indices) };
}

/** Mini-batches of pairs in a new seeded order each epoch (the last batch of an epoch may be smaller). */
export class Seq2SeqBatcher {
  private readonly order: Int32Array;
  private position = 0;
  private readonly rng;
  epoch = 0;

  constructor(
    private readonly pairs: readonly SeqPair[],
    private readonly sourceVocab: SymbolVocabulary,
    private readonly targetVocab: SymbolVocabulary,
    readonly B: number,
    seed: number,
  ) {
    if (pairs.length === 0) throw new RangeError("Seq2SeqBatcher: no training pairs.");
    this.order = Int32Array.from(pairs.keys());
    this.rng = createRng(seed);
    this.shuffle();
  }

  private shuffle(): void {
    const o = this.order;
    for (let i = o.length - 1; i > 0; i--) {
      const j = this.rng.int(i + 1);
      const t = o[i];
      o[i] = o[j];
      o[j] = t;
    }
  }

  next(): Seq2SeqBatch {
    if (this.position >= this.order.length) {
      this.position = 0;
      this.epoch++;
      this.shuffle();
    }
    const rows = this.order.subarray(this.position, Math.min(this.order.length, this.position + this.B));
    this.position += rows.length;
    return makeSeq2SeqBatch(this.pairs, rows, this.sourceVocab, this.targetVocab);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Metrics

/** Teacher-forced token accuracy: share of the steps with a target (targetOut ≠ −100) where the argmax id is right. */
export function teacherForcedTokenAccuracy(predicted: ArrayLike<number>, targetOut: ArrayLike<number>): number {
  let n = 0;
  let right = 0;
  for (let i = 0; i < targetOut.length; i++) {
    if (targetOut[i] === IGNORE_INDEX) continue;
    n++;
    if (predicted[i] === targetOut[i]) right++;
  }
  return n === 0 ? NaN : right / n;
}

/** Levenshtein distance between two symbol sequences (insertions, deletions, substitutions all cost 1). */
export function editDistance(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

export interface DecodeScores {
  /** Share of outputs equal to their reference, symbol for symbol. */
  readonly exactMatch: number;
  /** Σ edit distance / Σ reference length: the phoneme (or character) error rate. 0 is perfect; it can exceed 1. */
  readonly errorRate: number;
  /** Share of reference positions i where output[i] = reference[i] (free-running, so one slip shifts the rest). */
  readonly tokenAccuracy: number;
}

/** Scores decoded outputs (greedy or beam) against references; both lists in the same order. */
export function scoreDecoded(outputs: readonly (readonly string[])[], references: readonly (readonly string[])[]): DecodeScores {
  if (outputs.length !== references.length) throw new RangeError(`${outputs.length} outputs for ${references.length} references.`);
  let exact = 0;
  let edits = 0;
  let refLength = 0;
  let right = 0;
  for (let n = 0; n < references.length; n++) {
    const out = outputs[n];
    const ref = references[n];
    if (out.length === ref.length && out.every((s, i) => s === ref[i])) exact++;
    edits += editDistance(out, ref);
    refLength += ref.length;
    for (let i = 0; i < ref.length; i++) if (out[i] === ref[i]) right++;
  }
  const N = references.length;
  return { exactMatch: N === 0 ? NaN : exact / N, errorRate: refLength === 0 ? NaN : edits / refLength, tokenAccuracy: refLength === 0 ? NaN : right / refLength };
}

export interface LengthRate {
  /** Source lengths from `from` to `to` inclusive (`to` is Infinity for the last bucket). */
  readonly from: number;
  readonly to: number;
  readonly count: number;
  /** Share of exact matches, NaN for an empty bucket. */
  readonly exactMatch: number;
}

/** Exact-match rate by source length (the "attention vs no attention" chart): buckets start at `edges`. */
export function exactMatchByLength(sourceLengths: ArrayLike<number>, isExact: readonly boolean[], edges: readonly number[]): LengthRate[] {
  return edges.map((from, i) => {
    const to = i + 1 < edges.length ? edges[i + 1] - 1 : Infinity;
    let count = 0;
    let right = 0;
    for (let n = 0; n < isExact.length; n++) {
      if (sourceLengths[n] < from || sourceLengths[n] > to) continue;
      count++;
      if (isExact[n]) right++;
    }
    return { from, to, count, exactMatch: count === 0 ? NaN : right / count };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Typed input

/** "␣, ',', 0–9, a–z": the symbols a model knows, runs of letters or digits shortened, a space shown as ␣ (no word to translate). */
export function describeAlphabet(symbols: readonly string[]): string {
  const sorted = [...new Set(symbols)].sort();
  const parts: string[] = [];
  const isAlnum = (s: string): boolean => /^[\p{L}\p{N}]$/u.test(s);
  const code = (s: string): number => (Array.from(s).length === 1 ? s.codePointAt(0)! : NaN);
  const show = (s: string): string => (s === " " ? "␣" : isAlnum(s) ? s : `'${s}'`);
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    // Only runs of letters or digits are shortened ("a–z", "0–9"), never "/–9".
    if (isAlnum(sorted[i])) while (j + 1 < sorted.length && code(sorted[j + 1]) === code(sorted[j]) + 1 && isAlnum(sorted[j + 1])) j++;
    parts.push(j - i >= 2 ? `${show(sorted[i])}–${show(sorted[j])}` : sorted.slice(i, j + 1).map(show).join(", "));
    i = j + 1;
  }
  return parts.join(", ");
}

export type InputCheck = { readonly ok: true; readonly symbols: string[] } | { readonly ok: false; readonly problem: DataProblem };

/**
 * Checks what a learner typed before it is encoded: empty (after trimming), longer than `maxLength` symbols, or
 * holding symbols the source vocabulary lacks (listed, at most five, quoted). `normalise` first (for CMUdict:
 * trim and lower-case, see normaliseWord).
 */
export function checkTypedInput(text: string, vocab: SymbolVocabulary, maxLength: number, normalise: (s: string) => string = (s) => s.trim()): InputCheck {
  const symbols = chars(normalise(text));
  if (symbols.length === 0) return { ok: false, problem: { code: "emptyInput", values: {} } };
  if (symbols.length > maxLength) return { ok: false, problem: { code: "inputTooLong", values: { length: symbols.length, max: maxLength } } };
  const unknown = [...new Set(symbols.filter((s) => !vocab.index.has(s) || vocab.index.get(s)! < 4))];
  if (unknown.length > 0) {
    const listed = unknown.slice(0, 5).map((s) => `"${s}"`).join(" ") + (unknown.length > 5 ? " …" : "");
    return { ok: false, problem: { code: "unknownSymbols", values: { symbols: listed, allowed: describeAlphabet(plainSymbols(vocab)) } } };
  }
  return { ok: true, symbols };
}

/** A typed word for the pronunciation task: trimmed and lower-cased ("Hello " → "hello"). */
export function normaliseWord(s: string): string {
  return s.trim().toLowerCase();
}

/** A typed date: trimmed, runs of white space made one space. */
export function normaliseDate(s: string): string {
  return s.trim().replace(/\s+/g, " ");
}
