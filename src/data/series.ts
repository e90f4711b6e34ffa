// src/data/series.ts: next-value datasets: sequences cut into windows (input x_t, target x_{t+k}), batches of them.
import { createRng, type Batch, type Rng } from "../engine";

/** Sequences of length T + horizon + future: the model reads T steps; `future` more are kept to judge free-running. */
export interface SeriesDataset {
  readonly T: number;
  readonly horizon: number;
  /** Extra true values after each validation window, for the free-running comparison. */
  readonly future: number;
  readonly train: readonly Float64Array[];
  readonly validation: readonly Float64Array[];
  /** How the raw values were standardised (identity for generated data). */
  readonly mean: number;
  readonly std: number;
}

/** Fills a batch of B windows drawn at random from `pool`: inputs x_0…x_{T−1}, targets x_k…x_{T−1+k}. */
export class SeriesBatcher {
  private readonly inputs: Float64Array;
  private readonly targets: Float64Array;
  private readonly rng: Rng;

  constructor(private readonly data: SeriesDataset, readonly B: number, seed: number) {
    this.inputs = new Float64Array(data.T * B);
    this.targets = new Float64Array(data.T * B);
    this.rng = createRng(seed);
  }

  next(pool: readonly Float64Array[] = this.data.train): Batch {
    const { T, horizon } = this.data;
    const B = this.B;
    for (let b = 0; b < B; b++) {
      const s = pool[this.rng.int(pool.length)];
      for (let t = 0; t < T; t++) {
        this.inputs[t * B + b] = s[t];
        this.targets[t * B + b] = s[t + horizon];
      }
    }
    return { T, B, inputs: this.inputs, targets: this.targets };
  }
}

/** All of `pool` as one batch (validation loss), B = pool length. */
export function wholeBatch(data: SeriesDataset, pool: readonly Float64Array[]): Batch {
  const { T, horizon } = data;
  const B = pool.length;
  const inputs = new Float64Array(T * B);
  const targets = new Float64Array(T * B);
  pool.forEach((s, b) => {
    for (let t = 0; t < T; t++) {
      inputs[t * B + b] = s[t];
      targets[t * B + b] = s[t + horizon];
    }
  });
  return { T, B, inputs, targets };
}
