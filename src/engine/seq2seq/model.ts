// src/engine/seq2seq/model.ts: the encoder–decoder with attention (PyTorch's translation tutorial, generalised; exact
// semantics in docs/conformance.md), forward with teacher forcing, loss, and exact gradients of every parameter.
//
// Everything lives in one kernels arena: θ at [0, P), ∂L/∂θ at [P, 2P), then one workspace per batch shape, laid out
// once and reused. The big products (input projections of every source step, every decoder step's output head, the
// weight gradients summed over all steps) are single gemm calls; the recurrence does one small gemm per step.
import { EngineError } from "../errors";
import { createKernels, type KernelChoice, type Kernels } from "../kernels";
import type { Rng } from "../rng";
import { IGNORE_INDEX, validateSeq2SeqBatch, type Seq2SeqBatch } from "./batch";
import { cellBackward, cellForward, type CellStep } from "./cells";
import { decoderInputSize, gateCount, initSeq2SeqParams, normalizeSeq2SeqConfig, seq2seqLayout, type Seq2SeqConfig, type Seq2SeqLayout } from "./config";

/** Arena offsets of every buffer for one shape: Be encoder rows (sources), Bd decoder rows, S source and U decoder steps. */
export interface Seq2SeqWorkspace {
  readonly key: string;
  readonly Be: number;
  readonly Bd: number;
  readonly S: number;
  readonly U: number;
  readonly withGrad: boolean;
  // encoder
  readonly xe: number; // embedded source [S][Be][E] (0 at padding)
  readonly egi: number; // x W_ih^T + b_ih [S][Be][G·H]
  readonly egh: number; // per-step scratch [Be][G·H]
  readonly egates: number; // [S][Be][G·H]
  readonly eh: number; // [(S+1)][Be][H]: slot 0 = 0, slot s+1 = state after step s (carried over padding)
  readonly ec: number; // same, LSTM cell state
  readonly etc: number; // tanh(c) [S][Be][H]
  readonly ehn: number; // GRU h W_hn^T + b_hn [S][Be][H]
  readonly keys: number; // encoder outputs [S][Be][H], 0 at padding
  readonly uk: number; // additive: keys Ua^T + b_u; general: keys W^T [S][Be][H]
  // decoder
  readonly X: number; // cell inputs [U][Bd][Din]: embedding, then context
  readonly dgi: number; // scratch [Bd][G·H]
  readonly dgh: number; // scratch [Bd][G·H]
  readonly dgates: number; // [U][Bd][G·H]
  readonly z: number; // [(U+1)][Bd][H]: slot 0 = encoder final state, slot t+1 = z_t
  readonly c: number; // LSTM cell state, same slots
  readonly dtc: number; // [U][Bd][H]
  readonly dhn: number; // [U][Bd][H]
  readonly wq: number; // additive scratch: q Wa^T + b_a [Bd][H]
  readonly att: number; // attention weights [U][Bd][S]
  readonly scores: number; // attention scores e_s before the softmax [U][Bd][S] (−Infinity at padding)
  readonly tmp: number; // additive: tanh(q Wa^T + b_a + k Ua^T + b_u) [U][Bd][S][H]
  readonly logits: number; // [U][Bd][Vt]
  // backward (withGrad only; −1 otherwise)
  readonly dlogits: number; // [U][Bd][Vt]
  readonly dZ: number; // head's ∂L/∂z_t [U][Bd][H]
  readonly dPreD: number; // [U][Bd][G·H]
  readonly dPreHD: number; // GRU [U][Bd][G·H] (= dPreD otherwise)
  readonly dX: number; // [U][Bd][Din]
  readonly dh: number; // scratch [max(Be,Bd)][H]
  readonly carry: number; // ∂L/∂h_{t−1} being assembled [max][H]
  readonly dcarry: number; // ∂L/∂c carried [max][H]
  readonly dFin: number; // ∂L/∂(encoder final h) [Be][H]
  readonly dcFin: number; // ∂L/∂(encoder final c) [Be][H]
  readonly dWQ: number; // additive [U][Bd][H]
  readonly de: number; // scratch [S]
  readonly dK: number; // ∂L/∂keys [S][Be][H]
  readonly dUK: number; // ∂L/∂uk [S][Be][H]
  readonly dPreE: number; // [S][Be][G·H]
  readonly dPreHE: number; // GRU [S][Be][G·H] (= dPreE otherwise)
  readonly dXE: number; // [S][Be][E]
  readonly end: number;
}

/** What the last forward pass computed, for backward() and the traces. */
interface ForwardState {
  ws: Seq2SeqWorkspace;
  batch: Seq2SeqBatch;
  /** The decoder's actual input ids [U][B] (targetIn, or its own predictions where teacher forcing was off). */
  decIn: Int32Array;
  loss: number;
  /** |P|: the number of predicted (non-ignored) targets. */
  count: number;
}

