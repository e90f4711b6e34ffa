// src/engine/seq2seq/decode.ts: inference: greedy decoding of a batch of sources, and beam search with
// length-normalised scores. Both return the attention weights of every output step.
import { EngineError } from "../errors";
import { SEQ2SEQ_LIMITS } from "./config";
import { argmax, logSumExp, type Seq2SeqModel, type Seq2SeqWorkspace } from "./model";

export interface DecodeOptions {
  /** The decoder's first input (start of sentence). */
  sos: number;
  /** The end-of-sentence id: a hypothesis that emits it is finished. */
  eos: number;
  /** Output steps at most (the eos included). */
  maxLength: number;
}

export interface BeamOptions extends DecodeOptions {
  /** k, the number of hypotheses kept at each step (1 = greedy). */
  beamWidth: number;
  /**
   * Exponent α of the length normalisation: score = log P / length^α, length = tokens emitted including eos.
   * Default 1 (the mean log-probability per token); 0 ranks by raw log-probability.
   */
  lengthPenalty?: number;
}

export interface Hypothesis {
  /** Output ids, without sos, and without the final eos (see `finished`). */
  tokens: number[];
  /** True if the hypothesis ended with eos (otherwise it ran to maxLength). */
  finished: boolean;
  /** Sum of the log-probabilities of every emitted token (eos included). */
  logProb: number;
  /** logProb / length^α (greedy: α = 1). */
  score: number;
  /** Log-probability of each emitted token (eos included). */
  stepLogProbs: number[];
  /** Attention weights over the source at every output step (eos step included): [steps][n] (empty lists for "none"). */
  attention: Float64Array[];
}

export interface GreedyResult extends Hypothesis {
  /** With `distributions: true`: each step's output distribution (softmax over the target vocabulary). */
  distributions?: Float64Array[];
  /** With `distributions: true`: the decoder state z_t after each step. */
  states?: Float64Array[];
  /** With `distributions: true`: the encoder outputs h_s of the source, [n][H] row-major. */
  encoderOutputs?: Float64Array;
}

function checkOptions(model: Seq2SeqModel, o: DecodeOptions): void {
  const Vt = model.config.targetVocabSize;
  for (const key of ["sos", "eos"] as const) {
    const v = o[key];
    if (!Number.isInteger(v) || v < 0 || v >= Vt) throw new EngineError("value", `${key} is ${v}, but it must be a target id from 0 to ${Vt - 1}.`);
  }
  if (!Number.isInteger(o.maxLength) || o.maxLength < 1 || o.maxLength > SEQ2SEQ_LIMITS.maxSteps) {
    throw new EngineError("config", `maxLength must be a whole number from 1 to ${SEQ2SEQ_LIMITS.maxSteps}, but is ${o.maxLength}.`);
  }
}

function packSources(model: Seq2SeqModel, sources: readonly (readonly number[])[]): { S: number; source: Int32Array; lengths: Int32Array } {
  const Vs = model.config.sourceVocabSize;
  if (sources.length === 0) throw new EngineError("shape", "Nothing to decode: the list of sources is empty.");
  if (sources.length > SEQ2SEQ_LIMITS.maxBatch) throw new EngineError("shape", `At most ${SEQ2SEQ_LIMITS.maxBatch} sources can be decoded at once, not ${sources.length}.`);
  let S = 0;
  sources.forEach((src, b) => {
    if (src.length === 0) throw new EngineError("value", `Source ${b} is empty; there is nothing to translate.`);
    if (src.length > SEQ2SEQ_LIMITS.maxSteps) throw new EngineError("value", `Source ${b} has ${src.length} tokens; at most ${SEQ2SEQ_LIMITS.maxSteps} are allowed.`);
    src.forEach((id, s) => {
      if (!Number.isInteger(id) || id < 0 || id >= Vs) throw new EngineError("value", `Source ${b} has id ${id} at position ${s}, but the source vocabulary has ids 0 … ${Vs - 1}.`);
    });
    S = Math.max(S, src.length);
  });
  const B = sources.length;
  const source = new Int32Array(S * B);
  const lengths = new Int32Array(B);
  sources.forEach((src, b) => {
    lengths[b] = src.length;
    src.forEach((id, s) => (source[s * B + b] = id));
  });
  return { S, source, lengths };
}

