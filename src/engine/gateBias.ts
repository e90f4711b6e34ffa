// src/engine/gateBias.ts: the GRU's update-gate bias, set the way the engine sets the LSTM's forget-gate bias.
import { EngineError } from "./errors";
import type { Network } from "./network";

/**
 * Sets b_iz = value and b_hz = 0 in every layer of a GRU, so z = σ(value) is the share of h_{t−1} each unit keeps
 * per step at the start. PyTorch stacks the GRU's gates r, z, n: z is the second block of H rows.
 */
export function setUpdateGateBias(net: Network, value: number): void {
  if (net.config.cell !== "gru") throw new EngineError("config", `Only a GRU has an update gate, not a ${net.config.cell}.`);
  if (!Number.isFinite(value)) throw new EngineError("value", `The update-gate bias must be a finite number, but is ${value}.`);
  const H = net.config.hiddenSize;
  for (let l = 0; l < net.config.numLayers; l++) {
    net.param(`rnn.bias_ih_l${l}`).fill(value, H, 2 * H);
    net.param(`rnn.bias_hh_l${l}`).fill(0, H, 2 * H);
  }
}