export interface Seq2SeqOptions {
  /** Matrix-product backend (default "auto": WebAssembly SIMD once initKernels() has loaded it). */
  kernels?: KernelChoice;
  /** Initial θ in state_dict order; otherwise PyTorch's default initialisation from `rng`. */
  params?: Float64Array;
  rng?: Rng;
}

export interface ForwardOptions {
  /**
   * Probability that a decoder step reads the target token (teacher forcing) rather than its own previous argmax
   * prediction, decided per step and pair with `rng`. Default 1: always teacher forcing (the fixtures' semantics).
   */
  teacherForcing?: number;
  rng?: Rng;
}

/** Traces of the last forward pass, time-major copies for charts. */
export interface Seq2SeqTrace {
  S: number;
  U: number;
  B: number;
  sourceLengths: Int32Array;
  /** a_s at each decoder step [U][B][S]; 0 at padded positions (all 0 with attention "none"). */
  attention: Float64Array;
  /** Encoder outputs h_s [S][B][H]; 0 at padded positions. */
  encoderOutputs: Float64Array;
  /** Decoder states z_t (the LSTM's h) [U][B][H]. */
  decoderStates: Float64Array;
  /** Attention scores e_s before the softmax [U][B][S]; −Infinity at padded positions (all 0 with attention "none"). */
  scores: Float64Array;
  /** The context vectors ctx_t the decoder read [U][B][H] (all 0 with attention "none"). */
  contexts: Float64Array;
  /** Raw logits [U][B][Vt]. */
  logits: Float64Array;
  /** Softmax of the logits: each step's output distribution [U][B][Vt]. */
  probs: Float64Array;
  /** The ids the decoder read [U][B]. */
  decoderInputs: Int32Array;
}

const MAX_WORKSPACES = 6;

export class Seq2SeqModel {
  readonly config: Seq2SeqConfig;
  readonly layout: Seq2SeqLayout;
  readonly numParams: number;
  readonly kernels: Kernels;
  private readonly G: number;
  private readonly Din: number;
  private readonly workspaces = new Map<string, Seq2SeqWorkspace>();
  private arenaEnd: number;
  private last: ForwardState | null = null;
  private hasGrads = false;
  // parameter offsets (θ; the gradient of each is at +P)
  private readonly o: Record<string, number> = {};

  constructor(config: Seq2SeqConfig, options: Seq2SeqOptions = {}) {
    this.config = normalizeSeq2SeqConfig(config);
    this.layout = seq2seqLayout(this.config);
    this.numParams = this.layout.size;
    this.G = gateCount(this.config.cell);
    this.Din = decoderInputSize(this.config);
    this.arenaEnd = 2 * this.numParams;
    this.kernels = createKernels(options.kernels ?? "auto", this.arenaEnd);
    for (const s of this.layout.specs) this.o[s.name] = s.offset;
    if (options.params) this.setParams(options.params);
    else if (options.rng) initSeq2SeqParams(this.kernels.heap.subarray(0, this.numParams), this.config, options.rng);
    else throw new EngineError("config", "A seq2seq model needs either `params` or an `rng` to initialise its weights.");
  }

  /** θ as a live view into the arena (valid until the next forward pass or decoding, which may grow the arena). */
  get params(): Float64Array {
    return this.kernels.heap.subarray(0, this.numParams);
  }
  /** ∂L/∂θ of the last backward pass, a live view like `params`. */
  get grads(): Float64Array {
    return this.kernels.heap.subarray(this.numParams, 2 * this.numParams);
  }
  getParams(): Float64Array {
    return this.params.slice();
  }
  setParams(theta: ArrayLike<number>): void {
    if (theta.length !== this.numParams) throw new EngineError("shape", `Expected ${this.numParams} parameters for this model, but got ${theta.length}.`);
    for (let i = 0; i < theta.length; i++) {
      if (!Number.isFinite(theta[i])) throw new EngineError("value", `Parameter ${i} is ${theta[i]}; every weight must be a finite number.`);
    }
    this.params.set(theta);
    this.last = null;
    this.hasGrads = false;
  }
  /** A copy of one named parameter (state_dict name). */
  param(name: string): Float64Array {
    const spec = this.layout.specs.find((s) => s.name === name);
    if (!spec) throw new EngineError("config", `This model has no parameter "${name}".`);
    return this.params.slice(spec.offset, spec.offset + spec.size);
  }
  /** A copy of one named parameter's gradient. */
  grad(name: string): Float64Array {
    const spec = this.layout.specs.find((s) => s.name === name);
    if (!spec) throw new EngineError("config", `This model has no parameter "${name}".`);
    if (!this.hasGrads) throw new EngineError("state", "No gradients yet: run forward() and backward() first.");
    return this.grads.slice(spec.offset, spec.offset + spec.size);
  }

