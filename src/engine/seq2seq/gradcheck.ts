// src/engine/seq2seq/gradcheck.ts: central finite differences against backward(), on sampled entries of every parameter.
import { EngineError } from "../errors";
import type { Rng } from "../rng";
import type { Seq2SeqBatch } from "./batch";
import type { Seq2SeqModel } from "./model";

export interface Seq2SeqGradCheckResult {
  /** Per parameter: ‖analytic − numeric‖₂ / max(‖numeric‖₂, floor) over the sampled entries. */
  errors: Record<string, number>;
  /** The largest of `errors`. */
  worst: number;
  /** Number of entries compared. */
  checked: number;
}

/**
 * Compares ∂L/∂θ from backward() with (L(θ + ε e_i) − L(θ − ε e_i)) / 2ε at up to `samples` random entries of each
 * parameter (all entries of small ones). `floor` keeps near-zero gradients (Va.bias, unread embedding rows) absolute.
 * The weights are restored exactly afterwards.
 */
export function seq2seqGradCheck(model: Seq2SeqModel, batch: Seq2SeqBatch, rng: Rng, options: { samples?: number; eps?: number; floor?: number } = {}): Seq2SeqGradCheckResult {
  const samples = options.samples ?? 12;
  const eps = options.eps ?? 1e-5;
  const floor = options.floor ?? 1e-4;
  if (!(eps > 0 && eps < 1)) throw new EngineError("config", `eps must be in (0, 1), but is ${eps}.`);
  model.forward(batch);
  model.backward();
  const analytic = model.grads.slice();
  const errors: Record<string, number> = {};
  let worst = 0;
  let checked = 0;
  for (const spec of model.layout.specs) {
    const idx: number[] = [];
    if (spec.size <= samples) for (let i = 0; i < spec.size; i++) idx.push(spec.offset + i);
    else for (let i = 0; i < samples; i++) idx.push(spec.offset + rng.int(spec.size));
    let diff = 0, norm = 0;
    for (const i of idx) {
      const theta = model.params;
      const saved = theta[i];
      theta[i] = saved + eps;
      const up = model.forward(batch);
      model.params[i] = saved - eps;
      const down = model.forward(batch);
      model.params[i] = saved;
      const numeric = (up - down) / (2 * eps);
      diff += (analytic[i] - numeric) ** 2;
      norm += numeric * numeric;
      checked++;
    }
    const err = Math.sqrt(diff) / Math.max(Math.sqrt(norm), floor);
    errors[spec.name] = err;
    worst = Math.max(worst, err);
  }
  return { errors, worst, checked };
}
