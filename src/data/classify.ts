// src/data/classify.ts: text classification data: loaders, tokenisers, a balanced split, token batches, metrics.
// Pure (no DOM): usable in a worker. Batches are in engine v2's format (docs/conformance.md, "v2: new keys"):
// ids `inputs [T][B]` time-major, `lengths [B]` in 1 … T, padding present but never read.
import { createRng } from "../engine/rng";
import { DataInputError, excerpt } from "./messages";

export interface LabelledText {
  readonly text: string;
  /** Index into the data set's `classes`. */
  readonly label: number;
}

export interface ClassDataset {
  /** Class names, in order of first appearance (the built-in sets fix theirs: ["ham", "spam"], ["female", "male"]). */
  readonly classes: readonly string[];
  readonly examples: readonly LabelledText[];
}

/** Limits on a learner's own lines. */
export interface LineLimits {
  readonly maxLines: number;
  readonly maxLineChars: number;
  /** Characters in all (a paste or file is refused whole above it, before it is split). */
  readonly maxTotalChars: number;
  readonly maxClasses: number;
  /** Each class needs a few examples for training, validation and test. */
  readonly minPerClass: number;
}

/** The lab's limits: it trains in the browser. */
export const USER_LIMITS: LineLimits = { maxLines: 20_000, maxLineChars: 2_000, maxTotalChars: 2_000_000, maxClasses: 10, minPerClass: 3 };

function rowsOf(text: string, file: string, header: string): string[][] {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  if (lines[0] !== header) throw new DataInputError({ code: "badHeader", values: { file, expected: header.replaceAll("\t", "<TAB>"), found: excerpt(lines[0] ?? "") } });
  const columns = header.split("\t").length;
  return lines.slice(1).map((line, i) => {
    const cells = line.split("\t");
    if (cells.length !== columns) throw new DataInputError({ code: "badRow", values: { file, line: i + 2, text: excerpt(line) } });
    return cells;
  });
}

function withClasses(classes: readonly string[], rows: readonly (readonly [string, string])[], file: string): ClassDataset {
  const examples = rows.map(([label, text], i) => {
    const c = classes.indexOf(label);
    if (c < 0) throw new DataInputError({ code: "badRow", values: { file, line: i + 2, text: excerpt(`${label}\t${text}`) } });
    return { text, label: c };
  });
  return { classes, examples };
}

/** public/data/spam.tsv (`label, subject, body`): the text is the subject, a line break, then the body. Classes ham 0, spam 1. */
export function parseSpamTsv(text: string): ClassDataset {
  const rows = rowsOf(text, "spam.tsv", "label\tsubject\tbody");
  return withClasses(["ham", "spam"], rows.map(([label, subject, body]) => [label, `${subject}\n${body}`] as const), "spam.tsv");
}

/** public/data/names.tsv (`label, name`). Classes female 0, male 1. */
export function parseNamesTsv(text: string): ClassDataset {
  const rows = rowsOf(text, "names.tsv", "label\tname");
  return withClasses(["female", "male"], rows.map(([label, name]) => [label, name] as const), "names.tsv");
}

/**
 * A learner's own examples, one per line: `label<TAB>text` (the first tab separates; the text may hold more tabs).
 * Blank lines are skipped; a trailing "\r" and a leading byte-order mark are dropped. Refuses, naming the first bad
 * line: no tab, empty label or text, an overlong line or text, too many lines or classes, a single class, a class with fewer than `minPerClass` examples.
 */