  /** The workspace for a shape, laid out once (a few shapes are kept; older ones are dropped together). */
  workspace(Be: number, Bd: number, S: number, U: number, withGrad: boolean): Seq2SeqWorkspace {
    const key = `${Be},${Bd},${S},${U},${withGrad ? 1 : 0}`;
    const found = this.workspaces.get(key);
    if (found) return found;
    if (this.workspaces.size >= MAX_WORKSPACES) {
      this.workspaces.clear();
      this.arenaEnd = 2 * this.numParams;
      this.last = null;
    }
    const c = this.config;
    const H = c.hiddenSize, E = c.embeddingSize, GH = this.G * H, Vt = c.targetVocabSize, Din = this.Din;
    const lstm = c.cell === "lstm", gru = c.cell === "gru";
    const attn = c.attention !== "none", additive = c.attention === "additive";
    let off = this.arenaEnd;
    const take = (n: number, when = true): number => {
      if (!when) return -1;
      off += n;
      return off - n;
    };
    const g = withGrad;
    const Bm = Math.max(Be, Bd);
    const dPreE = take(S * Be * GH, g);
    const dPreD = take(U * Bd * GH, g);
    const ws: Seq2SeqWorkspace = {
      key, Be, Bd, S, U, withGrad,
      xe: take(S * Be * E),
      egi: take(S * Be * GH),
      egh: take(Be * GH),
      egates: take(S * Be * GH, !(c.cell === "rnn")),
      eh: take((S + 1) * Be * H),
      ec: take((S + 1) * Be * H, lstm),
      etc: take(S * Be * H, lstm),
      ehn: take(S * Be * H, gru),
      keys: take(S * Be * H),
      uk: take(S * Be * H, additive || c.attention === "general"),
      X: take(U * Bd * Din),
      dgi: take(Bd * GH),
      dgh: take(Bd * GH),
      dgates: take(U * Bd * GH, !(c.cell === "rnn")),
      z: take((U + 1) * Bd * H),
      c: take((U + 1) * Bd * H, lstm),
      dtc: take(U * Bd * H, lstm),
      dhn: take(U * Bd * H, gru),
      wq: take(Bd * H, additive),
      att: take(U * Bd * S, attn),
      scores: take(U * Bd * S, attn),
      tmp: take(U * Bd * S * H, additive),
      logits: take(U * Bd * Vt),
      dlogits: take(U * Bd * Vt, g),
      dZ: take(U * Bd * H, g),
      dPreD,
      dPreHD: gru ? take(U * Bd * GH, g) : dPreD,
      dX: take(U * Bd * Din, g),
      dh: take(Bm * H, g),
      carry: take(Bm * H, g),
      dcarry: take(Bm * H, g && lstm),
      dFin: take(Be * H, g),
      dcFin: take(Be * H, g && lstm),
      dWQ: take(U * Bd * H, g && additive),
      de: take(S, g && attn),
      dK: take(S * Be * H, g),
      dUK: take(S * Be * H, g && (additive || c.attention === "general")),
      dPreE,
      dPreHE: gru ? take(S * Be * GH, g) : dPreE,
      dXE: take(S * Be * E, g),
      end: 0,
    };
    (ws as { end: number }).end = off;
    this.kernels.grow(off);
    this.arenaEnd = off;
    this.workspaces.set(key, ws);
    return ws;
  }

