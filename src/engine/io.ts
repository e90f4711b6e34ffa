// src/engine/io.ts: model files: JSON with a header and PyTorch state_dict names and shapes, both ways.
import { clip, countParams, directionCount, gateCount, LIMITS, normalizeConfig, short, type ModelConfig } from "./config";
import { EngineError } from "./errors";
import { makeLayout } from "./layout";
import { flatten, sameShape } from "./nested";
import type { Network } from "./network";

export const MODEL_FORMAT = "rnn-notebook-model";
/**
 * The version this notebook writes for networks with version 2 features (bidirectional, ReLU, token embeddings,
 * BCE, dropout); networks without them are still written as version 1, which every earlier reader loads.
 * Both versions are read.
 */
export const MODEL_FORMAT_VERSION = 2;
/** Larger files are refused before parsing: at ~20 characters a number, about 5M parameters. */
export const MAX_MODEL_FILE_CHARS = 100_000_000;
/** Longest vocabulary entry of a token model (a word or sub-word); one-hot models take single characters. */
export const MAX_TOKEN_CHARS = 64;

export interface ModelFile {
  config: ModelConfig;
  /** θ in state_dict order (the layout of makeLayout(config)). */
  params: Float64Array;
  /**
   * One entry per input index: single characters for one-hot (character) models, token strings (words) for
   * token models, whose ids index it; null when absent.
   */
  vocabulary: string[] | null;
}

/** True for a string of exactly one Unicode code point (a BMP character, or one surrogate pair). */
function isOneCodePoint(s: string): boolean {
  return s.length === 1 || (s.length === 2 && (s.codePointAt(0) ?? 0) > 0xffff);
}

/** Writes a number so JSON.parse gives back the same bits (shortest round-trip form; "-0" keeps its sign). */
function num(v: number): string {
  return Object.is(v, -0) ? "-0" : String(v);
}

function writeTensor(data: Float64Array, shape: readonly number[]): string {
  if (shape.length === 1) return `[${Array.from(data, num).join(",")}]`;
  const [rows, cols] = shape;
  const parts: string[] = [];
  for (let r = 0; r < rows; r++) parts.push(`[${Array.from(data.subarray(r * cols, (r + 1) * cols), num).join(",")}]`);
  return `[${parts.join(",")}]`;
}

/** True when the network uses anything version 1 files cannot say. */
function needsV2(c: ModelConfig): boolean {
  return c.bidirectional || c.nonlinearity !== "tanh" || c.inputKind === "tokens" || c.loss === "bce" || c.dropout > 0;
}

/** How many vocabulary entries a network of this configuration has: V for tokens, D for one-hot, else none. */
function vocabularyLength(c: ModelConfig): number {
  return c.inputKind === "tokens" ? c.vocabSize : c.inputSize;
}

/**
 * The model as a JSON text: header, optional vocabulary, then state_dict with PyTorch names and shapes
 * (`embedding.weight`, `rnn.*_l{k}` and `rnn.*_l{k}_reverse`, `head.*`: a module as in docs/conformance.md loads
 * it with load_state_dict(strict=True)).
 */
export function exportModel(net: Network, vocabulary: readonly string[] | null = null): string {
  const c = net.config;
  if (vocabulary) {
    const n = vocabularyLength(c);
    if (vocabulary.length !== n) {
      throw new EngineError("shape", `The vocabulary has ${vocabulary.length} entries, but the network's ${c.inputKind === "tokens" ? "vocabSize" : "input size"} is ${n}.`);
    }
    const bad = vocabularyProblem(vocabulary, c.inputKind);
    if (bad) throw new EngineError("value", bad);
  }
  for (const p of net.params) if (!Number.isFinite(p)) throw new EngineError("value", "The network has non-finite weights; it cannot be saved.");
  const v2 = needsV2(c);
  const header = {
    format: MODEL_FORMAT,
    version: v2 ? 2 : 1,
    cell: c.cell,
    inputSize: c.inputSize,
    hiddenSize: c.hiddenSize,
    numLayers: c.numLayers,
    outputSize: c.outputSize,
    loss: c.loss,
    outputMode: c.outputMode,
    inputKind: c.inputKind,
    ...(v2 ? { nonlinearity: c.nonlinearity, bidirectional: c.bidirectional, dropout: c.dropout } : {}),
    ...(c.inputKind === "tokens" ? { vocabSize: c.vocabSize } : {}),
    ...(vocabulary ? { vocabulary } : {}),
  };
  const tensors = net.layout.specs.map((s) => `${JSON.stringify(s.name)}:${writeTensor(net.param(s.name), s.shape)}`);
  const head = JSON.stringify(header);
  return `${head.slice(0, -1)},"state_dict":{${tensors.join(",")}}}`;
}

