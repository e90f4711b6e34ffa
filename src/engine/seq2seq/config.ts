// src/engine/seq2seq/config.ts: the encoder–decoder's settings, its parameters (PyTorch state_dict names, shapes,
// order) and PyTorch's default initialisation. Semantics: docs/conformance.md, "v2: sequence-to-sequence fixtures",
// and docs/seq2seq.md for attention "none".
import { EngineError } from "../errors";
import type { Rng } from "../rng";

export type Seq2SeqCell = "rnn" | "lstm" | "gru";
/** Score functions: Bahdanau's additive, Luong's dot and general; "none": the decoder sees only the encoder's final state. */
export type AttentionKind = "additive" | "dot" | "general" | "none";

export const SEQ2SEQ_CELLS: readonly Seq2SeqCell[] = ["rnn", "lstm", "gru"];
export const ATTENTION_KINDS: readonly AttentionKind[] = ["additive", "dot", "general", "none"];

export interface Seq2SeqConfig {
  readonly cell: Seq2SeqCell;
  readonly attention: AttentionKind;
  /** Vs: source token ids are 0 … Vs − 1. */
  readonly sourceVocabSize: number;
  /** Vt: target token ids (and output classes) are 0 … Vt − 1. */
  readonly targetVocabSize: number;
  /** E, the embedding size of both vocabularies. */
  readonly embeddingSize: number;
  /** H, the hidden size of encoder and decoder. */
  readonly hiddenSize: number;
}

/** Upper bounds that keep a browser tab responsive (and a model file's arrays allocatable). */
export const SEQ2SEQ_LIMITS = {
  maxVocab: 100_000,
  maxEmbedding: 1024,
  maxHidden: 1024,
  maxParams: 20_000_000,
  maxSteps: 1000,
  maxBatch: 4096,
} as const;

export function gateCount(cell: Seq2SeqCell): number {
  return cell === "rnn" ? 1 : cell === "lstm" ? 4 : 3;
}

function checkSize(name: string, v: unknown, max: number): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1 || v > max) {
    throw new EngineError("config", `${name} must be a whole number from 1 to ${max}, but is ${JSON.stringify(v)}.`);
  }
  return v;
}

/** Checks every field; returns a clean copy. Throws EngineError("config") with what was wrong and what is allowed. */
export function normalizeSeq2SeqConfig(c: Partial<Record<keyof Seq2SeqConfig, unknown>>): Seq2SeqConfig {
  if (!SEQ2SEQ_CELLS.includes(c.cell as Seq2SeqCell)) {
    throw new EngineError("config", `cell must be one of ${SEQ2SEQ_CELLS.join(", ")}, but is ${JSON.stringify(c.cell)}.`);
  }
  if (!ATTENTION_KINDS.includes(c.attention as AttentionKind)) {
    throw new EngineError("config", `attention must be one of ${ATTENTION_KINDS.join(", ")}, but is ${JSON.stringify(c.attention)}.`);
  }
  const config: Seq2SeqConfig = {
    cell: c.cell as Seq2SeqCell,
    attention: c.attention as AttentionKind,
    sourceVocabSize: checkSize("sourceVocabSize", c.sourceVocabSize, SEQ2SEQ_LIMITS.maxVocab),
    targetVocabSize: checkSize("targetVocabSize", c.targetVocabSize, SEQ2SEQ_LIMITS.maxVocab),
    embeddingSize: checkSize("embeddingSize", c.embeddingSize, SEQ2SEQ_LIMITS.maxEmbedding),
    hiddenSize: checkSize("hiddenSize", c.hiddenSize, SEQ2SEQ_LIMITS.maxHidden),
  };
  const n = seq2seqLayout(config).size;
  if (n > SEQ2SEQ_LIMITS.maxParams) {
    throw new EngineError("config", `This model would have ${n.toLocaleString("en")} parameters; the limit is ${SEQ2SEQ_LIMITS.maxParams.toLocaleString("en")}. Use smaller sizes.`);
  }
  return config;
}