  /** Encoder over Be sources [S][Be] with their lengths; fills xe … uk of the workspace. */
  encode(ws: Seq2SeqWorkspace, source: Int32Array, lengths: Int32Array): void {
    const k = this.kernels;
    const m = k.heap;
    const c = this.config;
    const { Be: B, S } = ws;
    const H = c.hiddenSize, E = c.embeddingSize, GH = this.G * H, BH = B * H;
    const o = this.o;
    const emb = o["encoder.embedding.weight"];
    for (let s = 0; s < S; s++) {
      for (let b = 0; b < B; b++) {
        const row = ws.xe + (s * B + b) * E;
        if (s < lengths[b]) m.copyWithin(row, emb + source[s * B + b] * E, emb + (source[s * B + b] + 1) * E);
        else m.fill(0, row, row + E);
      }
    }
    k.gemmNT(ws.xe, o["encoder.rnn.weight_ih_l0"], ws.egi, S * B, GH, E, false);
    addBias(m, ws.egi, S * B, GH, o["encoder.rnn.bias_ih_l0"]);
    m.fill(0, ws.eh, ws.eh + BH);
    if (ws.ec >= 0) m.fill(0, ws.ec, ws.ec + BH);
    const whh = o["encoder.rnn.weight_hh_l0"], bhh = o["encoder.rnn.bias_hh_l0"];
    for (let s = 0; s < S; s++) {
      k.gemmNT(ws.eh + s * BH, whh, ws.egh, B, GH, H, false);
      addBias(m, ws.egh, B, GH, bhh);
      const step = this.encStep(ws, s);
      cellForward(c.cell, m, B, H, step);
      for (let b = 0; b < B; b++) {
        const key = ws.keys + (s * B + b) * H;
        if (s < lengths[b]) {
          m.copyWithin(key, step.hOut + b * H, step.hOut + (b + 1) * H);
        } else {
          m.fill(0, key, key + H);
          m.copyWithin(step.hOut + b * H, step.hPrev + b * H, step.hPrev + (b + 1) * H);
          if (step.cOut >= 0) m.copyWithin(step.cOut + b * H, step.cPrev + b * H, step.cPrev + (b + 1) * H);
        }
      }
    }
    if (c.attention === "additive") {
      k.gemmNT(ws.keys, o["decoder.attention.Ua.weight"], ws.uk, S * B, H, H, false);
      addBias(m, ws.uk, S * B, H, o["decoder.attention.Ua.bias"]);
    } else if (c.attention === "general") {
      k.gemmNT(ws.keys, o["decoder.attention.W.weight"], ws.uk, S * B, H, H, false);
    }
  }

  private encStep(ws: Seq2SeqWorkspace, s: number): CellStep {
    const H = this.config.hiddenSize, BH = ws.Be * H, GH = this.G * H;
    return {
      gi: ws.egi + s * ws.Be * GH,
      gh: ws.egh,
      hPrev: ws.eh + s * BH,
      cPrev: ws.ec < 0 ? -1 : ws.ec + s * BH,
      hOut: ws.eh + (s + 1) * BH,
      cOut: ws.ec < 0 ? -1 : ws.ec + (s + 1) * BH,
      gates: ws.egates < 0 ? -1 : ws.egates + s * ws.Be * GH,
      tc: ws.etc < 0 ? -1 : ws.etc + s * BH,
      hn: ws.ehn < 0 ? -1 : ws.ehn + s * BH,
    };
  }

  private decStepOffsets(ws: Seq2SeqWorkspace, t: number): CellStep {
    const H = this.config.hiddenSize, BH = ws.Bd * H, GH = this.G * H;
    return {
      gi: ws.dgi,
      gh: ws.dgh,
      hPrev: ws.z + t * BH,
      cPrev: ws.c < 0 ? -1 : ws.c + t * BH,
      hOut: ws.z + (t + 1) * BH,
      cOut: ws.c < 0 ? -1 : ws.c + (t + 1) * BH,
      gates: ws.dgates < 0 ? -1 : ws.dgates + t * ws.Bd * GH,
      tc: ws.dtc < 0 ? -1 : ws.dtc + t * BH,
      hn: ws.dhn < 0 ? -1 : ws.dhn + t * BH,
    };
  }

  /** Copies the encoder's final state (h, and c for the LSTM) of each row's source into decoder slot 0. */
  startDecoder(ws: Seq2SeqWorkspace, rowSrc: Int32Array | null): void {
    const m = this.kernels.heap;
    const H = this.config.hiddenSize;
    const fin = ws.eh + ws.S * ws.Be * H;
    const cfin = ws.ec < 0 ? -1 : ws.ec + ws.S * ws.Be * H;
    for (let r = 0; r < ws.Bd; r++) {
      const b = rowSrc ? rowSrc[r] : r;
      m.copyWithin(ws.z + r * H, fin + b * H, fin + (b + 1) * H);
      if (cfin >= 0) m.copyWithin(ws.c + r * H, cfin + b * H, cfin + (b + 1) * H);
    }
  }

