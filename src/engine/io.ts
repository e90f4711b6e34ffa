// src/engine/io.ts: model files: JSON with a header and PyTorch state_dict names and shapes, both ways.
import { countParams, gateCount, LIMITS, normalizeConfig, type ModelConfig } from "./config";
import { EngineError } from "./errors";
import { makeLayout } from "./layout";
import { flatten, sameShape } from "./nested";
import type { Network } from "./network";

export const MODEL_FORMAT = "rnn-notebook-model";
export const MODEL_FORMAT_VERSION = 1;
/** Larger files are refused before parsing: at ~20 characters a number, about 5M parameters. */
export const MAX_MODEL_FILE_CHARS = 100_000_000;

export interface ModelFile {
  config: ModelConfig;
  /** θ in state_dict order (the layout of makeLayout(config)). */
  params: Float64Array;
  /** One symbol per input index (character models); null when absent. */
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

/** The model as a JSON text: header, optional vocabulary, then state_dict with PyTorch names and shapes. */
export function exportModel(net: Network, vocabulary: readonly string[] | null = null): string {
  const c = net.config;
  if (vocabulary && vocabulary.length !== c.inputSize) {
    throw new EngineError("shape", `The vocabulary has ${vocabulary.length} symbols, but the network's input size is ${c.inputSize}.`);
  }
  for (const p of net.params) if (!Number.isFinite(p)) throw new EngineError("value", "The network has non-finite weights; it cannot be saved.");
  const header = {
    format: MODEL_FORMAT,
    version: MODEL_FORMAT_VERSION,
    cell: c.cell,
    inputSize: c.inputSize,
    hiddenSize: c.hiddenSize,
    numLayers: c.numLayers,
    outputSize: c.outputSize,
    loss: c.loss,
    outputMode: c.outputMode,
    inputKind: c.inputKind,
    ...(vocabulary ? { vocabulary } : {}),
  };
  const tensors = net.layout.specs.map((s) => `${JSON.stringify(s.name)}:${writeTensor(net.param(s.name), s.shape)}`);
  const head = JSON.stringify(header);
  return `${head.slice(0, -1)},"state_dict":{${tensors.join(",")}}}`;
}

function fail(message: string): never {
  throw new EngineError("model-file", message);
}

/**
 * Parses and checks a model file completely (nothing is applied anywhere): JSON, format and version, sizes,
 * every state_dict key present with its PyTorch shape and finite values, no unknown keys, the vocabulary.
 */
export function parseModelFile(text: string): ModelFile {
  if (typeof text !== "string") fail("A model file must be text (JSON).");
  if (text.length > MAX_MODEL_FILE_CHARS) fail(`The file has ${text.length.toLocaleString("en")} characters; model files are limited to ${MAX_MODEL_FILE_CHARS.toLocaleString("en")}. Export a smaller model.`);
  if (text.trim() === "") fail("The file is empty; a model file is a JSON object.");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    fail(`The file is not valid JSON (${(e as Error).message}). Model files are JSON written by "Save model" or by the PyTorch snippet in the README.`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) fail("A model file must be a JSON object with a header and a state_dict.");
  const r = raw as Record<string, unknown>;
  if (r.format !== MODEL_FORMAT) fail(`"format" must be "${MODEL_FORMAT}", but is ${JSON.stringify(r.format)}. Is this a model file of RNN Notebook?`);
  if (r.version !== MODEL_FORMAT_VERSION) {
    fail(`This file has format version ${JSON.stringify(r.version)}; this version of RNN Notebook reads version ${MODEL_FORMAT_VERSION}.`);
  }
  const cell = r.cell;
  if (cell !== "rnn" && cell !== "lstm" && cell !== "gru") fail(`"cell" must be "rnn", "lstm" or "gru", but is ${JSON.stringify(cell)}.`);
  const sizes = ["inputSize", "hiddenSize", "numLayers", "outputSize"] as const;
  for (const key of sizes) {
    if (typeof r[key] !== "number" || !Number.isInteger(r[key]) || (r[key]) < 1) fail(`"${key}" must be a positive whole number, but is ${JSON.stringify(r[key])}.`);
  }
  let config: ModelConfig;
  try {
    config = normalizeConfig({
      cell: cell,
      inputSize: r.inputSize as number,
      hiddenSize: r.hiddenSize as number,
      numLayers: r.numLayers as number,
      outputSize: r.outputSize as number,
      loss: (r.loss ?? "mse") as ModelConfig["loss"],
      outputMode: (r.outputMode ?? "all") as ModelConfig["outputMode"],
      inputKind: (r.inputKind ?? (Array.isArray(r.vocabulary) ? "onehot" : "dense")) as ModelConfig["inputKind"],
    });
  } catch (e) {
    return fail(`The header does not describe a valid network: ${(e as Error).message}`);
  }
  if (countParams(config) > LIMITS.maxParams) fail("The model is too large for this notebook.");
  let vocabulary: string[] | null = null;
  if (r.vocabulary !== undefined) {
    const v = r.vocabulary;
    if (!Array.isArray(v) || !v.every((s): s is string => typeof s === "string" && isOneCodePoint(s))) {
      fail('"vocabulary" must be a list of single characters (one Unicode code point each).');
    }
    const list = v;
    if (list.length !== config.inputSize) fail(`"vocabulary" has ${list.length} symbols, but inputSize is ${config.inputSize}; they must match.`);
    if (new Set(list).size !== list.length) fail('"vocabulary" lists a symbol twice; each symbol must appear once.');
    vocabulary = list;
  }
  const sd = r.state_dict;
  if (typeof sd !== "object" || sd === null || Array.isArray(sd)) fail('The file has no "state_dict" object with the weights.');
  const stateDict = sd as Record<string, unknown>;
  const layout = makeLayout(config);
  const params = new Float64Array(layout.size);
  const known = new Set(layout.specs.map((s) => s.name));
  const extra = Object.keys(stateDict).filter((k) => !known.has(k));
  if (extra.length > 0) {
    fail(`state_dict has ${extra.length === 1 ? "a key" : "keys"} this network does not have: ${extra.slice(0, 5).join(", ")}. A ${cell.toUpperCase()} with ${config.numLayers} layer(s) has ${[...known].join(", ")}.`);
  }
  const G = gateCount(config.cell);
  for (const s of layout.specs) {
    if (!(s.name in stateDict)) fail(`state_dict is missing "${s.name}" (shape [${s.shape.join("][")}]).`);
    let t: { data: Float64Array; shape: number[] };
    try {
      t = flatten(stateDict[s.name], `"${s.name}"`);
    } catch (e) {
      return fail((e as Error).message);
    }
    if (!sameShape(t.shape, s.shape)) {
      let hint = "";
      if (s.name.startsWith("rnn.weight_hh") && t.shape.length === 2 && t.shape[0] === G * t.shape[1]) {
        hint = ` The file looks like hidden size ${t.shape[1]}: the header says ${config.hiddenSize}.`;
      } else if (s.name.startsWith("rnn.") && t.shape.length >= 1 && t.shape[0] !== G * config.hiddenSize) {
        hint = ` For a ${cell.toUpperCase()} the first axis stacks ${G} gate block(s) of hidden size ${config.hiddenSize}: is "cell" right?`;
      }
      fail(`"${s.name}" is [${t.shape.join("][")}], but a ${cell.toUpperCase()} with these sizes needs [${s.shape.join("][")}].${hint}`);
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
  const keys: (keyof ModelConfig)[] = ["cell", "inputSize", "hiddenSize", "numLayers", "outputSize", "loss", "outputMode", "inputKind"];
  return keys.filter((k) => a[k] !== b[k]).map((k) => `${k}: file ${String(b[k])}, network ${String(a[k])}`);
}

/** Loads a parsed model into an existing network of the same configuration; on any mismatch nothing changes. */
export function loadParams(net: Network, file: ModelFile): void {
  const diff = configMismatch(net.config, file.config);
  if (diff.length > 0) throw new EngineError("model-file", `The model does not fit this network (${diff.join("; ")}).`);
  net.setParams(file.params);
}
