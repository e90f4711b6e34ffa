// src/engine/layout.ts: where each PyTorch-named parameter lives inside the flat parameter vector θ.
import { gateCount, type ModelConfig } from "./config";

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
}

export interface ParamLayout {
  readonly specs: readonly ParamSpec[];
  readonly layers: readonly LayerParams[];
  readonly Why: number; // head.weight [O][H]
  readonly by: number; // head.bias [O]
  readonly size: number; // total number of parameters
}

/** Parameters in PyTorch's state_dict order: each layer's weight_ih, weight_hh, bias_ih, bias_hh, then the head. */
export function makeLayout(c: ModelConfig): ParamLayout {
  const G = gateCount(c.cell);
  const H = c.hiddenSize;
  const specs: ParamSpec[] = [];
  let offset = 0;
  const add = (name: string, shape: number[]): number => {
    const size = shape.reduce((a, b) => a * b, 1);
    specs.push({ name, shape, offset, size });
    offset += size;
    return offset - size;
  };
  const layers: LayerParams[] = [];
  for (let k = 0; k < c.numLayers; k++) {
    const Dk = k === 0 ? c.inputSize : H;
    const Wih = add(`rnn.weight_ih_l${k}`, [G * H, Dk]);
    const Whh = add(`rnn.weight_hh_l${k}`, [G * H, H]);
    const bih = add(`rnn.bias_ih_l${k}`, [G * H]);
    const bhh = add(`rnn.bias_hh_l${k}`, [G * H]);
    layers.push({ Wih, Whh, bih, bhh, inputSize: Dk });
  }
  const Why = add("head.weight", [c.outputSize, H]);
  const by = add("head.bias", [c.outputSize]);
  return { specs, layers, Why, by, size: offset };
}