  /**
   * Decoder step t on Bd rows: row r reads token ids[r] and attends over source rowSrc[r] (r when null), from state
   * slot t into slot t+1; writes attention weights and context. Logits are the caller's (see logitsFor).
   */
  decodeStep(ws: Seq2SeqWorkspace, t: number, ids: ArrayLike<number>, lengths: Int32Array, rowSrc: Int32Array | null): void {
    const k = this.kernels;
    const m = k.heap;
    const c = this.config;
    const R = ws.Bd, S = ws.S, Be = ws.Be;
    const H = c.hiddenSize, E = c.embeddingSize, GH = this.G * H, Din = this.Din;
    const o = this.o;
    const emb = o["decoder.embedding.weight"];
    const X = ws.X + t * R * Din;
    const zPrev = ws.z + t * R * H;
    for (let r = 0; r < R; r++) m.copyWithin(X + r * Din, emb + ids[r] * E, emb + (ids[r] + 1) * E);
    if (c.attention !== "none") {
      const additive = c.attention === "additive";
      let va = 0, bv = 0;
      if (additive) {
        k.gemmNT(zPrev, o["decoder.attention.Wa.weight"], ws.wq, R, H, H, false);
        addBias(m, ws.wq, R, H, o["decoder.attention.Wa.bias"]);
        va = o["decoder.attention.Va.weight"];
        bv = m[o["decoder.attention.Va.bias"]];
      }
      const scoreKeys = c.attention === "dot" ? ws.keys : ws.uk;
      for (let r = 0; r < R; r++) {
        const b = rowSrc ? rowSrc[r] : r;
        const n = lengths[b];
        const a = ws.att + (t * R + r) * S;
        const sc = ws.scores + (t * R + r) * S;
        const q = zPrev + r * H;
        let max = -Infinity;
        for (let s = 0; s < n; s++) {
          const kk = scoreKeys + (s * Be + b) * H;
          let e: number;
          if (additive) {
            const tp = ws.tmp + ((t * R + r) * S + s) * H;
            const wq = ws.wq + r * H;
            e = bv;
            for (let j = 0; j < H; j++) {
              const v = Math.tanh(m[wq + j] + m[kk + j]);
              m[tp + j] = v;
              e += v * m[va + j];
            }
          } else {
            e = 0;
            for (let j = 0; j < H; j++) e += m[q + j] * m[kk + j];
          }
          m[a + s] = e;
          if (e > max) max = e;
        }
        let sum = 0;
        for (let s = 0; s < n; s++) {
          m[sc + s] = m[a + s];
          const v = Math.exp(m[a + s] - max);
          m[a + s] = v;
          sum += v;
        }
        for (let s = 0; s < n; s++) m[a + s] /= sum;
        for (let s = n; s < S; s++) {
          m[a + s] = 0;
          m[sc + s] = -Infinity;
        }
        const ctx = X + r * Din + E;
        m.fill(0, ctx, ctx + H);
        for (let s = 0; s < n; s++) {
          const w = m[a + s];
          const kk = ws.keys + (s * Be + b) * H;
          for (let j = 0; j < H; j++) m[ctx + j] += w * m[kk + j];
        }
      }
    }
    k.gemmNT(X, o["decoder.rnn.weight_ih_l0"], ws.dgi, R, GH, Din, false);
    addBias(m, ws.dgi, R, GH, o["decoder.rnn.bias_ih_l0"]);
    k.gemmNT(zPrev, o["decoder.rnn.weight_hh_l0"], ws.dgh, R, GH, H, false);
    addBias(m, ws.dgh, R, GH, o["decoder.rnn.bias_hh_l0"]);
    cellForward(c.cell, m, R, H, this.decStepOffsets(ws, t));
  }

  /** logits of decoder steps t0 … t0+count−1 (all rows) from their states: one gemm. */
  logitsFor(ws: Seq2SeqWorkspace, t0: number, count: number): void {
    const m = this.kernels.heap;
    const H = this.config.hiddenSize, Vt = this.config.targetVocabSize, R = ws.Bd;
    const dst = ws.logits + t0 * R * Vt;
    this.kernels.gemmNT(ws.z + (t0 + 1) * R * H, this.o["decoder.out.weight"], dst, count * R, Vt, H, false);
    addBias(m, dst, count * R, Vt, this.o["decoder.out.bias"]);
  }

  /**
   * Forward pass with teacher forcing and the mean cross-entropy over targets that are not −100. Keeps what
   * backward() and trace() need. Bad batches are refused before anything changes.
   */
  forward(batch: Seq2SeqBatch, options: ForwardOptions = {}): number {
    validateSeq2SeqBatch(this.config, batch);
    const tf = options.teacherForcing ?? 1;
    if (!(tf >= 0 && tf <= 1)) throw new EngineError("config", `teacherForcing must be a probability from 0 to 1, but is ${tf}.`);
    if (tf < 1 && !options.rng) throw new EngineError("config", "teacherForcing below 1 needs an `rng` to decide the steps.");
    const { S, U, B } = batch;
    const ws = this.workspace(B, B, S, U, true);
    this.encode(ws, batch.source, batch.sourceLengths);
    this.startDecoder(ws, null);
    const decIn = new Int32Array(U * B);
    const Vt = this.config.targetVocabSize;
    for (let t = 0; t < U; t++) {
      for (let b = 0; b < B; b++) {
        const i = t * B + b;
        decIn[i] = batch.targetIn[i];
        if (tf < 1 && t > 0 && options.rng!.next() >= tf) decIn[i] = argmax(this.kernels.heap, ws.logits + ((t - 1) * B + b) * Vt, Vt);
      }
      this.decodeStep(ws, t, decIn.subarray(t * B, (t + 1) * B), batch.sourceLengths, null);
      if (tf < 1) this.logitsFor(ws, t, 1);
    }
    if (tf >= 1) this.logitsFor(ws, 0, U);
    const m = this.kernels.heap;
    let total = 0;
    let count = 0;
    for (let i = 0; i < U * B; i++) {
      const y = batch.targetOut[i];
      if (y === IGNORE_INDEX) continue;
      const row = ws.logits + i * Vt;
      total += logSumExp(m, row, Vt) - m[row + y];
      count++;
    }
    const loss = total / count;
    this.last = { ws, batch, decIn, loss, count };
    this.hasGrads = false;
    return loss;
  }