function attentionRow(m: Float64Array, ws: Seq2SeqWorkspace, t: number, r: number, n: number): Float64Array {
  if (ws.att < 0) return new Float64Array(0);
  const a = ws.att + (t * ws.Bd + r) * ws.S;
  return m.slice(a, a + n);
}

/**
 * Greedy decoding of each source (argmax at every step, fed back as the next input) until eos or maxLength.
 * Sources are id lists of different lengths, decoded together as one batch.
 */
export function greedyDecode(model: Seq2SeqModel, sources: readonly (readonly number[])[], options: DecodeOptions & { distributions?: boolean }): GreedyResult[] {
  checkOptions(model, options);
  const { S, source, lengths } = packSources(model, sources);
  const B = sources.length;
  const U = options.maxLength;
  const Vt = model.config.targetVocabSize, H = model.config.hiddenSize;
  const ws = model.workspace(B, B, S, U, false);
  model.encode(ws, source, lengths);
  model.startDecoder(ws, null);
  const results: GreedyResult[] = sources.map((src, b) => {
    const r: GreedyResult = { tokens: [], finished: false, logProb: 0, score: 0, stepLogProbs: [], attention: [] };
    if (options.distributions) {
      r.distributions = [];
      r.states = [];
      const m = model.kernels.heap;
      r.encoderOutputs = new Float64Array(src.length * H);
      for (let s = 0; s < src.length; s++) r.encoderOutputs.set(m.subarray(ws.keys + (s * B + b) * H, ws.keys + (s * B + b + 1) * H), s * H);
    }
    return r;
  });
  const ids = new Int32Array(B).fill(options.sos);
  let live = B;
  for (let t = 0; t < U && live > 0; t++) {
    model.decodeStep(ws, t, ids, lengths, null);
    model.logitsFor(ws, t, 1);
    const m = model.kernels.heap;
    for (let b = 0; b < B; b++) {
      const res = results[b];
      if (res.finished) continue;
      const row = ws.logits + (t * B + b) * Vt;
      const lse = logSumExp(m, row, Vt);
      const y = argmax(m, row, Vt);
      const lp = m[row + y] - lse;
      res.logProb += lp;
      res.stepLogProbs.push(lp);
      res.attention.push(attentionRow(m, ws, t, b, lengths[b]));
      if (res.distributions) {
        const d = new Float64Array(Vt);
        for (let j = 0; j < Vt; j++) d[j] = Math.exp(m[row + j] - lse);
        res.distributions.push(d);
        const z = ws.z + ((t + 1) * B + b) * H;
        res.states!.push(m.slice(z, z + H));
      }
      if (y === options.eos) {
        res.finished = true;
        live--;
      } else {
        res.tokens.push(y);
      }
      ids[b] = y;
    }
  }
  for (const r of results) r.score = r.logProb / r.stepLogProbs.length;
  return results;
}

export interface BeamResult {
  /** The hypothesis with the best score (finished ones first, then unfinished ones at maxLength). */
  best: Hypothesis;
  /** Every hypothesis that ended (and, if fewer than k did, the live ones at maxLength), best first. */
  hypotheses: Hypothesis[];
}

interface Live {
  tokens: number[];
  logProb: number;
  stepLogProbs: number[];
  attention: Float64Array[];
}

/**
 * Beam search on one source: keeps the k best partial hypotheses by log-probability; a candidate ending in eos
 * leaves the beam as a finished hypothesis scored logProb / length^α. Stops when k hypotheses have finished or at
 * maxLength. With k = 1 it is greedy decoding (same tokens, same log-probabilities).
 */
