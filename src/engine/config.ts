// src/engine/config.ts: the shape of a network, and the checks every entry point runs on it.
import { EngineError } from "./errors";

export type CellType = "rnn" | "lstm" | "gru";
export type LossType = "mse" | "xent";
/** "all": a head output and a loss term at every step (many-to-many); "last": only at the final step (many-to-one). */
export type OutputMode = "all" | "last";
/** "dense": real-valued inputs [T][B][D]; "onehot": class indices [T][B] in 0…D−1 (a column gather, no matmul). */
export type InputKind = "dense" | "onehot";

export interface ModelConfig {
  cell: CellType;
  inputSize: number; // D (vocabulary size for one-hot inputs)
  hiddenSize: number; // H
  numLayers: number; // L
  outputSize: number; // O
  loss: LossType;
  outputMode: OutputMode;
  inputKind: InputKind;
}

export type ModelConfigInput = Omit<ModelConfig, "outputMode" | "inputKind"> & Partial<Pick<ModelConfig, "outputMode" | "inputKind">>;

export const LIMITS = {
  maxInputSize: 65536,
  maxHiddenSize: 2048,
  maxLayers: 4,
  maxOutputSize: 65536,
  /** A network larger than this cannot train at a useful speed in a browser. */
  maxParams: 20_000_000,
} as const;

/** Number of gate blocks stacked in the fused weight matrices (PyTorch layout). */
export function gateCount(cell: CellType): number {
  return cell === "rnn" ? 1 : cell === "lstm" ? 4 : 3;
}

/** Gate names in the order PyTorch stacks their row blocks. */
export function gateNames(cell: CellType): readonly string[] {
  return cell === "lstm" ? LSTM_GATES : cell === "gru" ? GRU_GATES : [];
}
const LSTM_GATES = ["i", "f", "g", "o"] as const;
const GRU_GATES = ["r", "z", "n"] as const;

function checkInt(name: string, v: unknown, lo: number, hi: number, hint: string): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < lo || v > hi) {
    throw new EngineError("config", `${name} must be a whole number from ${lo} to ${hi}${hint}, but is ${String(v)}.`);
  }
  return v;
}

/** Validates a configuration and fills defaults; throws EngineError saying what is wrong. */
export function normalizeConfig(input: ModelConfigInput): ModelConfig {
  const cell = input.cell;
  if (cell !== "rnn" && cell !== "lstm" && cell !== "gru") {
    throw new EngineError("config", `cell must be "rnn", "lstm" or "gru", but is ${JSON.stringify(cell)}.`);
  }
  const loss = input.loss;
  if (loss !== "mse" && loss !== "xent") {
    throw new EngineError("config", `loss must be "mse" (regression) or "xent" (softmax cross-entropy), but is ${JSON.stringify(loss)}.`);
  }
  const outputMode = input.outputMode ?? "all";
  if (outputMode !== "all" && outputMode !== "last") {
    throw new EngineError("config", `outputMode must be "all" (many-to-many) or "last" (many-to-one), but is ${JSON.stringify(outputMode)}.`);
  }
  const inputKind = input.inputKind ?? "dense";
  if (inputKind !== "dense" && inputKind !== "onehot") {
    throw new EngineError("config", `inputKind must be "dense" or "onehot", but is ${JSON.stringify(inputKind)}.`);
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

export function countParams(c: Pick<ModelConfig, "cell" | "inputSize" | "hiddenSize" | "numLayers" | "outputSize">): number {
  const G = gateCount(c.cell);
  const H = c.hiddenSize;
  let n = 0;
  for (let k = 0; k < c.numLayers; k++) {
    const Dk = k === 0 ? c.inputSize : H;
    n += G * H * Dk + G * H * H + 2 * G * H;
  }
  return n + c.outputSize * H + c.outputSize;
}