  /** Exact gradients of the last forward pass's loss with respect to every parameter, into `grads`. */
  backward(): void {
    const st = this.last;
    if (!st) throw new EngineError("state", "backward() needs a forward() pass first (and none since the weights changed).");
    const { ws, batch, decIn, count } = st;
    const k = this.kernels;
    const m = k.heap;
    const c = this.config;
    const P = this.numParams;
    const o = this.o;
    const { S, U, B } = batch;
    const H = c.hiddenSize, E = c.embeddingSize, GH = this.G * H, Vt = c.targetVocabSize, Din = this.Din;
    const BH = B * H;
    const lstm = c.cell === "lstm";
    const attn = c.attention !== "none";
    const additive = c.attention === "additive";
    const g = (name: string): number => P + o[name];
    m.fill(0, P, 2 * P);

    // Head: ∂L/∂logits = (softmax − one-hot)/|P| at predicted positions, 0 elsewhere.
    for (let i = 0; i < U * B; i++) {
      const row = ws.logits + i * Vt, drow = ws.dlogits + i * Vt;
      const y = batch.targetOut[i];
      if (y === IGNORE_INDEX) {
        m.fill(0, drow, drow + Vt);
        continue;
      }
      const lse = logSumExp(m, row, Vt);
      for (let j = 0; j < Vt; j++) m[drow + j] = Math.exp(m[row + j] - lse) / count;
      m[drow + y] -= 1 / count;
    }
    k.gemmTN(ws.dlogits, ws.z + BH, g("decoder.out.weight"), Vt, H, U * B, false);
    colSum(m, ws.dlogits, U * B, Vt, g("decoder.out.bias"));
    k.gemmNN(ws.dlogits, o["decoder.out.weight"], ws.dZ, U * B, H, Vt, false);

    // Decoder, t = U−1 … 0.
    m.fill(0, ws.carry, ws.carry + BH);
    if (lstm) m.fill(0, ws.dcarry, ws.dcarry + BH);
    if (attn) m.fill(0, ws.dK, ws.dK + S * BH);
    if (ws.dUK >= 0) m.fill(0, ws.dUK, ws.dUK + S * BH);
    const wihD = o["decoder.rnn.weight_ih_l0"], whhD = o["decoder.rnn.weight_hh_l0"];
    for (let t = U - 1; t >= 0; t--) {
      for (let i = 0; i < BH; i++) m[ws.dh + i] = m[ws.dZ + t * BH + i] + m[ws.carry + i];
      const dPre = ws.dPreD + t * B * GH, dPreH = ws.dPreHD + t * B * GH;
      cellBackward(c.cell, m, B, H, this.decStepOffsets(ws, t), { dh: ws.dh, dc: ws.dcarry, dPre, dPreH, dhPrev: ws.carry });
      k.gemmNN(dPreH, whhD, ws.carry, B, H, GH, true);
      k.gemmNN(dPre, wihD, ws.dX + t * B * Din, B, Din, GH, false);
      if (attn) this.attentionBackward(ws, t, batch.sourceLengths);
    }
    k.gemmTN(ws.dPreD, ws.X, g("decoder.rnn.weight_ih_l0"), GH, Din, U * B, false);
    k.gemmTN(ws.dPreHD, ws.z, g("decoder.rnn.weight_hh_l0"), GH, H, U * B, false);
    colSum(m, ws.dPreD, U * B, GH, g("decoder.rnn.bias_ih_l0"));
    colSum(m, ws.dPreHD, U * B, GH, g("decoder.rnn.bias_hh_l0"));
    const dEmbD = g("decoder.embedding.weight");
    for (let i = 0; i < U * B; i++) {
      const dst = dEmbD + decIn[i] * E, src = ws.dX + i * Din;
      for (let j = 0; j < E; j++) m[dst + j] += m[src + j];
    }
    if (additive) {
      k.gemmTN(ws.dWQ, ws.z, g("decoder.attention.Wa.weight"), H, H, U * B, false);
      colSum(m, ws.dWQ, U * B, H, g("decoder.attention.Wa.bias"));
      k.gemmTN(ws.dUK, ws.keys, g("decoder.attention.Ua.weight"), H, H, S * B, false);
      colSum(m, ws.dUK, S * B, H, g("decoder.attention.Ua.bias"));
      k.gemmNN(ws.dUK, o["decoder.attention.Ua.weight"], ws.dK, S * B, H, H, true);
      // ∂L/∂Va.bias is exactly 0 (a shift of every score leaves the softmax unchanged): left at the 0 written above.
    } else if (c.attention === "general") {
      k.gemmTN(ws.dUK, ws.keys, g("decoder.attention.W.weight"), H, H, S * B, false);
      k.gemmNN(ws.dUK, o["decoder.attention.W.weight"], ws.dK, S * B, H, H, true);
    }
    m.copyWithin(ws.dFin, ws.carry, ws.carry + BH);
    if (lstm) m.copyWithin(ws.dcFin, ws.dcarry, ws.dcarry + BH);

    // Encoder, s = S−1 … 0; each sequence's backward starts at its own last step n_b − 1.
    m.fill(0, ws.carry, ws.carry + BH);
    if (lstm) m.fill(0, ws.dcarry, ws.dcarry + BH);
    const lengths = batch.sourceLengths;
    const whhE = o["encoder.rnn.weight_hh_l0"];
    for (let s = S - 1; s >= 0; s--) {
      for (let b = 0; b < B; b++) {
        const n = lengths[b];
        const dh = ws.dh + b * H, cr = ws.carry + b * H, dk = ws.dK + (s * B + b) * H;
        if (s >= n) {
          m.fill(0, dh, dh + H);
          if (lstm) m.fill(0, ws.dcarry + b * H, ws.dcarry + (b + 1) * H);
          continue;
        }
        for (let j = 0; j < H; j++) m[dh + j] = m[cr + j] + (attn ? m[dk + j] : 0);
        if (s === n - 1) {
          for (let j = 0; j < H; j++) m[dh + j] += m[ws.dFin + b * H + j];
          if (lstm) for (let j = 0; j < H; j++) m[ws.dcarry + b * H + j] += m[ws.dcFin + b * H + j];
        }
      }
      const dPre = ws.dPreE + s * B * GH, dPreH = ws.dPreHE + s * B * GH;
      cellBackward(c.cell, m, B, H, this.encStep(ws, s), { dh: ws.dh, dc: ws.dcarry, dPre, dPreH, dhPrev: ws.carry });
      k.gemmNN(dPreH, whhE, ws.carry, B, H, GH, true);
    }
    k.gemmTN(ws.dPreE, ws.xe, g("encoder.rnn.weight_ih_l0"), GH, E, S * B, false);
    k.gemmTN(ws.dPreHE, ws.eh, g("encoder.rnn.weight_hh_l0"), GH, H, S * B, false);
    colSum(m, ws.dPreE, S * B, GH, g("encoder.rnn.bias_ih_l0"));
    colSum(m, ws.dPreHE, S * B, GH, g("encoder.rnn.bias_hh_l0"));
    k.gemmNN(ws.dPreE, o["encoder.rnn.weight_ih_l0"], ws.dXE, S * B, E, GH, false);
    const dEmbE = g("encoder.embedding.weight");
    for (let s = 0; s < S; s++) {
      for (let b = 0; b < B; b++) {
        if (s >= lengths[b]) continue;
        const dst = dEmbE + batch.source[s * B + b] * E, src = ws.dXE + (s * B + b) * E;
        for (let j = 0; j < E; j++) m[dst + j] += m[src + j];
      }
    }
    this.hasGrads = true;
  }

