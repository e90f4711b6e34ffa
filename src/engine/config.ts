// src/engine/config.ts: the shape of a network, and the checks every entry point runs on it.
import { EngineError } from "./errors";

export type CellType = "rnn" | "lstm" | "gru";
/** "mse" regression; "xent" softmax cross-entropy over O classes; "bce" binary cross-entropy on logits (BCEWithLogitsLoss). */
export type LossType = "mse" | "xent" | "bce";
/** The Elman RNN cell's activation (PyTorch's `nonlinearity`); LSTM and GRU ignore it. */
export type Nonlinearity = "tanh" | "relu";
/** "all": a head output and a loss term at every step (many-to-many); "last": only at the final step (many-to-one). */
export type OutputMode = "all" | "last";
/**
 * "dense": real-valued inputs [T][B][D]; "onehot": class indices [T][B] in 0…D−1 (a column gather, no matmul);
 * "tokens": token ids [T][B] in 0…V−1 looked up in a learned embedding `embedding.weight` [V][D] (nn.Embedding).
 */
export type InputKind = "dense" | "onehot" | "tokens";

export interface ModelConfig {
  cell: CellType;
  inputSize: number; // D (vocabulary size for one-hot inputs)
  hiddenSize: number; // H
  numLayers: number; // L
  outputSize: number; // O
  loss: LossType;
  outputMode: OutputMode;
  inputKind: InputKind;
  /** RNN cell only ("tanh" otherwise). */
  nonlinearity: Nonlinearity;
  /** Every layer also runs backwards in time (PyTorch `bidirectional=True`); layers above and the head read N·H. */
  bidirectional: boolean;
  /** Number of token ids V ("tokens" inputs only; 0 otherwise). */
  vocabSize: number;
  /** PyTorch `dropout=`: inverted dropout with this probability on the outputs of every layer but the last, in training only. */
  dropout: number;
}

type Defaulted = "outputMode" | "inputKind" | "nonlinearity" | "bidirectional" | "vocabSize" | "dropout";
export type ModelConfigInput = Omit<ModelConfig, Defaulted> & Partial<Pick<ModelConfig, Defaulted>>;

export const LIMITS = {
  maxInputSize: 65536,
  maxHiddenSize: 2048,
  maxLayers: 4,
  maxOutputSize: 65536,
  maxVocabSize: 1_000_000,
  /** A network larger than this cannot train at a useful speed in a browser. */
  maxParams: 20_000_000,
} as const;

/** Number of gate blocks stacked in the fused weight matrices (PyTorch layout). */
export function gateCount(cell: CellType): number {
  return cell === "rnn" ? 1 : cell === "lstm" ? 4 : 3;
}

/** Number of directions N: 2 for a bidirectional network, else 1. */
export function directionCount(c: Pick<ModelConfig, "bidirectional">): number {
  return c.bidirectional ? 2 : 1;
}

/** Gate names in the order PyTorch stacks their row blocks. */
export function gateNames(cell: CellType): readonly string[] {
  return cell === "lstm" ? LSTM_GATES : cell === "gru" ? GRU_GATES : [];
}
const LSTM_GATES = ["i", "f", "g", "o"] as const;
const GRU_GATES = ["r", "z", "n"] as const;

function checkInt(name: string, v: unknown, lo: number, hi: number, hint: string): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < lo || v > hi) {
    throw new EngineError("config", `${name} must be a whole number from ${lo} to ${hi}${hint}, but is ${short(v)}.`);
  }
  return v;
}