export function parseLabelledLines(text: string, limits: LineLimits = USER_LIMITS): ClassDataset {
  if (text.length > limits.maxTotalChars) throw new DataInputError({ code: "textTooLarge", values: { chars: text.length, max: limits.maxTotalChars } });
  // A byte-order mark from a Windows editor would otherwise become part of the first label.
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  const filled = lines.filter((l) => l.trim() !== "").length;
  if (filled === 0) throw new DataInputError({ code: "empty", values: {} });
  if (filled > limits.maxLines) throw new DataInputError({ code: "tooManyLines", values: { lines: filled, max: limits.maxLines } });
  const classes: string[] = [];
  const counts: number[] = [];
  const examples: LabelledText[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, "");
    if (line.trim() === "") continue;
    const n = i + 1;
    const length = Array.from(line).length;
    if (length > limits.maxLineChars) throw new DataInputError({ code: "lineTooLong", values: { line: n, length, max: limits.maxLineChars } });
    const tab = line.indexOf("\t");
    if (tab < 0) throw new DataInputError({ code: "noTab", values: { line: n, text: excerpt(line) } });
    const label = line.slice(0, tab).trim();
    const body = line.slice(tab + 1).trim();
    if (label === "") throw new DataInputError({ code: "emptyLabel", values: { line: n } });
    if (body === "") throw new DataInputError({ code: "emptyText", values: { line: n } });
    let c = classes.indexOf(label);
    if (c < 0) {
      if (classes.length === limits.maxClasses) {
        const all = new Set(lines.map((l) => l.split("\t")[0].trim()).filter((l, j) => l !== "" && lines[j].includes("\t")));
        throw new DataInputError({ code: "tooManyClasses", values: { classes: all.size, max: limits.maxClasses } });
      }
      c = classes.push(label) - 1;
      counts.push(0);
    }
    counts[c]++;
    examples.push({ text: body, label: c });
  }
  if (classes.length === 1) throw new DataInputError({ code: "oneClass", values: { label: classes[0] } });
  const small = counts.findIndex((k) => k < limits.minPerClass);
  if (small >= 0) throw new DataInputError({ code: "tooFewPerClass", values: { label: classes[small], count: counts[small], min: limits.minPerClass } });
  return { classes, examples };
}

/** Number of examples of each class (index = class), over `indices` or the whole set. */
export function classCounts(data: ClassDataset, indices?: ArrayLike<number>): number[] {
  const counts = new Array<number>(data.classes.length).fill(0);
  if (indices === undefined) for (const e of data.examples) counts[e.label]++;
  else for (let i = 0; i < indices.length; i++) counts[data.examples[indices[i]].label]++;
  return counts;
}

// ---------------------------------------------------------------------------------------------------------------
// Tokens

export type TokenKind = "char" | "word";
export const PAD = "<pad>";
export const UNK = "<unk>";
export const PAD_ID = 0;
export const UNK_ID = 1;

/** Characters (Unicode code points, so an emoji or a CJK character is one token). */
export function charTokens(text: string): string[] {
  return Array.from(text);
}

/** Lower-cased words (letters, digits and inner apostrophes) and single punctuation marks; white space separates. */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu) ?? [];
}

export function tokenize(text: string, kind: TokenKind): string[] {
  return kind === "char" ? charTokens(text) : wordTokens(text);
}

/** Id 0 is padding, 1 stands for any token not in the vocabulary; then tokens by falling count. */
export interface TokenVocabulary {
  readonly kind: TokenKind;
  readonly tokens: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  /** Share of the counted tokens (of the texts the vocabulary was built from) that map to <unk>. */
  readonly unknownRate: number;
}

/**
 * The `maxSize − 2` most frequent tokens of `texts` (count, ties by code-point order, so the result is
 * deterministic), dropping tokens seen fewer than `minCount` times. Build it from the training texts only.
 */
export function buildTokenVocabulary(texts: Iterable<string>, kind: TokenKind, maxSize: number, minCount = 1): TokenVocabulary {
  if (!(maxSize >= 3)) throw new RangeError(`A vocabulary needs room for <pad>, <unk> and a token: maxSize ${maxSize}.`);
  const counts = new Map<string, number>();
  let total = 0;
  for (const t of texts) {
    for (const tok of tokenize(t, kind)) {
      counts.set(tok, (counts.get(tok) ?? 0) + 1);
      total++;
    }
  }
  const ranked = [...counts].filter(([, c]) => c >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const kept = ranked.slice(0, maxSize - 2);
  const tokens = [PAD, UNK, ...kept.map(([t]) => t)];
  const covered = kept.reduce((s, [, c]) => s + c, 0);
  return { kind, tokens, index: new Map(tokens.map((t, i) => [t, i])), unknownRate: total === 0 ? 0 : 1 - covered / total };
}

/**
 * Ids of a text's first `maxLength` tokens (unknown → UNK_ID). Never empty: a text with no token (only white
 * space for word tokens) becomes [UNK_ID], because engine v2 needs lengths ≥ 1.
 */
export function encodeText(text: string, vocab: TokenVocabulary, maxLength: number): Int32Array {
  const toks = tokenize(text, vocab.kind);
  const n = Math.min(toks.length, maxLength);
  if (n === 0) return Int32Array.of(UNK_ID);
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) ids[i] = vocab.index.get(toks[i]) ?? UNK_ID;
  return ids;
}