  /** Backward through step t's attention: reads ∂L/∂context from dX, adds ∂L/∂query to carry, ∂L/∂keys to dK/dUK. */
  private attentionBackward(ws: Seq2SeqWorkspace, t: number, lengths: Int32Array): void {
    const m = this.kernels.heap;
    const c = this.config;
    const B = ws.Bd, S = ws.S, H = c.hiddenSize, E = c.embeddingSize, Din = this.Din;
    const P = this.numParams;
    const additive = c.attention === "additive", dot = c.attention === "dot";
    const va = additive ? this.o["decoder.attention.Va.weight"] : -1;
    const gva = P + va;
    const dWQ = additive ? ws.dWQ + t * B * H : -1;
    if (additive) m.fill(0, dWQ, dWQ + B * H);
    for (let b = 0; b < B; b++) {
      const n = lengths[b];
      const a = ws.att + (t * B + b) * S;
      const dctx = ws.dX + (t * B + b) * Din + E;
      const q = ws.z + (t * B + b) * H;
      const dq = ws.carry + b * H;
      let sum = 0;
      for (let s = 0; s < n; s++) {
        const kk = ws.keys + (s * B + b) * H, dk = ws.dK + (s * B + b) * H;
        const w = m[a + s];
        let da = 0;
        for (let j = 0; j < H; j++) {
          da += m[dctx + j] * m[kk + j];
          m[dk + j] += w * m[dctx + j];
        }
        m[ws.de + s] = da;
        sum += w * da;
      }
      for (let s = 0; s < n; s++) {
        const de = m[a + s] * (m[ws.de + s] - sum);
        if (additive) {
          const tp = ws.tmp + ((t * B + b) * S + s) * H, duk = ws.dUK + (s * B + b) * H, dw = dWQ + b * H;
          for (let j = 0; j < H; j++) {
            const v = m[tp + j];
            m[gva + j] += de * v;
            const dp = de * m[va + j] * (1 - v * v);
            m[dw + j] += dp;
            m[duk + j] += dp;
          }
        } else {
          const kk = (dot ? ws.keys : ws.uk) + (s * B + b) * H;
          const dk = (dot ? ws.dK : ws.dUK) + (s * B + b) * H;
          for (let j = 0; j < H; j++) {
            m[dq + j] += de * m[kk + j];
            m[dk + j] += de * m[q + j];
          }
        }
      }
    }
    if (additive) this.kernels.gemmNN(dWQ, this.o["decoder.attention.Wa.weight"], ws.carry, B, H, H, true);
  }

