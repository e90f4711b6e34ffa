// test/engine/batch-v2.test.ts: version 2 inputs: bad batches are refused with a message saying what is expected and
// nothing is half-applied; lengths in any order; dropout is seeded, inverted, off in evaluation, and has the right
// statistics.
import { describe, expect, it } from "vitest";
import { createNetwork, createRng, EngineError, PADDING_INDEX, readTrace, type Batch } from "../../src/engine";

const tokenConfig = { cell: "gru", inputSize: 3, hiddenSize: 4, numLayers: 1, outputSize: 3, loss: "xent", inputKind: "tokens", vocabSize: 6 } as const;

function tokenBatch(): Batch {
  return {
    T: 4,
    B: 2,
    inputIndices: Int32Array.from([1, 2, 3, 4, 5, 0, 2, 0]),
    lengths: Int32Array.from([4, 2]),
    targetIndices: Int32Array.from([0, 1, 2, 0, 1, PADDING_INDEX, 2, PADDING_INDEX]),
  };
}

function refusal(f: () => unknown): EngineError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    return e as EngineError;
  }
  throw new Error("accepted");
}

describe("version 2 batches", () => {
  it("refuses bad token ids, lengths and padding targets with a message, and changes nothing", () => {
    const net = createNetwork(tokenConfig, { seed: 1 });
    const good = tokenBatch();
    const loss = net.forwardBackward(good);
    const grads = net.grads.slice();
    const params = net.params.slice();
    const bad = (patch: Partial<Batch>): string => refusal(() => net.forwardBackward({ ...good, ...patch })).message;
    expect(bad({ inputIndices: Int32Array.from([1, 2, 3, 9, 5, 0, 2, 0]) })).toMatch(/inputIndices\[3\] \(step 1 of sequence 1\) is 9, but token ids \(vocabulary of 6\) go from 0 to 5/);
    expect(bad({ inputIndices: Int32Array.from([1, -1, 3, 4, 5, 0, 2, 0]) })).toMatch(/is -1, but token ids/);
    expect(bad({ lengths: Int32Array.from([4, 0]) })).toMatch(/lengths\[1\] is 0, but every sequence needs from 1 to T = 4/);
    expect(bad({ lengths: Int32Array.from([5, 2]) })).toMatch(/lengths\[0\] is 5/);
    expect(bad({ lengths: Int32Array.from([4]) })).toMatch(/B = 2 sequence lengths/);
    expect(bad({ targetIndices: Int32Array.from([0, 1, 2, 0, 1, 0, 2, PADDING_INDEX]) })).toMatch(/targetIndices\[5\] \(step 2 of sequence 1, which has 2 steps\) is 0; at padded steps it must be -100/);
    expect(bad({ targetIndices: Int32Array.from([0, 1, 2, 0, 1, PADDING_INDEX, PADDING_INDEX, PADDING_INDEX]) })).toMatch(/targetIndices\[6\] \(step 3 of sequence 0\) is -100, but class indices go from 0 to 2/);
    // Nothing was half-applied: the last good pass is still what the network holds.
    expect(net.loss).toBe(loss);
    expect(Array.from(net.grads)).toEqual(Array.from(grads));
    expect(Array.from(net.params)).toEqual(Array.from(params));
  });

  it("refuses BCE targets outside [0, 1] and a ReLU LSTM", () => {
    const net = createNetwork({ cell: "rnn", inputSize: 1, hiddenSize: 2, numLayers: 1, outputSize: 1, loss: "bce", outputMode: "last" });
    expect(refusal(() => net.forward({ T: 2, B: 1, inputs: new Float64Array(2), targets: Float64Array.from([2]) })).message).toMatch(/targets\[0\] is 2; binary cross-entropy targets are probabilities from 0 to 1/);
    expect(refusal(() => createNetwork({ cell: "lstm", nonlinearity: "relu", inputSize: 1, hiddenSize: 2, numLayers: 1, outputSize: 1, loss: "mse" })).message).toMatch(/for the RNN cell only/);
    expect(refusal(() => createNetwork({ ...tokenConfig, vocabSize: 0 })).message).toMatch(/vocabSize must be a whole number from 1/);
  });

  it("gives each sequence of an unsorted batch exactly what it gives it alone", () => {
    const net = createNetwork({ ...tokenConfig, bidirectional: true, numLayers: 2, outputMode: "last" }, { seed: 4 });
    const rng = createRng(2);
    const T = 7;
    const lengths = Int32Array.from([3, 7, 1, 5]);
    const ids = Int32Array.from({ length: T * 4 }, () => rng.int(6));
    net.forward({ T, B: 4, inputIndices: ids, lengths });
    const together = net.outputs();
    for (let b = 0; b < 4; b++) {
      const n = lengths[b];
      net.forward({ T: n, B: 1, inputIndices: Int32Array.from({ length: n }, (_, t) => ids[t * 4 + b]) });
      const alone = net.outputs();
      for (let j = 0; j < 3; j++) expect(together[b * 3 + j]).toBeCloseTo(alone[j], 13);
    }
    // Traces report 0 at padded steps.
    net.forward({ T, B: 4, inputIndices: ids, lengths });
    const tr = readTrace(net, { example: 2 });
    expect(Array.from(tr.h[0].subarray(4))).toEqual(new Array(4 * (T - 1)).fill(0));
    expect(Array.from(tr.reverse!.h[1].subarray(4))).toEqual(new Array(4 * (T - 1)).fill(0));
    expect(tr.directions).toBe(2);
  });
});

describe("dropout between layers", () => {
  const config = { cell: "lstm", inputSize: 2, hiddenSize: 50, numLayers: 2, outputSize: 1, loss: "mse", dropout: 0.3 } as const;
  const batch = (): Batch => {
    const rng = createRng(8);
    return { T: 20, B: 10, inputs: Float64Array.from({ length: 400 }, () => rng.normal()), targets: Float64Array.from({ length: 200 }, () => rng.normal()) };
  };

  it("drops a fraction p of the lower layer's outputs and scales the rest by 1/(1−p), in training only", () => {
    const net = createNetwork(config, { seed: 2 });
    const b = batch();
    net.forward(b);
    const ws = net.workspace!;
    const mask = net.kernels.heap.slice(ws.mask[0], ws.mask[0] + 20 * 10 * 50);
    const dropped = mask.filter((m) => m === 0).length / mask.length;
    // 10,000 Bernoulli(0.3) draws: the standard deviation of the fraction is 0.0046.
    expect(dropped).toBeGreaterThan(0.3 - 5 * 0.0046);
    expect(dropped).toBeLessThan(0.3 + 5 * 0.0046);
    expect(new Set(mask)).toEqual(new Set([0, 1 / 0.7]));
    const trainLoss = net.forward(b);
    const evalLoss = net.forward(b, { training: false });
    expect(net.forward(b, { training: false })).toBe(evalLoss); // evaluation is deterministic
    expect(trainLoss).not.toBe(evalLoss);
    // Off in evaluation: the same network without dropout gives the same loss.
    const plain = createNetwork({ ...config, dropout: 0 }, { seed: 2 });
    expect(plain.forward(b)).toBe(evalLoss);
  });

  it("is seeded: the same seed gives the same masks, another seed others", () => {
    const b = batch();
    const losses = [2, 2, 3].map((seed) => {
      const net = createNetwork(config, { seed: 2 });
      net.seedDropout(seed);
      return net.forward(b);
    });
    expect(losses[0]).toBe(losses[1]);
    expect(losses[0]).not.toBe(losses[2]);
  });
});