// ---------------------------------------------------------------------------------------------------------------
// Split and batches

/** Example indices of each part. `validation` and `test` hold the same number of examples of every class. */
export interface ClassSplit {
  readonly train: Int32Array;
  readonly validation: Int32Array;
  readonly test: Int32Array;
  /** Examples of each class in the validation and in the test part. */
  readonly perClassValidation: number;
  readonly perClassTest: number;
}

/**
 * A seeded split whose validation and test parts are balanced: each takes round(fraction × smallest class count)
 * examples of every class (at least 1), drawn at random within the class; the rest is training (unbalanced if
 * the data is). Accuracy on a balanced test set is not flattered by the majority class: chance is 1 / classes.
 */
export function balancedSplit(data: ClassDataset, validationFraction: number, testFraction: number, seed: number): ClassSplit {
  const C = data.classes.length;
  const byClass: number[][] = Array.from({ length: C }, () => []);
  data.examples.forEach((e, i) => byClass[e.label].push(i));
  const smallest = Math.min(...byClass.map((c) => c.length));
  const perClassTest = Math.max(1, Math.round(smallest * testFraction));
  const perClassValidation = Math.max(1, Math.round(smallest * validationFraction));
  if (perClassTest + perClassValidation >= smallest) {
    const c = byClass.findIndex((x) => x.length === smallest);
    throw new DataInputError({ code: "tooFewPerClass", values: { label: data.classes[c], count: smallest, min: perClassTest + perClassValidation + 1 } });
  }
  const rng = createRng(seed);
  const train: number[] = [];
  const validation: number[] = [];
  const test: number[] = [];
  for (const members of byClass) {
    const shuffled = members.slice();
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    test.push(...shuffled.slice(0, perClassTest));
    validation.push(...shuffled.slice(perClassTest, perClassTest + perClassValidation));
    train.push(...shuffled.slice(perClassTest + perClassValidation));
  }
  const sorted = (a: number[]): Int32Array => Int32Array.from(a).sort();
  return { train: sorted(train), validation: sorted(validation), test: sorted(test), perClassValidation, perClassTest };
}

/** A batch of token sequences of different lengths, in engine v2's layout. */
export interface TokenBatch {
  /** Longest sequence in the batch. */
  readonly T: number;
  readonly B: number;
  /** Token ids [T][B], time-major; PAD_ID after each sequence's end. */
  readonly inputs: Int32Array;
  /** n_b for each sequence, 1 … T. */
  readonly lengths: Int32Array;
  /** Class index of each sequence [B]. */
  readonly labels: Int32Array;
  /** Which examples these are [B]. */
  readonly indices: Int32Array;
}

/** Batches examples `indices` (in that order) of `encoded` with their `labels`. */
export function makeTokenBatch(encoded: readonly Int32Array[], labels: ArrayLike<number>, indices: ArrayLike<number>): TokenBatch {
  const B = indices.length;
  let T = 0;
  for (let b = 0; b < B; b++) T = Math.max(T, encoded[indices[b]].length);
  const inputs = new Int32Array(T * B).fill(PAD_ID);
  const lengths = new Int32Array(B);
  const out = new Int32Array(B);
  for (let b = 0; b < B; b++) {
    const ids = encoded[indices[b]];
    if (ids.length === 0) throw new RangeError(`Example ${indices[b]} has no tokens; engine v2 needs lengths ≥ 1.`);
    lengths[b] = ids.length;
    out[b] = labels[indices[b]];
    for (let t = 0; t < ids.length; t++) inputs[t * B + b] = ids[t];
  }
  return { T, B, inputs, lengths, labels: out, indices: Int32Array.from(indices) };
}