function fail(message: string): never {
  throw new EngineError("model-file", message);
}

/** What is wrong with a vocabulary (naming the first bad entry), or null. */
function vocabularyProblem(list: readonly unknown[], kind: ModelConfig["inputKind"]): string | null {
  const seen = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    if (kind === "tokens") {
      if (typeof s !== "string" || s.length === 0 || s.length > MAX_TOKEN_CHARS) {
        return `"vocabulary" entry ${i} is ${short(s)}; each entry of a token vocabulary must be a non-empty string of at most ${MAX_TOKEN_CHARS} characters.`;
      }
    } else if (typeof s !== "string" || !isOneCodePoint(s)) {
      return `"vocabulary" entry ${i} is ${short(s)}, but a character model's vocabulary lists single characters (one Unicode code point each).`;
    }
    const before = seen.get(s);
    if (before !== undefined) return `"vocabulary" lists ${short(s)} twice (entries ${before} and ${i}); each entry must appear once.`;
    seen.set(s, i);
  }
  return null;
}

/**
 * Throws EngineError if a model's vocabulary is not the one the data uses (ids would mean other tokens), naming
 * the first entry that differs; nothing is changed either way.
 */
export function checkVocabulary(model: readonly string[], data: readonly string[]): void {
  const n = Math.min(model.length, data.length);
  for (let i = 0; i < n; i++) {
    if (model[i] !== data[i]) {
      throw new EngineError("model-file", `The model's vocabulary does not match the data's: entry ${i} is ${short(model[i])} in the model but ${short(data[i])} in the data. Ids would mean other symbols; use the data the model was trained on.`);
    }
  }
  if (model.length !== data.length) {
    throw new EngineError("model-file", `The model's vocabulary has ${model.length} entries, the data's ${data.length}; they must be the same list.`);
  }
}

/** Deepest nesting a tensor may have before it is refused without being walked (state_dict tensors have 1 or 2 axes). */
const MAX_TENSOR_DEPTH = 4;

/**
 * The shape a nested list claims (following first entries), without allocating anything or recursing; null when it
 * nests deeper than MAX_TENSOR_DEPTH.
 */
function claimedShape(value: unknown): number[] | null {
  const shape: number[] = [];
  let probe: unknown = value;
  while (Array.isArray(probe)) {
    if (shape.length >= MAX_TENSOR_DEPTH) return null;
    shape.push(probe.length);
    probe = probe[0];
  }
  return shape;
}

const fmtShape = (shape: readonly number[]): string => (shape.length === 0 ? "a single value" : `[${shape.join("][")}]`);

/**
 * Parses and checks a model file completely (nothing is applied anywhere): JSON, format and version, sizes,
 * every state_dict key present with its PyTorch shape (checked against the header before anything is allocated)
 * and finite values, no unknown keys, the vocabulary. Messages quote at most a short prefix of any value.
 */
