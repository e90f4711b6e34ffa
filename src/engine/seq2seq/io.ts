// src/engine/seq2seq/io.ts: seq2seq model files: a JSON header, optional vocabularies, and state_dict with the names
// and shapes of the PyTorch module (docs/conformance.md), both ways, bit-identical. Malformed files are refused with
// a message that says what is wrong, before anything is allocated from their sizes or applied to a model.
import { EngineError } from "../errors";
import { ATTENTION_KINDS, normalizeSeq2SeqConfig, SEQ2SEQ_CELLS, seq2seqLayout, type Seq2SeqConfig } from "./config";
import type { Seq2SeqModel } from "./model";

export const SEQ2SEQ_FORMAT = "rnn-notebook-seq2seq";
export const SEQ2SEQ_FORMAT_VERSION = 1;
/** Larger files are refused before parsing (about 5M parameters at ~20 characters a number). */
export const MAX_SEQ2SEQ_FILE_CHARS = 100_000_000;
/** Longest vocabulary entry (a word, a phoneme, a character). */
export const MAX_TOKEN_CHARS = 64;

export interface SpecialTokens {
  /** Start of sentence: the decoder's first input (a target id). */
  sos: number;
  /** End of sentence: the id that ends a hypothesis (a target id). */
  eos: number;
  /** Padding of decoder inputs after the end (a target id); optional. */
  pad?: number;
}

export interface Seq2SeqFile {
  config: Seq2SeqConfig;
  /** θ in state_dict order. */
  params: Float64Array;
  /** Token of each source id, or null when the file has none. */
  sourceVocabulary: string[] | null;
  targetVocabulary: string[] | null;
  special: SpecialTokens | null;
}

export interface ExportExtras {
  sourceVocabulary?: readonly string[];
  targetVocabulary?: readonly string[];
  special?: SpecialTokens;
}

/** Shortest text that JSON.parse turns back into the same double ("-0" keeps its sign). */
function num(v: number): string {
  return Object.is(v, -0) ? "-0" : String(v);
}

function writeTensor(data: Float64Array, shape: readonly number[]): string {
  if (shape.length === 1) return `[${Array.from(data, num).join(",")}]`;
  const cols = shape[1];
  const rows: string[] = [];
  for (let r = 0; r < shape[0]; r++) rows.push(`[${Array.from(data.subarray(r * cols, (r + 1) * cols), num).join(",")}]`);
  return `[${rows.join(",")}]`;
}

function fail(message: string): never {
  throw new EngineError("model-file", message);
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  if (s === undefined) return String(v);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

function checkVocabulary(list: unknown, key: string, size: number, sizeKey: string): string[] {
  if (!Array.isArray(list)) fail(`"${key}" must be a list of tokens (strings), but is ${show(list)}.`);
  if (list.length !== size) fail(`"${key}" has ${list.length} tokens, but ${sizeKey} is ${size}; they must match.`);
  const seen = new Map<string, number>();
  list.forEach((tok, i) => {
    if (typeof tok !== "string" || tok.length === 0 || tok.length > MAX_TOKEN_CHARS) {
      fail(`"${key}"[${i}] must be a non-empty string of at most ${MAX_TOKEN_CHARS} characters, but is ${show(tok)}.`);
    }
    const prev = seen.get(tok);
    if (prev !== undefined) fail(`"${key}" lists ${show(tok)} twice (ids ${prev} and ${i}); each token must appear once.`);
    seen.set(tok, i);
  });
  return list as string[];
}

function checkSpecial(raw: unknown, Vt: number): SpecialTokens {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) fail(`"specialTokens" must be an object like {"sos": 0, "eos": 1}, but is ${show(raw)}.`);
  const r = raw as Record<string, unknown>;
  const out: SpecialTokens = { sos: 0, eos: 0 };
  for (const key of ["sos", "eos", "pad"] as const) {
    const v = r[key];
    if (v === undefined && key === "pad") continue;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v >= Vt) fail(`"specialTokens.${key}" must be a target id from 0 to ${Vt - 1}, but is ${show(v)}.`);
    out[key] = v;
  }
  const extra = Object.keys(r).filter((k) => k !== "sos" && k !== "eos" && k !== "pad");
  if (extra.length > 0) fail(`"specialTokens" has unknown key(s) ${extra.slice(0, 3).map(show).join(", ")}; it takes sos, eos and pad.`);
  return out;
}

