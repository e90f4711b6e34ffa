// src/engine/seq2seq/conformance.ts: runs a seq2seq conformance fixture (docs/conformance.md, kind "seq2seq") through
// the engine. It never reads `expected`: every result is the engine's own.
import { EngineError } from "../errors";
import type { KernelChoice } from "../kernels";
import { flatten, nest, sameShape } from "../nested";
import { clipGradNorm, Optimizer } from "../optim";
import type { Seq2SeqBatch } from "./batch";
import { ATTENTION_KINDS, normalizeSeq2SeqConfig, seq2seqLayout, type Seq2SeqConfig } from "./config";
import { Seq2SeqModel } from "./model";

export interface Seq2SeqFixture {
  name: string;
  config: Seq2SeqConfig;
  params: Float64Array;
  batch: Seq2SeqBatch;
  train: { steps: number; lr: number; maxNorm: number } | null;
}

type Json = Record<string, unknown>;

function posInt(r: Json, key: string, file: string): number {
  const v = r[key];
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1) throw new EngineError("shape", `${file}: "${key}" must be a positive whole number, but is ${JSON.stringify(v)?.slice(0, 40)}.`);
  return v;
}

function ints(value: unknown, what: string, shape: number[]): Int32Array {
  const { data, shape: got } = flatten(value, what);
  if (!sameShape(got, shape)) throw new EngineError("shape", `${what} has shape [${got.join("][")}], but [${shape.join("][")}] was expected.`);
  const out = new Int32Array(data.length);
  for (let i = 0; i < data.length; i++) {
    if (!Number.isInteger(data[i]) || Math.abs(data[i]) > 2 ** 31 - 1) throw new EngineError("value", `${what} holds ${data[i]} at flat index ${i}; ids must be whole numbers.`);
    out[i] = data[i];
  }
  return out;
}

/** Parses and checks a seq2seq fixture (everything but `expected`). */
export function parseSeq2seqFixture(raw: unknown, file: string): Seq2SeqFixture {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new EngineError("shape", `${file}: a fixture must be a JSON object.`);
  const r = raw as Json;
  if (r.kind !== "seq2seq") throw new EngineError("shape", `${file}: "kind" must be "seq2seq", but is ${JSON.stringify(r.kind)?.slice(0, 40)}.`);
  if (r.loss !== undefined && r.loss !== "xent") throw new EngineError("shape", `${file}: "loss" of a seq2seq fixture must be "xent".`);
  if (!ATTENTION_KINDS.includes(r.attention as Seq2SeqConfig["attention"])) {
    throw new EngineError("shape", `${file}: "attention" must be one of ${ATTENTION_KINDS.join(", ")}, but is ${JSON.stringify(r.attention)?.slice(0, 40)}.`);
  }
  let config: Seq2SeqConfig;
  try {
    config = normalizeSeq2SeqConfig({
      cell: r.cell,
      attention: r.attention,
      sourceVocabSize: r.sourceVocabSize,
      targetVocabSize: r.targetVocabSize,
      embeddingSize: r.embeddingSize,
      hiddenSize: r.hiddenSize,
    });
  } catch (e) {
    throw new EngineError("shape", `${file}: ${(e as Error).message}`);
  }
  const S = posInt(r, "sourceSteps", file), U = posInt(r, "targetSteps", file), B = posInt(r, "batch", file);
  const rawParams = r.params;
  if (typeof rawParams !== "object" || rawParams === null || Array.isArray(rawParams)) throw new EngineError("shape", `${file}: "params" is missing.`);
  const layout = seq2seqLayout(config);
  const params = new Float64Array(layout.size);
  for (const s of layout.specs) {
    const { data, shape } = flatten((rawParams as Json)[s.name], `${file}: ${s.name}`);
    if (!sameShape(shape, s.shape)) throw new EngineError("shape", `${file}: ${s.name} has shape [${shape.join("][")}], but [${s.shape.join("][")}] was expected.`);
    params.set(data, s.offset);
  }
  const batch: Seq2SeqBatch = {
    S, U, B,
    source: ints(r.source, `${file}: source`, [S, B]),
    sourceLengths: ints(r.sourceLengths, `${file}: sourceLengths`, [B]),
    targetIn: ints(r.targetIn, `${file}: targetIn`, [U, B]),
    targetOut: ints(r.targetOut, `${file}: targetOut`, [U, B]),
  };
  let train: Seq2SeqFixture["train"] = null;
  if (r.train !== undefined) {
    const t = r.train as Json;
    const steps = posInt(t, "steps", `${file}: train`);
    if (typeof t.lr !== "number" || typeof t.maxNorm !== "number") throw new EngineError("shape", `${file}: "train" needs numbers "lr" and "maxNorm".`);
    train = { steps, lr: t.lr, maxNorm: t.maxNorm };
  }
  const name = typeof r.name === "string" ? r.name : file.replace(/\.json$/, "");
  return { name, config, params, batch, train };
}

function named(model: Seq2SeqModel, theta: Float64Array): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of model.layout.specs) out[s.name] = nest(theta.subarray(s.offset, s.offset + s.size), s.shape);
  return out;
}

/**
 * Runs a seq2seq fixture and returns every `expected` key that applies: outputs, loss, attention (not for attention
 * "none"), encoderOutputs, decoderStates, grads, and for training fixtures losses and finalParams.
 */
export function runSeq2seqFixture(raw: unknown, name: string, kernels: KernelChoice = "auto"): Record<string, unknown> {
  const fx = parseSeq2seqFixture(raw, name);
  const model = new Seq2SeqModel(fx.config, { kernels, params: fx.params });
  const { S, U, B } = fx.batch;
  const H = fx.config.hiddenSize, Vt = fx.config.targetVocabSize;
  const loss = model.forward(fx.batch);
  model.backward();
  const tr = model.trace();
  const out: Record<string, unknown> = {
    outputs: nest(tr.logits, [U, B, Vt]),
    loss,
  };
  if (fx.config.attention !== "none") out.attention = nest(tr.attention, [U, B, S]);
  out.encoderOutputs = nest(tr.encoderOutputs, [S, B, H]);
  out.decoderStates = nest(tr.decoderStates, [U, B, H]);
  out.grads = named(model, model.grads.slice());
  if (fx.train) {
    const opt = new Optimizer(model.numParams, { kind: "adam", lr: fx.train.lr });
    const losses: number[] = [];
    for (let k = 0; k < fx.train.steps; k++) {
      losses.push(model.forward(fx.batch));
      model.backward();
      const grads = model.grads;
      clipGradNorm(grads, fx.train.maxNorm);
      opt.step(model.params, grads);
    }
    out.losses = losses;
    out.finalParams = named(model, model.getParams());
  }
  return out;
}