export function parseModelFile(text: string): ModelFile {
  if (typeof text !== "string") fail("A model file must be text (JSON).");
  if (text.length > MAX_MODEL_FILE_CHARS) fail(`The file has ${text.length.toLocaleString("en")} characters; model files are limited to ${MAX_MODEL_FILE_CHARS.toLocaleString("en")}. Export a smaller model.`);
  if (text.trim() === "") fail("The file is empty; a model file is a JSON object.");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    fail(`The file is not valid JSON (${clip((e as Error).message, 120)}). Model files are JSON written by "Save model" or by the PyTorch snippet in the README.`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) fail("A model file must be a JSON object with a header and a state_dict.");
  const r = raw as Record<string, unknown>;
  const get = (key: string): unknown => (Object.hasOwn(r, key) ? r[key] : undefined);
  if (get("format") !== MODEL_FORMAT) fail(`"format" must be "${MODEL_FORMAT}", but is ${short(get("format"))}. Is this a model file of RNN Notebook?`);
  const version = get("version");
  if (version === undefined) fail('The file has no "version"; model files of RNN Notebook say version 1 or 2.');
  if (version !== 1 && version !== 2) {
    fail(`This file has format version ${short(version)}; this version of RNN Notebook reads versions 1 and 2.`);
  }
  const cell = get("cell");
  if (cell !== "rnn" && cell !== "lstm" && cell !== "gru") fail(`"cell" must be "rnn", "lstm" or "gru", but is ${short(cell)}.`);
  const sizes = ["inputSize", "hiddenSize", "numLayers", "outputSize"] as const;
  for (const key of sizes) {
    const v = get(key);
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1) fail(`"${key}" must be a positive whole number, but is ${short(v)}.`);
  }
  if (version === 1) {
    for (const key of ["nonlinearity", "bidirectional", "vocabSize", "dropout"]) {
      if (get(key) !== undefined) fail(`"${key}" belongs to format version 2, but the file says version 1.`);
    }
  }
  const vocabRaw = get("vocabulary");
  let config: ModelConfig;
  try {
    config = normalizeConfig({
      cell: cell,
      inputSize: get("inputSize") as number,
      hiddenSize: get("hiddenSize") as number,
      numLayers: get("numLayers") as number,
      outputSize: get("outputSize") as number,
      loss: (get("loss") ?? "mse") as ModelConfig["loss"],
      outputMode: (get("outputMode") ?? "all") as ModelConfig["outputMode"],
      inputKind: (get("inputKind") ?? (Array.isArray(vocabRaw) ? "onehot" : "dense")) as ModelConfig["inputKind"],
      nonlinearity: (get("nonlinearity") ?? "tanh") as ModelConfig["nonlinearity"],
      bidirectional: (get("bidirectional") ?? false) as boolean,
      vocabSize: (get("vocabSize") ?? 0) as number,
      dropout: (get("dropout") ?? 0) as number,
    });
  } catch (e) {
    return fail(`The header does not describe a valid network: ${(e as Error).message}`);
  }
  if (countParams(config) > LIMITS.maxParams) fail("The model is too large for this notebook.");
  let vocabulary: string[] | null = null;
  if (vocabRaw !== undefined) {
    if (!Array.isArray(vocabRaw)) fail(`"vocabulary" must be a list of ${config.inputKind === "tokens" ? "tokens" : "single characters"}, but is ${short(vocabRaw)}.`);
    if (config.inputKind === "dense") fail('"vocabulary" belongs to one-hot or token inputs, but inputKind is "dense".');
    const n = vocabularyLength(config);
    const what = config.inputKind === "tokens" ? "vocabSize" : "inputSize";
    if (vocabRaw.length !== n) fail(`"vocabulary" has ${vocabRaw.length} entries, but ${what} is ${n}; they must match.`);
    const bad = vocabularyProblem(vocabRaw, config.inputKind);
    if (bad) fail(bad);
    vocabulary = vocabRaw as string[];
  }
  const sd = get("state_dict");
  if (typeof sd !== "object" || sd === null || Array.isArray(sd)) fail('The file has no "state_dict" object with the weights.');
  const stateDict = sd as Record<string, unknown>;
  const layout = makeLayout(config);
  const known = new Set(layout.specs.map((s) => s.name));
  const extra = Object.keys(stateDict).filter((k) => !known.has(k));
  const N = directionCount(config);
  const what = `${config.bidirectional ? "bidirectional " : ""}${cell.toUpperCase()} with ${config.numLayers} layer(s)${config.inputKind === "tokens" ? " and an embedding" : ""}`;
  if (extra.length > 0) {
    const reverse = extra.some((k) => k.endsWith("_reverse"));
    const hint = reverse && N === 1 ? ' The file has _reverse weights: is "bidirectional" missing from the header?' : "";
    fail(`state_dict has ${extra.length === 1 ? "a key" : `${extra.length} keys`} this network does not have: ${extra.slice(0, 5).map((k) => short(k)).join(", ")}. A ${what} has ${[...known].join(", ")}.${hint}`);
  }
  // Every shape is checked against the header before any tensor is read, so a file that claims a huge tensor is
  // refused without allocating it.
  const G = gateCount(config.cell);
  const H = config.hiddenSize;
  const shapes = new Map<string, number[]>();
  for (const s of layout.specs) {
    if (!Object.hasOwn(stateDict, s.name)) {
      const hint = s.name.endsWith("_reverse") ? " (the header says bidirectional)" : s.name === "embedding.weight" ? ' (the header says inputKind "tokens")' : "";
      fail(`state_dict is missing "${s.name}" (shape [${s.shape.join("][")}])${hint}.`);
    }
    const shape = claimedShape(stateDict[s.name]);
    if (shape === null) fail(`"${s.name}" is nested more than ${MAX_TENSOR_DEPTH} lists deep; it must be ${fmtShape(s.shape)} numbers.`);
    shapes.set(s.name, shape);
  }
  // A hidden size that disagrees with the weights: say so, rather than blaming the cell.
  const hh = shapes.get("rnn.weight_hh_l0")!;
  if (hh.length === 2 && hh[1] !== H && hh[0] === G * hh[1]) {
    fail(`"hiddenSize" in the header is ${H}, but the weights are those of hidden size ${hh[1]} ("rnn.weight_hh_l0" is [${hh.join("][")}] = [${G}·${hh[1]}][${hh[1]}] for a ${cell.toUpperCase()}). Correct "hiddenSize" to ${hh[1]}.`);
  }
  for (const s of layout.specs) {
    const got = shapes.get(s.name)!;
    if (sameShape(got, s.shape)) continue;
    let hint = "";
    if (s.name.startsWith("rnn.") && got.length >= 1 && got[0] !== G * H && got[0] % H === 0 && got[0] / H !== G) {
      hint = ` For a ${cell.toUpperCase()} the first axis stacks ${G} gate block(s) of hidden size ${H}: is "cell" right?`;
    } else if (s.name.startsWith("rnn.weight_ih_l") && !s.name.startsWith("rnn.weight_ih_l0") && got.length === 2 && got[1] !== s.shape[1]) {
      hint = N === 1 && got[1] === 2 * H ? ' Layers above read both directions of a bidirectional layer: is "bidirectional" missing from the header?' : "";
    }
    fail(`"${s.name}" is ${fmtShape(got)}, but a ${what} of these sizes needs [${s.shape.join("][")}].${hint}`);
  }
  const params = new Float64Array(layout.size);
  for (const s of layout.specs) {
    let t: { data: Float64Array; shape: number[] };
    try {
      t = flatten(stateDict[s.name], `"${s.name}"`);
    } catch (e) {
      return fail(clip((e as Error).message));
    }
    for (let i = 0; i < t.data.length; i++) {
      if (!Number.isFinite(t.data[i])) fail(`"${s.name}" holds ${t.data[i]} at flat index ${i}; every weight must be a finite number.`);
    }
    params.set(t.data, s.offset);
  }
  return { config, params, vocabulary };
}

/** The ways a model file can differ from the network it is loaded into; empty when it fits. */
export function configMismatch(a: ModelConfig, b: ModelConfig): string[] {
  const keys: (keyof ModelConfig)[] = [
    "cell", "inputSize", "hiddenSize", "numLayers", "outputSize", "loss", "outputMode", "inputKind", "nonlinearity", "bidirectional", "vocabSize",
  ];
  return keys.filter((k) => a[k] !== b[k]).map((k) => `${k}: file ${String(b[k])}, network ${String(a[k])}`);
}

/**
 * Loads a parsed model into an existing network of the same configuration; on any mismatch nothing changes. With
 * `dataVocabulary`, the file's vocabulary must be that list (checkVocabulary).
 */
export function loadParams(net: Network, file: ModelFile, dataVocabulary?: readonly string[]): void {
  const diff = configMismatch(net.config, file.config);
  if (diff.length > 0) throw new EngineError("model-file", `The model does not fit this network (${diff.join("; ")}).`);
  if (dataVocabulary) {
    if (!file.vocabulary) throw new EngineError("model-file", "The model file has no vocabulary, so its ids cannot be matched to the data's symbols.");
    checkVocabulary(file.vocabulary, dataVocabulary);
  }
  net.setParams(file.params);
}