  /** The loss of the last forward pass. */
  get loss(): number {
    if (!this.last) throw new EngineError("state", "No forward pass yet.");
    return this.last.loss;
  }

  /** Copies of what the last forward pass computed, for charts and tests. */
  trace(): Seq2SeqTrace {
    const st = this.last;
    if (!st) throw new EngineError("state", "trace() needs a forward() pass first.");
    const { ws, batch } = st;
    const m = this.kernels.heap;
    const { S, U, B } = batch;
    const H = this.config.hiddenSize, Vt = this.config.targetVocabSize;
    const logits = m.slice(ws.logits, ws.logits + U * B * Vt);
    const probs = new Float64Array(logits.length);
    for (let i = 0; i < U * B; i++) {
      const lse = logSumExp(logits, i * Vt, Vt);
      for (let j = 0; j < Vt; j++) probs[i * Vt + j] = Math.exp(logits[i * Vt + j] - lse);
    }
    const E = this.config.embeddingSize, Din = this.Din;
    const contexts = new Float64Array(U * B * H);
    if (this.config.attention !== "none") {
      for (let i = 0; i < U * B; i++) contexts.set(m.subarray(ws.X + i * Din + E, ws.X + (i + 1) * Din), i * H);
    }
    return {
      S, U, B,
      contexts,
      sourceLengths: batch.sourceLengths.slice(),
      attention: ws.att >= 0 ? m.slice(ws.att, ws.att + U * B * S) : new Float64Array(U * B * S),
      scores: ws.scores >= 0 ? m.slice(ws.scores, ws.scores + U * B * S) : new Float64Array(U * B * S),
      encoderOutputs: m.slice(ws.keys, ws.keys + S * B * H),
      decoderStates: m.slice(ws.z + B * H, ws.z + (U + 1) * B * H),
      logits,
      probs,
      decoderInputs: st.decIn.slice(),
    };
  }
}

function addBias(m: Float64Array, dst: number, rows: number, cols: number, bias: number): void {
  for (let r = 0; r < rows; r++) {
    const row = dst + r * cols;
    for (let j = 0; j < cols; j++) m[row + j] += m[bias + j];
  }
}

function colSum(m: Float64Array, src: number, rows: number, cols: number, dst: number): void {
  for (let r = 0; r < rows; r++) {
    const row = src + r * cols;
    for (let j = 0; j < cols; j++) m[dst + j] += m[row + j];
  }
}

export function logSumExp(m: ArrayLike<number>, row: number, n: number): number {
  let max = -Infinity;
  for (let j = 0; j < n; j++) if (m[row + j] > max) max = m[row + j];
  let s = 0;
  for (let j = 0; j < n; j++) s += Math.exp(m[row + j] - max);
  return max + Math.log(s);
}

/** Index of the largest entry (the first on ties). */
export function argmax(m: ArrayLike<number>, row: number, n: number): number {
  let best = 0;
  for (let j = 1; j < n; j++) if (m[row + j] > m[row + best]) best = j;
  return best;
}
