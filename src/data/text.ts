// src/data/text.ts: text for character models: checks, a vocabulary of code points, and streams of windows over it.
//
// A "character" here is one Unicode code point: a Chinese character, a letter or an emoji (outside the BMP, two
// UTF-16 units) is one symbol. Nothing here touches the DOM, so the worker and Node tests use the same code.
import type { Batch } from "../engine";

/** Longest text the lab trains on, in characters (code points): beyond this the page stays responsive no longer. */
export const MAX_TEXT_CHARS = 1_000_000;
/** A file larger than this many bytes is not read whole: only its first part, up to MAX_TEXT_CHARS characters. */
export const MAX_FILE_BYTES = MAX_TEXT_CHARS * 4;

export type TextProblem = "empty" | "oneSymbol" | "tooLarge" | "tooShort" | "notUtf8" | "notText" | "unknownSymbol";

/** A text the lab cannot use, with what the learner can do about it. */
export class TextInputError extends Error {
  readonly problem: TextProblem;
  /** For "tooLarge": the text's length and the limit, both in characters. */
  readonly length: number;
  readonly limit: number;
  constructor(problem: TextProblem, message: string, length = 0, limit = 0) {
    super(message);
    this.name = "TextInputError";
    this.problem = problem;
    this.length = length;
    this.limit = limit;
  }
}

const grouped = (n: number): string => n.toLocaleString("en");

/** Number of code points in s (not UTF-16 units). */
export function countChars(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < s.length) {
      const v = s.charCodeAt(i + 1);
      if (v >= 0xdc00 && v <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** The first n code points of s (never splits a surrogate pair). */
export function firstChars(s: string, n: number): string {
  let i = 0;
  let count = 0;
  while (i < s.length && count < n) {
    const cp = s.codePointAt(i) ?? 0;
    i += cp > 0xffff ? 2 : 1;
    count++;
  }
  return s.slice(0, i);
}

/** One line ending ("\n") everywhere and no byte-order mark: "\r\n" and "\r" would otherwise be symbols of their own. */
export function normalizeText(s: string): string {
  const noBom = s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  return noBom.replace(/\r\n?/g, "\n");
}

/**
 * Decodes a file's bytes as UTF-8, refusing anything else. `isPartial` when the bytes are the first part of a
 * longer file: a multi-byte character cut at the end is then dropped instead of refused.
 */
export function decodeUtf8(bytes: Uint8Array, fileName: string, isPartial = false): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: isPartial });
  } catch {
    throw new TextInputError(
      "notUtf8",
      `"${fileName}" is not UTF-8 text: it holds bytes that UTF-8 does not allow. If it is text in another encoding ` +
        "(such as Windows-1252 or GBK), save it again as UTF-8 and open it again, or paste the text instead.",
    );
  }
  // Valid UTF-8 can still be binary data (an image, a zip file): NUL never appears in text.
  if (text.includes("\u0000")) {
    throw new TextInputError("notText", `"${fileName}" looks like a binary file, not text (it contains NUL bytes). Open a plain-text .txt file.`);
  }
  return text;
}

export interface Vocabulary {
  /** One code point per symbol; the position is the class index the network sees. */
  readonly symbols: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

export function vocabularyOf(symbols: readonly string[]): Vocabulary {
  const index = new Map<string, number>();
  symbols.forEach((s, i) => index.set(s, i));
  return { symbols, index };
}

/** Every distinct code point of the text, sorted by code point (so the same text always gives the same order). */
export function buildVocabulary(text: string): Vocabulary {
  const seen = new Set<string>();
  for (const ch of text) seen.add(ch);
  const symbols = [...seen].sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0));
  return vocabularyOf(symbols);
}

/** How a symbol reads in a list or a bar label: invisible ones get a name. */
export function describeSymbol(s: string): string {
  switch (s) {
    case "\n":
      return "↵ (new line)";
    case " ":
      return "␣ (space)";
    case "\t":
      return "⇥ (tab)";
    default:
      return s;
  }
}

/** A symbol as it sits in running text shown on the page (a space stays a space, a new line a line break). */
export function quoteSymbol(s: string): string {
  return s === "\n" ? "↵" : s === " " ? "␣" : s === "\t" ? "⇥" : s;
}

export interface CheckedText {
  text: string;
  /** Length in characters (code points). */
  length: number;
  vocabulary: Vocabulary;
}

/**
 * Checks a text the learner gave (already normalised): not empty, not over the limit, at least two distinct
 * characters. Throws TextInputError saying what is wrong and what to do.
 */
