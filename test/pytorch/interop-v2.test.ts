// test/pytorch/interop-v2.test.ts: model files of every version 2 architecture, written here, load into the torch.nn
// module of docs/conformance.md with load_state_dict(strict=True) and give the engine's outputs to 1e-12 on
// variable-length batches (pack_padded_sequence, unsorted lengths).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createNetwork, createRng, exportModel, type ModelConfigInput } from "../../src/engine";
import { maxRelErr, python, ROOT } from "./python";

const work = mkdtempSync(join(tmpdir(), "rnn-notebook-pytorch-v2-"));
afterAll(() => { rmSync(work, { recursive: true, force: true }); });

const cases: { label: string; config: ModelConfigInput }[] = [
  { label: "bidirectional LSTM, 2 layers, all", config: { cell: "lstm", inputSize: 3, hiddenSize: 5, numLayers: 2, outputSize: 2, loss: "mse", bidirectional: true } },
  { label: "ReLU RNN, 2 layers, last", config: { cell: "rnn", nonlinearity: "relu", inputSize: 2, hiddenSize: 4, numLayers: 2, outputSize: 3, loss: "xent", outputMode: "last" } },
  { label: "token GRU, bidirectional, last, BCE", config: { cell: "gru", inputSize: 4, hiddenSize: 3, numLayers: 1, outputSize: 1, loss: "bce", outputMode: "last", inputKind: "tokens", vocabSize: 9, bidirectional: true } },
  { label: "token LSTM, bidirectional, 3 layers, last", config: { cell: "lstm", inputSize: 3, hiddenSize: 4, numLayers: 3, outputSize: 2, loss: "xent", outputMode: "last", inputKind: "tokens", vocabSize: 6, bidirectional: true } },
];

describe("version 2 model files load in PyTorch with load_state_dict(strict=True)", () => {
  const T = 7;
  const B = 4;
  const lengths = [5, 7, 1, 3];
  const jobs = cases.map(({ config }, i) => {
    const net = createNetwork(config, { seed: 10 + i });
    const rng = createRng(20 + i);
    const path = join(work, `model-${i}.json`);
    writeFileSync(path, exportModel(net));
    const tokens = config.inputKind === "tokens";
    const inputIndices = tokens ? Int32Array.from({ length: T * B }, () => rng.int(config.vocabSize!)) : undefined;
    const inputs = tokens ? undefined : Float64Array.from({ length: T * B * config.inputSize }, () => rng.normal());
    net.forward({ T, B, lengths: Int32Array.from(lengths), ...(inputs ? { inputs } : { inputIndices: inputIndices! }) }, { training: false });
    return { net, outputs: net.outputs(), job: { path, T, B, lengths, ...(inputs ? { inputs: Array.from(inputs) } : { inputIndices: Array.from(inputIndices!) }) } };
  });
  let results: { outputs: number[] }[] = [];

  it.each(cases.map((c, i) => [c.label, i] as const))("%s: same outputs to 1e-12", (_label, i) => {
    if (results.length === 0) {
      results = JSON.parse(python([join(ROOT, "test/pytorch/load_state_dict_v2.py")], { input: JSON.stringify(jobs.map((j) => j.job)) })) as typeof results;
    }
    const got = results[i].outputs;
    expect(got.length).toBe(jobs[i].outputs.length);
    expect(maxRelErr(jobs[i].outputs, got)).toBeLessThan(1e-12);
  });
});
