// src/engine/seq2seq/cells.ts: one step of the tanh RNN, LSTM and GRU cell (version 1's equations) on R rows of the
// arena, forward and backward. The matrix products (x W_ih^T + b_ih, h W_hh^T + b_hh, dPre W) are the caller's,
// done with the kernels' gemm; these loops are the element-wise part.
import type { Seq2SeqCell } from "./config";

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Arena offsets of one step's cell buffers (−1 where the cell has none). */
export interface CellStep {
  /** Pre-activations from the input, x W_ih^T + b_ih [R][G·H]. */
  gi: number;
  /** Pre-activations from the state, h_{t−1} W_hh^T + b_hh [R][G·H]. */
  gh: number;
  hPrev: number;
  cPrev: number;
  hOut: number;
  cOut: number;
  /** Post-activation gates [R][G·H] (LSTM i f g o, GRU r z n; unused by the RNN). */
  gates: number;
  /** tanh(c_t) [R][H] (LSTM). */
  tc: number;
  /** h_{t−1} W_hn^T + b_hn [R][H] (GRU), the term r scales. */
  hn: number;
}

export function cellForward(cell: Seq2SeqCell, m: Float64Array, R: number, H: number, o: CellStep): void {
  if (cell === "rnn") {
    for (let i = 0; i < R * H; i++) m[o.hOut + i] = Math.tanh(m[o.gi + i] + m[o.gh + i]);
    return;
  }
  if (cell === "lstm") {
    const G = 4 * H;
    for (let r = 0; r < R; r++) {
      const gi = o.gi + r * G, gh = o.gh + r * G, ga = o.gates + r * G;
      const rh = r * H;
      for (let j = 0; j < H; j++) {
        const ig = sigmoid(m[gi + j] + m[gh + j]);
        const fg = sigmoid(m[gi + H + j] + m[gh + H + j]);
        const gg = Math.tanh(m[gi + 2 * H + j] + m[gh + 2 * H + j]);
        const og = sigmoid(m[gi + 3 * H + j] + m[gh + 3 * H + j]);
        m[ga + j] = ig;
        m[ga + H + j] = fg;
        m[ga + 2 * H + j] = gg;
        m[ga + 3 * H + j] = og;
        const c = fg * m[o.cPrev + rh + j] + ig * gg;
        const tc = Math.tanh(c);
        m[o.cOut + rh + j] = c;
        m[o.tc + rh + j] = tc;
        m[o.hOut + rh + j] = og * tc;
      }
    }
    return;
  }
  const G = 3 * H;
  for (let r = 0; r < R; r++) {
    const gi = o.gi + r * G, gh = o.gh + r * G, ga = o.gates + r * G;
    const rh = r * H;
    for (let j = 0; j < H; j++) {
      const rg = sigmoid(m[gi + j] + m[gh + j]);
      const zg = sigmoid(m[gi + H + j] + m[gh + H + j]);
      const hn = m[gh + 2 * H + j];
      const ng = Math.tanh(m[gi + 2 * H + j] + rg * hn);
      m[ga + j] = rg;
      m[ga + H + j] = zg;
      m[ga + 2 * H + j] = ng;
      m[o.hn + rh + j] = hn;
      m[o.hOut + rh + j] = (1 - zg) * ng + zg * m[o.hPrev + rh + j];
    }
  }
}

/** Offsets for one step's backward pass. */
export interface CellBack {
  /** Total ∂L/∂h_t [R][H] (read). */
  dh: number;
  /** ∂L/∂c_t arriving from step t+1 [R][H] (LSTM; read, then overwritten with ∂L/∂c_{t−1}). */
  dc: number;
  /** ∂L/∂(pre-activation) as W_ih and b_ih see it [R][G·H] (written). */
  dPre: number;
  /** As W_hh and b_hh see it (written; the GRU's n block is scaled by r). Equal to dPre for RNN and LSTM. */
  dPreH: number;
  /** ∂L/∂h_{t−1} through paths other than W_hh (GRU: dh ⊙ z; else 0) [R][H] (written). */
  dhPrev: number;
}

export function cellBackward(cell: Seq2SeqCell, m: Float64Array, R: number, H: number, o: CellStep, d: CellBack): void {
  if (cell === "rnn") {
    for (let i = 0; i < R * H; i++) {
      const h = m[o.hOut + i];
      m[d.dPre + i] = m[d.dh + i] * (1 - h * h);
      m[d.dhPrev + i] = 0;
    }
    return;
  }
  if (cell === "lstm") {
    const G = 4 * H;
    for (let r = 0; r < R; r++) {
      const ga = o.gates + r * G, dp = d.dPre + r * G;
      const rh = r * H;
      for (let j = 0; j < H; j++) {
        const ig = m[ga + j], fg = m[ga + H + j], gg = m[ga + 2 * H + j], og = m[ga + 3 * H + j];
        const tc = m[o.tc + rh + j];
        const dh = m[d.dh + rh + j];
        const dc = m[d.dc + rh + j] + dh * og * (1 - tc * tc);
        m[dp + j] = dc * gg * ig * (1 - ig);
        m[dp + H + j] = dc * m[o.cPrev + rh + j] * fg * (1 - fg);
        m[dp + 2 * H + j] = dc * ig * (1 - gg * gg);
        m[dp + 3 * H + j] = dh * tc * og * (1 - og);
        m[d.dc + rh + j] = dc * fg;
        m[d.dhPrev + rh + j] = 0;
      }
    }
    return;
  }
  const G = 3 * H;
  for (let r = 0; r < R; r++) {
    const ga = o.gates + r * G, dp = d.dPre + r * G, dq = d.dPreH + r * G;
    const rh = r * H;
    for (let j = 0; j < H; j++) {
      const rg = m[ga + j], zg = m[ga + H + j], ng = m[ga + 2 * H + j];
      const dh = m[d.dh + rh + j];
      const dn = dh * (1 - zg) * (1 - ng * ng);
      const dz = dh * (m[o.hPrev + rh + j] - ng) * zg * (1 - zg);
      const dr = dn * m[o.hn + rh + j] * rg * (1 - rg);
      m[dp + j] = dr;
      m[dp + H + j] = dz;
      m[dp + 2 * H + j] = dn;
      m[dq + j] = dr;
      m[dq + H + j] = dz;
      m[dq + 2 * H + j] = dn * rg;
      m[d.dhPrev + rh + j] = dh * zg;
    }
  }
}