export function beamSearch(model: Seq2SeqModel, source: readonly number[], options: BeamOptions): BeamResult {
  checkOptions(model, options);
  const k = options.beamWidth;
  const Vt = model.config.targetVocabSize;
  if (!Number.isInteger(k) || k < 1 || k > 64) throw new EngineError("config", `beamWidth must be a whole number from 1 to 64, but is ${k}.`);
  const alpha = options.lengthPenalty ?? 1;
  if (!(Number.isFinite(alpha) && alpha >= 0 && alpha <= 4)) throw new EngineError("config", `lengthPenalty must be a number from 0 to 4, but is ${alpha}.`);
  const { S, source: packed, lengths } = packSources(model, [source]);
  const n = lengths[0];
  const U = options.maxLength;
  const H = model.config.hiddenSize;
  const lstm = model.config.cell === "lstm";
  const ws = model.workspace(1, k, S, U, false);
  model.encode(ws, packed, lengths);
  const rowSrc = new Int32Array(k);
  model.startDecoder(ws, rowSrc);
  const score = (h: Live): number => h.logProb / Math.pow(h.stepLogProbs.length, alpha);
  const finished: Hypothesis[] = [];
  let live: Live[] = [{ tokens: [], logProb: 0, stepLogProbs: [], attention: [] }];
  const ids = new Int32Array(k).fill(options.sos);
  const saveZ = new Float64Array(k * H);
  const saveC = new Float64Array(lstm ? k * H : 0);
  for (let t = 0; t < U && live.length > 0 && finished.length < k; t++) {
    live.forEach((h, r) => (ids[r] = h.tokens.length > 0 ? h.tokens[h.tokens.length - 1] : options.sos));
    model.decodeStep(ws, t, ids, lengths, rowSrc);
    model.logitsFor(ws, t, 1);
    const m = model.kernels.heap;
    // The k best continuations of each live hypothesis, then the best of all (ties: earlier row, lower id).
    const cands: { r: number; y: number; lp: number; total: number }[] = [];
    live.forEach((h, r) => {
      const row = ws.logits + (t * k + r) * Vt;
      const lse = logSumExp(m, row, Vt);
      const top = topK(m, row, Vt, k);
      for (const y of top) {
        const lp = m[row + y] - lse;
        cands.push({ r, y, lp, total: h.logProb + lp });
      }
    });
    cands.sort((a, b) => b.total - a.total || a.r - b.r || a.y - b.y);
    const next: { parent: number; h: Live }[] = [];
    for (const cnd of cands) {
      if (next.length >= k || finished.length >= k) break;
      const p = live[cnd.r];
      const h: Live = {
        tokens: p.tokens,
        logProb: cnd.total,
        stepLogProbs: [...p.stepLogProbs, cnd.lp],
        attention: [...p.attention, attentionRow(m, ws, t, cnd.r, n)],
      };
      if (cnd.y === options.eos) {
        finished.push({ ...h, tokens: p.tokens.slice(), finished: true, score: score(h) });
      } else {
        next.push({ parent: cnd.r, h: { ...h, tokens: [...p.tokens, cnd.y] } });
      }
    }
    // Reorder the decoder states of slot t+1 so row r holds the state of next[r]'s parent.
    const BH = k * H;
    const z1 = ws.z + (t + 1) * BH;
    saveZ.set(m.subarray(z1, z1 + BH));
    if (lstm) saveC.set(m.subarray(ws.c + (t + 1) * BH, ws.c + (t + 2) * BH));
    next.forEach((e, r) => {
      m.set(saveZ.subarray(e.parent * H, (e.parent + 1) * H), z1 + r * H);
      if (lstm) m.set(saveC.subarray(e.parent * H, (e.parent + 1) * H), ws.c + (t + 1) * BH + r * H);
    });
    live = next.map((e) => e.h);
  }
  const hypotheses = finished.sort((a, b) => b.score - a.score);
  if (hypotheses.length < k) {
    const rest = live.map((h) => ({ ...h, finished: false, score: score(h) })).sort((a, b) => b.score - a.score);
    hypotheses.push(...rest.slice(0, k - hypotheses.length));
  }
  return { best: hypotheses[0], hypotheses };
}

/** Indices of the k largest entries of a row, largest first (ties: lower index first). */
function topK(m: Float64Array, row: number, n: number, k: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < n; j++) {
    const v = m[row + j];
    if (out.length === k && v <= m[row + out[k - 1]]) continue;
    let i = out.length === k ? k - 1 : out.length;
    if (out.length < k) out.push(j);
    while (i > 0 && m[row + out[i - 1]] < v) {
      out[i] = out[i - 1];
      i--;
    }
    out[i] = j;
  }
  return out;
}
