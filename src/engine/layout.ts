// src/engine/layout.ts: where each PyTorch-named parameter lives inside the flat parameter vector θ.
import { directionCount, gateCount, type ModelConfig } from "./config";

export interface ParamSpec {
  /** PyTorch state_dict name, e.g. "rnn.weight_hh_l0" or "head.weight". */
  readonly name: string;
  /** PyTorch shape: [rows, cols] for matrices, [n] for biases. */
  readonly shape: readonly number[];
  /** Offset inside θ (and inside the gradient vector, which has the same layout). */
  readonly offset: number;
  readonly size: number;
}

/** Offsets (relative to θ) of one layer's four tensors. */
export interface LayerParams {
  readonly Wih: number; // [G·H][D_k]
  readonly Whh: number; // [G·H][H]
  readonly bih: number; // [G·H]
  readonly bhh: number; // [G·H]
  readonly inputSize: number; // D_k
  /** 0 forward, 1 reverse (the `_reverse` tensors of a bidirectional layer). */
  readonly direction: number;
}

export interface ParamLayout {
  readonly specs: readonly ParamSpec[];
  /** Direction 0 (forward) of every layer. */
  readonly layers: readonly LayerParams[];
  /** Every layer's directions, [layer][direction] (N = 1 or 2 per layer). */
  readonly directions: readonly (readonly LayerParams[])[];
  /** embedding.weight [V][D] ("tokens" inputs), else -1. */
  readonly embedding: number;
  readonly Why: number; // head.weight [O][N·H]
  readonly by: number; // head.bias [O]
  readonly size: number; // total number of parameters
}

/**
 * Parameters in PyTorch's state_dict order: embedding.weight (tokens), then per layer weight_ih, weight_hh, bias_ih,
 * bias_hh of the forward direction and (bidirectional) the same with `_reverse`, then the head.
 */
export function makeLayout(c: Pick<ModelConfig, "cell" | "inputSize" | "hiddenSize" | "numLayers" | "outputSize"> & Partial<Pick<ModelConfig, "bidirectional" | "inputKind" | "vocabSize">>): ParamLayout {
  const G = gateCount(c.cell);
  const N = directionCount({ bidirectional: c.bidirectional ?? false });
  const H = c.hiddenSize;
  const specs: ParamSpec[] = [];
  let offset = 0;
  const add = (name: string, shape: number[]): number => {
    const size = shape.reduce((a, b) => a * b, 1);
    specs.push({ name, shape, offset, size });
    offset += size;
    return offset - size;
  };
  const embedding = c.inputKind === "tokens" ? add("embedding.weight", [c.vocabSize ?? 0, c.inputSize]) : -1;
  const directions: LayerParams[][] = [];
  for (let k = 0; k < c.numLayers; k++) {
    const Dk = k === 0 ? c.inputSize : N * H;
    const dirs: LayerParams[] = [];
    for (let d = 0; d < N; d++) {
      const sfx = d === 1 ? "_reverse" : "";
      const Wih = add(`rnn.weight_ih_l${k}${sfx}`, [G * H, Dk]);
      const Whh = add(`rnn.weight_hh_l${k}${sfx}`, [G * H, H]);
      const bih = add(`rnn.bias_ih_l${k}${sfx}`, [G * H]);
      const bhh = add(`rnn.bias_hh_l${k}${sfx}`, [G * H]);
      dirs.push({ Wih, Whh, bih, bhh, inputSize: Dk, direction: d });
    }
    directions.push(dirs);
  }
  const Why = add("head.weight", [c.outputSize, N * H]);
  const by = add("head.bias", [c.outputSize]);
  return { specs, layers: directions.map((d) => d[0]), directions, embedding, Why, by, size: offset };
}
