// test/engine/carry.test.ts: initialState "carry" continues the batch of streams across windows of any length and
// across workspace rebuilds (issue 11), for every cell, unidirectional and bidirectional, dense and tokens.
import { describe, expect, it } from "vitest";
import { createNetwork, createRng, type Batch, type ModelConfigInput } from "../../src/engine";

const configs: ModelConfigInput[] = [
  { cell: "rnn", inputSize: 2, hiddenSize: 5, numLayers: 2, outputSize: 2, loss: "mse" },
  { cell: "lstm", inputSize: 2, hiddenSize: 5, numLayers: 2, outputSize: 2, loss: "mse" },
  { cell: "gru", inputSize: 2, hiddenSize: 5, numLayers: 1, outputSize: 2, loss: "mse", nonlinearity: "tanh" },
  { cell: "lstm", inputSize: 3, hiddenSize: 4, numLayers: 1, outputSize: 3, loss: "xent", inputKind: "tokens", vocabSize: 6 },
];

function stream(c: ModelConfigInput, T: number, B: number): { inputs?: Float64Array; inputIndices?: Int32Array } {
  const rng = createRng(9);
  return c.inputKind === "tokens"
    ? { inputIndices: Int32Array.from({ length: T * B }, () => rng.int(c.vocabSize!)) }
    : { inputs: Float64Array.from({ length: T * B * c.inputSize }, () => rng.normal()) };
}

function window(s: { inputs?: Float64Array; inputIndices?: Int32Array }, D: number, B: number, start: number, T: number): Batch {
  return s.inputs
    ? { T, B, inputs: s.inputs.subarray(start * B * D, (start + T) * B * D) }
    : { T, B, inputIndices: s.inputIndices!.subarray(start * B, (start + T) * B) };
}

describe("carry", () => {
  it.each(configs)("$cell $inputKind: windows of 3…9 steps (six shapes, so the arena is rebuilt) continue one long pass", (c) => {
    const B = 3;
    const lengths = [3, 4, 5, 6, 7, 8, 9, 10, 7];
    const T = lengths.reduce((a, b) => a + b, 0);
    const s = stream(c, T, B);
    const whole = createNetwork(c, { seed: 2 });
    whole.forward(window(s, c.inputSize, B, 0, T));
    const expected = whole.outputs();
    const net = createNetwork(c, { seed: 2 });
    const got = new Float64Array(expected.length);
    let start = 0;
    lengths.forEach((w, i) => {
      net.forward(window(s, c.inputSize, B, start, w), { initialState: i === 0 ? "zeros" : "carry" });
      got.set(net.outputs(), start * B * c.outputSize);
      start += w;
    });
    for (let i = 0; i < expected.length; i++) expect(got[i]).toBeCloseTo(expected[i], 12);
    expect(Array.from(net.finalState().h)).toEqual(Array.from(whole.finalState().h));
  });

  it("starts from zeros after resetState() and when the batch size changes (other streams)", () => {
    const c = configs[1];
    const net = createNetwork(c, { seed: 3 });
    const s = stream(c, 20, 2);
    net.forward(window(s, 2, 2, 0, 10));
    net.forward(window(s, 2, 2, 10, 5), { initialState: "carry" });
    const carried = net.outputs();
    net.forward(window(s, 2, 2, 10, 5), { initialState: "zeros" });
    const fresh = net.outputs();
    expect(Array.from(carried)).not.toEqual(Array.from(fresh));
    net.forward(window(s, 2, 2, 0, 10));
    net.resetState();
    net.forward(window(s, 2, 2, 10, 5), { initialState: "carry" });
    expect(Array.from(net.outputs())).toEqual(Array.from(fresh));
    const one = stream(c, 5, 1);
    net.forward(window(one, 2, 1, 0, 5), { initialState: "carry" });
    const oneCarry = net.outputs();
    net.forward(window(one, 2, 1, 0, 5), { initialState: "zeros" });
    expect(Array.from(oneCarry)).toEqual(Array.from(net.outputs()));
  });
});