/** Mini-batches of the training examples: each epoch a new seeded order; the last batch of an epoch may be smaller. */
export class TokenBatcher {
  private order: Int32Array;
  private position = 0;
  private readonly rng;
  epoch = 0;

  constructor(
    private readonly encoded: readonly Int32Array[],
    private readonly labels: ArrayLike<number>,
    pool: Int32Array,
    readonly B: number,
    seed: number,
  ) {
    if (pool.length === 0) throw new RangeError("TokenBatcher: no training examples.");
    this.order = pool.slice();
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

  next(): TokenBatch {
    if (this.position >= this.order.length) {
      this.position = 0;
      this.epoch++;
      this.shuffle();
    }
    const rows = this.order.subarray(this.position, Math.min(this.order.length, this.position + this.B));
    this.position += rows.length;
    return makeTokenBatch(this.encoded, this.labels, rows);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Metrics. Predictions are class indices; probabilities are [N][C] row-major (a binary model's sigmoid p gives
// the row [1 − p, p]).

export function accuracy(predicted: ArrayLike<number>, gold: ArrayLike<number>): number {
  if (predicted.length !== gold.length) throw new RangeError(`${predicted.length} predictions for ${gold.length} labels.`);
  let right = 0;
  for (let i = 0; i < gold.length; i++) if (predicted[i] === gold[i]) right++;
  return gold.length === 0 ? NaN : right / gold.length;
}

/** counts[true class][predicted class]. */
export function confusionMatrix(predicted: ArrayLike<number>, gold: ArrayLike<number>, C: number): number[][] {
  const m = Array.from({ length: C }, () => new Array<number>(C).fill(0));
  for (let i = 0; i < gold.length; i++) m[gold[i]][predicted[i]]++;
  return m;
}

export interface ClassScores {
  /** Of the examples predicted as this class, the share that are (NaN when none was predicted). */
  readonly precision: number;
  /** Of the examples of this class, the share predicted as it (NaN when it has none). */
  readonly recall: number;
  /** Harmonic mean of precision and recall (0 when both are 0, NaN when either is undefined). */
  readonly f1: number;
  /** Examples of this class. */
  readonly support: number;
}

export function precisionRecallF1(confusion: readonly (readonly number[])[]): { perClass: ClassScores[]; macroF1: number } {
  const C = confusion.length;
  const perClass: ClassScores[] = [];
  for (let c = 0; c < C; c++) {
    const tp = confusion[c][c];
    let predicted = 0;
    let support = 0;
    for (let r = 0; r < C; r++) predicted += confusion[r][c];
    for (let p = 0; p < C; p++) support += confusion[c][p];
    const precision = predicted === 0 ? NaN : tp / predicted;
    const recall = support === 0 ? NaN : tp / support;
    const f1 = Number.isNaN(precision) || Number.isNaN(recall) ? NaN : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perClass.push({ precision, recall, f1, support });
  }
  const defined = perClass.filter((s) => !Number.isNaN(s.f1));
  const macroF1 = defined.length === 0 ? NaN : defined.reduce((s, x) => s + x.f1, 0) / defined.length;
  return { perClass, macroF1 };
}

/** Class with the highest probability in each row of probabilities [N][C] (the first on a tie). */
export function argmaxRows(probabilities: Float64Array, C: number): Int32Array {
  const N = probabilities.length / C;
  const out = new Int32Array(N);
  for (let n = 0; n < N; n++) {
    let best = 0;
    for (let c = 1; c < C; c++) if (probabilities[n * C + c] > probabilities[n * C + best]) best = c;
    out[n] = best;
  }
  return out;
}

export interface LengthBucket {
  /** Lengths from `from` to `to` inclusive (`to` is Infinity for the last bucket). */
  readonly from: number;
  readonly to: number;
  readonly count: number;
  /** NaN for an empty bucket. */
  readonly accuracy: number;
}

/** Accuracy of examples grouped by length: bucket i holds lengths in [edges[i], edges[i+1]); the last is open. */
export function accuracyByLength(lengths: ArrayLike<number>, predicted: ArrayLike<number>, gold: ArrayLike<number>, edges: readonly number[]): LengthBucket[] {
  return edges.map((from, i) => {
    const to = i + 1 < edges.length ? edges[i + 1] - 1 : Infinity;
    let count = 0;
    let right = 0;
    for (let n = 0; n < gold.length; n++) {
      if (lengths[n] < from || lengths[n] > to) continue;
      count++;
      if (predicted[n] === gold[n]) right++;
    }
    return { from, to, count, accuracy: count === 0 ? NaN : right / count };
  });
}

export interface Mistake {
  /** Position in the evaluated list (map it to the example through your indices). */
  readonly row: number;
  readonly predicted: number;
  readonly gold: number;
  /** Probability the model gave its (wrong) answer. */
  readonly confidence: number;
}

/** Wrong answers, most confident first (ties: earlier row first), at most `max`. */
export function mostConfidentMistakes(probabilities: Float64Array, gold: ArrayLike<number>, C: number, max: number): Mistake[] {
  const predicted = argmaxRows(probabilities, C);
  const out: Mistake[] = [];
  for (let n = 0; n < gold.length; n++) {
    if (predicted[n] !== gold[n]) out.push({ row: n, predicted: predicted[n], gold: gold[n], confidence: probabilities[n * C + predicted[n]] });
  }
  return out.sort((a, b) => b.confidence - a.confidence || a.row - b.row).slice(0, max);
}

// ---------------------------------------------------------------------------------------------------------------
// A baseline that ignores order: does the RNN learn more than which tokens occur?

/** Multinomial naive Bayes over token ids: log P(class) and log P(token | class), Laplace-smoothed. */
export interface NaiveBayes {
  readonly C: number;
  readonly V: number;
  readonly logPrior: Float64Array; // [C]
  readonly logLikelihood: Float64Array; // [C][V]
}

/**
 * Fits on examples `indices`: P(token v | class c) = (count(v, c) + α) / (Σ_v count(v, c) + α·V), P(c) = share of
 * class c. A "bag of tokens": it sees which characters or words occur, never their order.
 */
export function fitNaiveBayes(encoded: readonly Int32Array[], labels: ArrayLike<number>, indices: ArrayLike<number>, V: number, C: number, alpha = 1): NaiveBayes {
  const counts = new Float64Array(C * V);
  const docs = new Float64Array(C);
  for (let i = 0; i < indices.length; i++) {
    const n = indices[i];
    const c = labels[n];
    docs[c]++;
    for (const id of encoded[n]) counts[c * V + id]++;
  }
  const logPrior = new Float64Array(C);
  const logLikelihood = new Float64Array(C * V);
  for (let c = 0; c < C; c++) {
    logPrior[c] = Math.log(docs[c] / indices.length);
    let total = 0;
    for (let v = 0; v < V; v++) total += counts[c * V + v];
    for (let v = 0; v < V; v++) logLikelihood[c * V + v] = Math.log((counts[c * V + v] + alpha) / (total + alpha * V));
  }
  return { C, V, logPrior, logLikelihood };
}

/** Class probabilities [N][C] for examples `indices` (softmax of the log posterior, computed stably). */
export function naiveBayesProbabilities(model: NaiveBayes, encoded: readonly Int32Array[], indices: ArrayLike<number>): Float64Array {
  const { C, V } = model;
  const out = new Float64Array(indices.length * C);
  const score = new Float64Array(C);
  for (let i = 0; i < indices.length; i++) {
    let max = -Infinity;
    for (let c = 0; c < C; c++) {
      let s = model.logPrior[c];
      for (const id of encoded[indices[i]]) s += model.logLikelihood[c * V + id];
      score[c] = s;
      max = Math.max(max, s);
    }
    let z = 0;
    for (let c = 0; c < C; c++) z += Math.exp(score[c] - max);
    for (let c = 0; c < C; c++) out[i * C + c] = Math.exp(score[c] - max) / z;
  }
  return out;
}
