// test/engine/gradcheck-v2.test.ts: BPTT agrees with central differences on random networks of every version 2
// architecture (bidirectional, tokens, lengths, "last", BCE, ReLU, dropout with fixed masks), on both backends.
import { beforeAll, describe, expect, it } from "vitest";
import { createNetwork, createRng, gradCheck, initKernels, PADDING_INDEX, type Batch, type ModelConfig, type ModelConfigInput } from "../../src/engine";

export function randomBatchV2(c: ModelConfig, T: number, B: number, seed: number, withLengths: boolean): Batch {
  const rng = createRng(seed);
  // Unsorted lengths, one of them the full T.
  const lengths = withLengths ? Int32Array.from({ length: B }, (_, b) => (b === 1 ? T : 1 + rng.int(T))) : undefined;
  const valid = (r: number): boolean => !lengths || c.outputMode === "last" || Math.floor(r / B) < lengths[r % B];
  const rows = c.outputMode === "all" ? T * B : B;
  const O = c.outputSize;
  const batch: { -readonly [K in keyof Batch]: Batch[K] } = { T, B };
  if (c.inputKind === "dense") batch.inputs = Float64Array.from({ length: T * B * c.inputSize }, () => rng.normal());
  else batch.inputIndices = Int32Array.from({ length: T * B }, () => rng.int(c.inputKind === "tokens" ? c.vocabSize : c.inputSize));
  if (c.loss === "xent") batch.targetIndices = Int32Array.from({ length: rows }, (_, r) => (valid(r) ? rng.int(O) : PADDING_INDEX));
  else if (c.loss === "bce") batch.targets = Float64Array.from({ length: rows * O }, (_, i) => (valid(Math.floor(i / O)) ? rng.int(2) : 0));
  else batch.targets = Float64Array.from({ length: rows * O }, () => rng.normal());
  if (lengths) batch.lengths = lengths;
  return batch;
}

interface Case {
  label: string;
  config: ModelConfigInput;
  lengths: boolean;
}

const cases: Case[] = [];
const cells = [
  { cell: "rnn", nonlinearity: "tanh" },
  { cell: "rnn", nonlinearity: "relu" },
  { cell: "lstm" },
  { cell: "gru" },
] as const;
for (const cc of cells) {
  const tag = `${cc.cell}${"nonlinearity" in cc ? `-${cc.nonlinearity}` : ""}`;
  const base = { ...cc, hiddenSize: 4 } as const;
  cases.push({ label: `${tag} bidirectional L=2 dense lengths all mse`, lengths: true, config: { ...base, bidirectional: true, numLayers: 2, inputSize: 3, outputSize: 2, loss: "mse" } });
  cases.push({ label: `${tag} bidirectional tokens lengths last bce`, lengths: true, config: { ...base, bidirectional: true, numLayers: 1, inputSize: 3, inputKind: "tokens", vocabSize: 7, outputSize: 1, loss: "bce", outputMode: "last" } });
  cases.push({ label: `${tag} tokens lengths all xent L=2`, lengths: true, config: { ...base, numLayers: 2, inputSize: 3, inputKind: "tokens", vocabSize: 5, outputSize: 4, loss: "xent" } });
  cases.push({ label: `${tag} dense lengths last xent`, lengths: true, config: { ...base, numLayers: 2, inputSize: 2, outputSize: 3, loss: "xent", outputMode: "last" } });
  cases.push({ label: `${tag} bidirectional L=3 dropout 0.3 (fixed masks) xent`, lengths: false, config: { ...base, bidirectional: true, numLayers: 3, inputSize: 2, outputSize: 3, loss: "xent", dropout: 0.3 } });
  cases.push({ label: `${tag} L=2 dropout 0.5 (fixed masks) onehot all bce O=2`, lengths: true, config: { ...base, numLayers: 2, inputSize: 4, inputKind: "onehot", outputSize: 2, loss: "bce", dropout: 0.5 } });
}

beforeAll(async () => {
  await initKernels();
});

describe.each(["ts", "wasm-simd"] as const)("gradient check, version 2 architectures, %s kernels", (kernels) => {
  it.each(cases)("$label: BPTT = finite differences", ({ config, lengths }) => {
    const net = createNetwork(config, { seed: 5, kernels });
    const batch = randomBatchV2(net.config, 6, 3, 17, lengths);
    const before = net.params.slice();
    const r = gradCheck(net, batch, { samples: 80, seed: 4 });
    expect(r.entries).toHaveLength(Math.min(80, net.numParams));
    for (const e of r.entries) {
      if (Math.abs(e.analytic) > 1e-6) expect(e.relError, `${e.name}[${e.index}]`).toBeLessThan(1e-5);
      else expect(Math.abs(e.analytic - e.numeric), `${e.name}[${e.index}]`).toBeLessThan(1e-9);
    }
    // Every tensor was sampled, the _reverse and embedding ones included.
    expect(new Set(r.entries.map((e) => e.name)).size).toBe(net.layout.specs.length);
    expect(Array.from(net.params)).toEqual(Array.from(before));
  });
});