/** Validates a configuration and fills defaults; throws EngineError saying what is wrong. */
export function normalizeConfig(input: ModelConfigInput): ModelConfig {
  const cell = input.cell;
  if (cell !== "rnn" && cell !== "lstm" && cell !== "gru") {
    throw new EngineError("config", `cell must be "rnn", "lstm" or "gru", but is ${short(cell)}.`);
  }
  const loss = input.loss;
  if (loss !== "mse" && loss !== "xent" && loss !== "bce") {
    throw new EngineError("config", `loss must be "mse" (regression), "xent" (softmax cross-entropy) or "bce" (binary cross-entropy on logits), but is ${short(loss)}.`);
  }
  const outputMode = input.outputMode ?? "all";
  if (outputMode !== "all" && outputMode !== "last") {
    throw new EngineError("config", `outputMode must be "all" (many-to-many) or "last" (many-to-one), but is ${short(outputMode)}.`);
  }
  const inputKind = input.inputKind ?? "dense";
  if (inputKind !== "dense" && inputKind !== "onehot" && inputKind !== "tokens") {
    throw new EngineError("config", `inputKind must be "dense", "onehot" or "tokens", but is ${short(inputKind)}.`);
  }
  const nonlinearity = input.nonlinearity ?? "tanh";
  if (nonlinearity !== "tanh" && nonlinearity !== "relu") {
    throw new EngineError("config", `nonlinearity must be "tanh" or "relu", but is ${short(nonlinearity)}.`);
  }
  if (nonlinearity === "relu" && cell !== "rnn") {
    throw new EngineError("config", `nonlinearity "relu" exists for the RNN cell only; an ${cell.toUpperCase()} has fixed activations.`);
  }
  const bidirectional = input.bidirectional ?? false;
  if (typeof bidirectional !== "boolean") throw new EngineError("config", `bidirectional must be true or false, but is ${short(bidirectional)}.`);
  const dropout = input.dropout ?? 0;
  if (typeof dropout !== "number" || !(dropout >= 0 && dropout < 1)) {
    throw new EngineError("config", `dropout must be a probability from 0 up to (not including) 1, but is ${short(dropout)}.`);
  }
  let vocabSize = 0;
  if (inputKind === "tokens") {
    vocabSize = checkInt("vocabSize", input.vocabSize, 1, LIMITS.maxVocabSize, " (the number of token ids)");
  } else if (input.vocabSize !== undefined && input.vocabSize !== 0) {
    throw new EngineError("config", `vocabSize belongs to token inputs (inputKind "tokens"), but inputKind is "${inputKind}".`);
  }
  const config: ModelConfig = {
    cell,
    inputSize: checkInt("inputSize", input.inputSize, 1, LIMITS.maxInputSize, ""),
    hiddenSize: checkInt("hiddenSize", input.hiddenSize, 1, LIMITS.maxHiddenSize, ""),
    numLayers: checkInt("numLayers", input.numLayers, 1, LIMITS.maxLayers, ""),
    outputSize: checkInt("outputSize", input.outputSize, 1, LIMITS.maxOutputSize, loss === "xent" ? " (the number of classes)" : ""),
    loss,
    outputMode,
    inputKind,
    nonlinearity,
    bidirectional,
    vocabSize,
    dropout,
  };
  if (loss === "xent" && config.outputSize < 2) {
    throw new EngineError("config", `Cross-entropy needs at least 2 classes, but outputSize is ${config.outputSize}.`);
  }
  const n = countParams(config);
  if (n > LIMITS.maxParams) {
    throw new EngineError("config", `This network has ${n.toLocaleString("en")} parameters; the limit is ${LIMITS.maxParams.toLocaleString("en")}. Lower the hidden size or the number of layers.`);
  }
  return config;
}

export function countParams(
  c: Pick<ModelConfig, "cell" | "inputSize" | "hiddenSize" | "numLayers" | "outputSize"> & Partial<Pick<ModelConfig, "bidirectional" | "vocabSize">>,
): number {
  const G = gateCount(c.cell);
  const H = c.hiddenSize;
  const N = c.bidirectional ? 2 : 1;
  let n = (c.vocabSize ?? 0) * c.inputSize;
  for (let k = 0; k < c.numLayers; k++) {
    const Dk = k === 0 ? c.inputSize : N * H;
    n += N * (G * H * Dk + G * H * H + 2 * G * H);
  }
  return n + c.outputSize * N * H + c.outputSize;
}

/** A value for an error message: JSON, cut to a short prefix (a hostile 200 KB string is not echoed back). */
export function short(v: unknown, max = 60): string {
  if (v === undefined) return "missing";
  let s: string;
  try {
    if (typeof v === "string") s = JSON.stringify(v);
    else if (v === null) s = "null";
    else if (typeof v === "object") s = Array.isArray(v) ? "a list" : "an object";
    else if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") s = String(v);
    else s = typeof v;
  } catch {
    s = "an unprintable value";
  }
  return s.length > max ? `${s.slice(0, max)}… (${s.length.toLocaleString("en")} characters)` : s;
}

/** A message cut to `max` characters (plain text, not quoted). */
export function clip(s: string, max = 300): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
