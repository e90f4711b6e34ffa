// src/engine/seq2seq/train.ts: one training step of a seq2seq model: forward (teacher forcing), backward,
// torch.nn.utils.clip_grad_norm_ over all parameters, and an optimiser step (the engine's Optimizer, PyTorch's formulas).
import { EngineError } from "../errors";
import { clipGradNorm, Optimizer, type OptimizerSpec } from "../optim";
import type { Rng } from "../rng";
import type { Seq2SeqBatch } from "./batch";
import type { Seq2SeqModel } from "./model";

export interface Seq2SeqStepOptions {
  /** Global-norm clipping threshold; absent or 0: no clipping. */
  maxNorm?: number;
  /** Teacher forcing ratio in [0, 1] (default 1); below 1 needs `rng`. */
  teacherForcing?: number;
  rng?: Rng;
}

export interface Seq2SeqStepResult {
  /** Loss before the update. */
  loss: number;
  /** ‖∂L/∂θ‖₂ before clipping. */
  gradNorm: number;
}

export class Seq2SeqTrainer {
  readonly model: Seq2SeqModel;
  readonly optimizer: Optimizer;

  constructor(model: Seq2SeqModel, spec: OptimizerSpec = { kind: "adam", lr: 1e-3 }) {
    this.model = model;
    this.optimizer = new Optimizer(model.numParams, spec);
  }

  /** One update on `batch`. A non-finite loss or gradient is refused before the weights change. */
  step(batch: Seq2SeqBatch, options: Seq2SeqStepOptions = {}): Seq2SeqStepResult {
    const m = this.model;
    const loss = m.forward(batch, { teacherForcing: options.teacherForcing, rng: options.rng });
    m.backward();
    const grads = m.grads;
    const maxNorm = options.maxNorm ?? 0;
    let norm: number;
    if (maxNorm > 0) norm = clipGradNorm(grads, maxNorm);
    else {
      let s = 0;
      for (let i = 0; i < grads.length; i++) s += grads[i] * grads[i];
      norm = Math.sqrt(s);
    }
    if (!Number.isFinite(loss) || !Number.isFinite(norm)) {
      throw new EngineError("value", `Training diverged (loss ${loss}, gradient norm ${norm}); the weights were left unchanged. Lower the learning rate or clip gradients.`);
    }
    this.optimizer.step(m.params, grads);
    return { loss, gradNorm: norm };
  }
}