export interface Seq2SeqParamSpec {
  readonly name: string;
  readonly shape: readonly number[];
  /** Offset into the flat parameter vector θ. */
  readonly offset: number;
  readonly size: number;
}

export interface Seq2SeqLayout {
  readonly specs: readonly Seq2SeqParamSpec[];
  readonly size: number;
  /** Offset of a parameter by name; throws for a name this model does not have. */
  offset(name: string): number;
  has(name: string): boolean;
}

/** The decoder cell's input width: embedding plus context, or the embedding alone without attention. */
export function decoderInputSize(c: Seq2SeqConfig): number {
  return c.attention === "none" ? c.embeddingSize : c.embeddingSize + c.hiddenSize;
}

/** state_dict() of the PyTorch module (docs/conformance.md), in its order. */
export function seq2seqLayout(c: Seq2SeqConfig): Seq2SeqLayout {
  const G = gateCount(c.cell);
  const H = c.hiddenSize;
  const E = c.embeddingSize;
  const list: [string, number[]][] = [
    ["encoder.embedding.weight", [c.sourceVocabSize, E]],
    ["encoder.rnn.weight_ih_l0", [G * H, E]],
    ["encoder.rnn.weight_hh_l0", [G * H, H]],
    ["encoder.rnn.bias_ih_l0", [G * H]],
    ["encoder.rnn.bias_hh_l0", [G * H]],
    ["decoder.embedding.weight", [c.targetVocabSize, E]],
  ];
  if (c.attention === "additive") {
    list.push(
      ["decoder.attention.Wa.weight", [H, H]],
      ["decoder.attention.Wa.bias", [H]],
      ["decoder.attention.Ua.weight", [H, H]],
      ["decoder.attention.Ua.bias", [H]],
      ["decoder.attention.Va.weight", [1, H]],
      ["decoder.attention.Va.bias", [1]],
    );
  } else if (c.attention === "general") {
    list.push(["decoder.attention.W.weight", [H, H]]);
  }
  list.push(
    ["decoder.rnn.weight_ih_l0", [G * H, decoderInputSize(c)]],
    ["decoder.rnn.weight_hh_l0", [G * H, H]],
    ["decoder.rnn.bias_ih_l0", [G * H]],
    ["decoder.rnn.bias_hh_l0", [G * H]],
    ["decoder.out.weight", [c.targetVocabSize, H]],
    ["decoder.out.bias", [c.targetVocabSize]],
  );
  const specs: Seq2SeqParamSpec[] = [];
  let offset = 0;
  for (const [name, shape] of list) {
    const size = shape.reduce((a, b) => a * b, 1);
    specs.push({ name, shape, offset, size });
    offset += size;
  }
  const byName = new Map(specs.map((s) => [s.name, s.offset]));
  return {
    specs,
    size: offset,
    has: (name) => byName.has(name),
    offset(name) {
      const o = byName.get(name);
      if (o === undefined) throw new EngineError("config", `This ${c.cell.toUpperCase()} seq2seq model with attention "${c.attention}" has no parameter "${name}".`);
      return o;
    },
  };
}

/**
 * PyTorch's default initialisation: nn.Embedding N(0, 1); nn.RNN/LSTM/GRU every weight and bias U(−1/√H, 1/√H);
 * nn.Linear weight and bias U(−1/√fan_in, 1/√fan_in) (fan_in = H for every Linear here). Fills θ in place.
 */
export function initSeq2SeqParams(theta: Float64Array, c: Seq2SeqConfig, rng: Rng): void {
  const layout = seq2seqLayout(c);
  if (theta.length !== layout.size) throw new EngineError("shape", `θ has ${theta.length} numbers, but this model has ${layout.size} parameters.`);
  const k = 1 / Math.sqrt(c.hiddenSize);
  for (const s of layout.specs) {
    const isEmbedding = s.name.endsWith("embedding.weight");
    for (let i = s.offset; i < s.offset + s.size; i++) theta[i] = isEmbedding ? rng.normal() : rng.uniform(-k, k);
  }
}