/** The model as JSON text: header, optional vocabularies and special ids, then state_dict (PyTorch names and shapes). */
export function exportSeq2Seq(model: Seq2SeqModel, extras: ExportExtras = {}): string {
  const c = model.config;
  const theta = model.params;
  for (let i = 0; i < theta.length; i++) if (!Number.isFinite(theta[i])) throw new EngineError("value", "The model has non-finite weights; it cannot be saved.");
  const header: Record<string, unknown> = {
    format: SEQ2SEQ_FORMAT,
    version: SEQ2SEQ_FORMAT_VERSION,
    cell: c.cell,
    attention: c.attention,
    sourceVocabSize: c.sourceVocabSize,
    targetVocabSize: c.targetVocabSize,
    embeddingSize: c.embeddingSize,
    hiddenSize: c.hiddenSize,
  };
  // Extras are checked exactly as an import would check them, so every exported file can be read back.
  if (extras.sourceVocabulary) header.sourceVocabulary = checkExtra(() => checkVocabulary(extras.sourceVocabulary, "sourceVocabulary", c.sourceVocabSize, "sourceVocabSize"));
  if (extras.targetVocabulary) header.targetVocabulary = checkExtra(() => checkVocabulary(extras.targetVocabulary, "targetVocabulary", c.targetVocabSize, "targetVocabSize"));
  if (extras.special) header.specialTokens = checkExtra(() => checkSpecial(extras.special, c.targetVocabSize));
  const tensors = model.layout.specs.map((s) => `${JSON.stringify(s.name)}:${writeTensor(theta.subarray(s.offset, s.offset + s.size), s.shape)}`);
  const head = JSON.stringify(header);
  return `${head.slice(0, -1)},"state_dict":{${tensors.join(",")}}}`;
}

function checkExtra<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new EngineError("config", (e as Error).message);
  }
}

/**
 * Reads one tensor into θ at `offset`, checking its nesting and every length against `shape` first (nothing is
 * allocated from the file's sizes), then that every entry is a finite number.
 */
function readTensor(value: unknown, name: string, shape: readonly number[], theta: Float64Array, offset: number): void {
  const describe = (v: unknown): string => (Array.isArray(v) ? `a list of ${v.length}` : show(v));
  const want = `[${shape.join("][")}]`;
  if (shape.length === 1) {
    if (!Array.isArray(value) || value.length !== shape[0]) fail(`"${name}" must be ${want} (a list of ${shape[0]} numbers), but is ${describe(value)}.`);
    value.forEach((v: unknown, i) => {
      if (typeof v !== "number" || !Number.isFinite(v)) fail(`"${name}"[${i}] must be a finite number, but is ${show(v)}.`);
      theta[offset + i] = v;
    });
    return;
  }
  const [rows, cols] = shape;
  if (!Array.isArray(value) || value.length !== rows) fail(`"${name}" must be ${want} (${rows} rows of ${cols}), but is ${describe(value)}.`);
  for (let r = 0; r < rows; r++) {
    const row: unknown = value[r];
    if (!Array.isArray(row) || row.length !== cols) fail(`"${name}"[${r}] must be a list of ${cols} numbers (shape ${want}), but is ${describe(row)}.`);
    for (let j = 0; j < cols; j++) {
      const v: unknown = row[j];
      if (typeof v !== "number" || !Number.isFinite(v)) fail(`"${name}"[${r}][${j}] must be a finite number, but is ${show(v)}.`);
      theta[offset + r * cols + j] = v;
    }
  }
}

