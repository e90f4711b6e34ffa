// test/worker/setups.ts: trainer setups shared by the worker tests.
import type { TrainerSetup } from "../../src/worker/sine/protocol";

export function sineSetup(patch: Partial<TrainerSetup> = {}): TrainerSetup {
  return {
    model: { cell: "lstm", hiddenSize: 12, numLayers: 1, init: "pytorch" },
    optim: { optimizer: "adam", learningRate: 0.01, clipMaxNorm: 1 },
    batchSize: 8,
    seed: 1,
    data: {
      kind: "sine",
      spec: { waves: 1, periodMin: 15, periodMax: 30, ampMin: 0.5, ampMax: 1, phaseMax: 2 * Math.PI, noise: 0, seqLength: 30, horizon: 1, count: 64, validationFraction: 0.25, seed: 1 },
    },
    ...patch,
  };
}