export function checkText(text: string): CheckedText {
  if (text.trim() === "") {
    throw new TextInputError("empty", "The text is empty. Paste some text (a few thousand characters or more), open a .txt file, or pick a built-in text.");
  }
  const length = countChars(text);
  if (length > MAX_TEXT_CHARS) {
    throw new TextInputError(
      "tooLarge",
      `The text has ${grouped(length)} characters; the lab trains on at most ${grouped(MAX_TEXT_CHARS)}. Use its first ${grouped(MAX_TEXT_CHARS)} characters, or a shorter text.`,
      length,
      MAX_TEXT_CHARS,
    );
  }
  const vocabulary = buildVocabulary(text);
  if (vocabulary.symbols.length < 2) {
    const only = describeSymbol(vocabulary.symbols[0]);
    throw new TextInputError(
      "oneSymbol",
      `The text uses a single distinct character ("${only}"), so there is nothing to learn: the next character is always "${only}". Use a text with at least two different characters.`,
    );
  }
  return { text, length, vocabulary };
}

/** Class indices of the text's characters; throws "unknownSymbol" naming the first character not in the vocabulary. */
export function encode(text: string, vocabulary: Vocabulary, what = "The text"): Int32Array {
  const out = new Int32Array(countChars(text));
  let t = 0;
  for (const ch of text) {
    const i = vocabulary.index.get(ch);
    if (i === undefined) {
      throw new TextInputError("unknownSymbol", `${what} has "${describeSymbol(ch)}" (character ${t + 1}), which is not in the model's vocabulary of ${vocabulary.symbols.length} characters.`);
    }
    out[t++] = i;
  }
  return out;
}

/** The text's characters that the vocabulary lacks (each once, in order of appearance, at most `max`). */
export function missingSymbols(text: string, vocabulary: Vocabulary, max = 10): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const ch of text) {
    if (vocabulary.index.has(ch) || seen.has(ch)) continue;
    seen.add(ch);
    out.push(ch);
    if (out.length >= max) break;
  }
  return out;
}

/** Class indices of the characters the vocabulary has, skipping the rest (for looking inside a model on any text). */
export function encodeKnown(text: string, vocabulary: Vocabulary, maxLength: number): Int32Array {
  const out: number[] = [];
  for (const ch of text) {
    const i = vocabulary.index.get(ch);
    if (i === undefined) continue;
    out.push(i);
    if (out.length >= maxLength) break;
  }
  return Int32Array.from(out);
}

export function decode(ids: ArrayLike<number>, vocabulary: Vocabulary): string {
  let s = "";
  for (let t = 0; t < ids.length; t++) s += vocabulary.symbols[ids[t]];
  return s;
}

/** The text split once: training on the head, validation on the held-out tail (never trained on). */
export interface TextSplit {
  train: Int32Array;
  validation: Int32Array;
}

export function splitText(ids: Int32Array, validationFraction: number): TextSplit {
  const nVal = Math.floor(ids.length * validationFraction);
  return { train: ids.subarray(0, ids.length - nVal), validation: ids.subarray(ids.length - nVal) };
}

/** Why a text is too short for windows of T steps over B streams; null when it is long enough. */
export function streamProblem(trainLength: number, B: number, T: number): string | null {
  const need = B * (T + 1);
  if (trainLength >= need) return null;
  return `The training part of the text has ${grouped(trainLength)} characters, but ${B} parallel streams of ${T + 1} characters need ${grouped(need)}. Lower the batch size or the BPTT length, or use a longer text.`;
}

/**
 * B parallel streams over one text, for truncated BPTT: stream b reads its own contiguous stretch of the text,
 * one window of T characters per step, and the state is carried from one window to the next. When a stream
 * reaches the end of its stretch, every stream starts again at the beginning of its own, from a zero state.
 */
export class TextStreams {
  readonly B: number;
  readonly T: number;
  /** Characters per stream; stream b covers ids[b·S … b·S + S] (one more for the last target). */
  readonly S: number;
  private readonly ids: Int32Array;
  private position = 0;
  private passes = 0;
  private readonly inputIndices: Int32Array;
  private readonly targetIndices: Int32Array;
  readonly batch: Batch;

  constructor(ids: Int32Array, B: number, T: number) {
    const problem = streamProblem(ids.length, B, T);
    if (problem) throw new TextInputError("tooShort", problem);
    this.ids = ids;
    this.B = B;
    this.T = T;
    this.S = Math.floor((ids.length - 1) / B);
    this.inputIndices = new Int32Array(T * B);
    this.targetIndices = new Int32Array(T * B);
    this.batch = { T, B, inputIndices: this.inputIndices, targetIndices: this.targetIndices };
  }