/** Parses and checks a seq2seq model file completely; nothing is applied anywhere. */
export function parseSeq2SeqFile(text: string): Seq2SeqFile {
  if (typeof text !== "string") fail("A model file must be text (JSON).");
  if (text.length > MAX_SEQ2SEQ_FILE_CHARS) fail(`The file has ${text.length.toLocaleString("en")} characters; model files are limited to ${MAX_SEQ2SEQ_FILE_CHARS.toLocaleString("en")}.`);
  if (text.trim() === "") fail("The file is empty; a model file is a JSON object.");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    fail(`The file is not valid JSON (${(e as Error).message.slice(0, 120)}).`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) fail("A model file must be a JSON object with a header and a state_dict.");
  const r = raw as Record<string, unknown>;
  if (r.format !== SEQ2SEQ_FORMAT) {
    const hint = r.format === "rnn-notebook-model" ? " This is a sequence model file, not an encoder–decoder." : "";
    fail(`"format" must be "${SEQ2SEQ_FORMAT}", but is ${show(r.format)}.${hint}`);
  }
  if (r.version !== SEQ2SEQ_FORMAT_VERSION) fail(`This file has format version ${show(r.version)}; this version of RNN Notebook reads version ${SEQ2SEQ_FORMAT_VERSION}.`);
  if (!SEQ2SEQ_CELLS.includes(r.cell as Seq2SeqConfig["cell"])) fail(`"cell" must be one of ${SEQ2SEQ_CELLS.join(", ")}, but is ${show(r.cell)}.`);
  if (!ATTENTION_KINDS.includes(r.attention as Seq2SeqConfig["attention"])) fail(`"attention" must be one of ${ATTENTION_KINDS.join(", ")}, but is ${show(r.attention)}.`);
  let config: Seq2SeqConfig;
  try {
    config = normalizeSeq2SeqConfig({
      cell: r.cell, attention: r.attention, sourceVocabSize: r.sourceVocabSize, targetVocabSize: r.targetVocabSize,
      embeddingSize: r.embeddingSize, hiddenSize: r.hiddenSize,
    });
  } catch (e) {
    return fail(`The header does not describe a valid model: ${(e as Error).message}`);
  }
  const sourceVocabulary = r.sourceVocabulary === undefined ? null : checkVocabulary(r.sourceVocabulary, "sourceVocabulary", config.sourceVocabSize, "sourceVocabSize");
  const targetVocabulary = r.targetVocabulary === undefined ? null : checkVocabulary(r.targetVocabulary, "targetVocabulary", config.targetVocabSize, "targetVocabSize");
  const special = r.specialTokens === undefined ? null : checkSpecial(r.specialTokens, config.targetVocabSize);
  const sd = r.state_dict;
  if (typeof sd !== "object" || sd === null || Array.isArray(sd)) fail('The file has no "state_dict" object with the weights.');
  const stateDict = sd as Record<string, unknown>;
  const layout = seq2seqLayout(config);
  const known = new Set(layout.specs.map((s) => s.name));
  const extra = Object.keys(stateDict).filter((k) => !known.has(k));
  if (extra.length > 0) {
    const hint = extra.some((k) => k.startsWith("decoder.attention.")) ? ` Attention "${config.attention}" has ${[...known].filter((k) => k.startsWith("decoder.attention.")).join(", ") || "no parameters"}: is "attention" right?` : "";
    fail(`state_dict has ${extra.length === 1 ? "a key" : "keys"} this model does not have: ${extra.slice(0, 5).map(show).join(", ")}.${hint}`);
  }
  const missing = layout.specs.filter((s) => !(s.name in stateDict));
  if (missing.length > 0) fail(`state_dict is missing ${missing.slice(0, 5).map((s) => `"${s.name}" ([${s.shape.join("][")}])`).join(", ")}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""}.`);
  const params = new Float64Array(layout.size);
  for (const s of layout.specs) readTensor(stateDict[s.name], s.name, s.shape, params, s.offset);
  return { config, params, sourceVocabulary, targetVocabulary, special };
}

/** The header fields where a file differs from a model; empty when it fits. */
export function seq2seqConfigMismatch(model: Seq2SeqConfig, file: Seq2SeqConfig): string[] {
  const keys: (keyof Seq2SeqConfig)[] = ["cell", "attention", "sourceVocabSize", "targetVocabSize", "embeddingSize", "hiddenSize"];
  return keys.filter((k) => model[k] !== file[k]).map((k) => `${k}: file ${String(file[k])}, model ${String(model[k])}`);
}

/** Loads a parsed file into a model of the same configuration; on any mismatch nothing changes. */
export function loadSeq2SeqParams(model: Seq2SeqModel, file: Seq2SeqFile): void {
  const diff = seq2seqConfigMismatch(model.config, file.config);
  if (diff.length > 0) throw new EngineError("model-file", `The model file does not fit this model (${diff.join("; ")}).`);
  model.setParams(file.params);
}

/**
 * Checks that a model file's vocabularies are those of the data it is about to read (same tokens, same ids).
 * Throws EngineError("model-file") naming the first difference. A file without vocabularies only needs the sizes to match.
 */
export function checkVocabularies(file: Seq2SeqFile, data: { source: readonly string[]; target: readonly string[] }): void {
  const sides: [string, string[] | null, readonly string[], number][] = [
    ["source", file.sourceVocabulary, data.source, file.config.sourceVocabSize],
    ["target", file.targetVocabulary, data.target, file.config.targetVocabSize],
  ];
  for (const [side, mine, theirs, size] of sides) {
    if (theirs.length !== size) fail(`The model's ${side} vocabulary has ${size} tokens, but the data's has ${theirs.length}: this model was trained on other data.`);
    if (!mine) continue;
    const i = mine.findIndex((tok, j) => tok !== theirs[j]);
    if (i >= 0) fail(`The model's ${side} vocabulary differs from the data's at id ${i} (model ${show(mine[i])}, data ${show(theirs[i])}): this model was trained on other data.`);
  }
}