  /** Full passes over the text so far (epochs), with the fraction of the current one. */
  get epoch(): number {
    return this.passes + this.position / this.S;
  }

  /** Where the next window starts in every stream (0: a fresh pass, from a zero state). */
  get nextPosition(): number {
    return this.position;
  }

  /**
   * Fills the batch with the next window ([T][B], time-major, overwriting the previous one) and says whether the
   * streams start afresh (the caller begins from a zero state instead of carrying the last one over).
   */
  next(): { batch: Batch; isFresh: boolean } {
    const { B, T, S, ids } = this;
    let isFresh = this.position === 0;
    if (this.position + T > S) {
      this.position = 0;
      this.passes++;
      isFresh = true;
    }
    const p = this.position;
    for (let t = 0; t < T; t++) {
      for (let b = 0; b < B; b++) {
        const at = b * S + p + t;
        this.inputIndices[t * B + b] = ids[at];
        this.targetIndices[t * B + b] = ids[at + 1];
      }
    }
    this.position += T;
    return { batch: this.batch, isFresh };
  }
}

/** Windows that cover up to `maxTokens` of a held-out text as B streams of T steps, evaluated with the state carried. */
export function validationWindows(ids: Int32Array, B: number, T: number, maxTokens: number): Batch[] {
  const usable = Math.min(ids.length - 1, maxTokens);
  const perStream = Math.floor(usable / B);
  const windows = Math.floor(perStream / T);
  if (windows < 1) return [];
  const S = Math.floor((ids.length - 1) / B);
  const out: Batch[] = [];
  for (let w = 0; w < windows; w++) {
    const inputIndices = new Int32Array(T * B);
    const targetIndices = new Int32Array(T * B);
    for (let t = 0; t < T; t++) {
      for (let b = 0; b < B; b++) {
        const at = b * S + w * T + t;
        inputIndices[t * B + b] = ids[at];
        targetIndices[t * B + b] = ids[at + 1];
      }
    }
    out.push({ T, B, inputIndices, targetIndices });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Simple facts about each character of a text, to find the hidden units that track them.

export type FeatureName = "insideQuotes" | "positionInLine" | "afterSpace" | "punctuation";

export interface FeatureInfo {
  name: FeatureName;
  label: string;
  /** What the value is at character t (the state h_t has just read character t). */
  meaning: string;
}

export const FEATURES: readonly FeatureInfo[] = [
  { name: "insideQuotes", label: "inside quotes", meaning: "1 between an opening and a closing quotation mark (\" “ ” 「 」 『 』), else 0" },
  { name: "positionInLine", label: "position in line", meaning: "characters since the last new line (0 at the new line)" },
  { name: "afterSpace", label: "after a space", meaning: "1 when the character just read is a space (a word begins next), else 0" },
  { name: "punctuation", label: "punctuation", meaning: "1 when the character just read is punctuation (. , ; ! ? 。 ， …), else 0" },
];

const OPENING = new Set(["“", "「", "『"]);
const CLOSING = new Set(["”", "」", "』"]);
const PUNCTUATION = /\p{P}/u;

/** Each feature's value at every character of `chars` (one code point per entry). */
export function textFeatures(chars: readonly string[]): Record<FeatureName, Float64Array> {
  const n = chars.length;
  const insideQuotes = new Float64Array(n);
  const positionInLine = new Float64Array(n);
  const afterSpace = new Float64Array(n);
  const punctuation = new Float64Array(n);
  let inside = false;
  let column = 0;
  for (let t = 0; t < n; t++) {
    const ch = chars[t];
    // A straight quote opens or closes by turn; curly and CJK quotes say which they are.
    if (ch === '"') inside = !inside;
    else if (OPENING.has(ch)) inside = true;
    else if (CLOSING.has(ch)) inside = false;
    insideQuotes[t] = inside ? 1 : 0;
    column = ch === "\n" ? 0 : column + 1;
    positionInLine[t] = column;
    afterSpace[t] = ch === " " ? 1 : 0;
    punctuation[t] = PUNCTUATION.test(ch) ? 1 : 0;
  }
  return { insideQuotes, positionInLine, afterSpace, punctuation };
}

/** Pearson correlation of x and y over n points, or NaN when either does not vary. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>, n: number): number {
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}
