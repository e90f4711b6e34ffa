// test/engine/seq2seq-api.test.ts: gradient check of every cell × attention on both backends, decoding (beam width 1 =
// greedy; beam search against brute force), teacher forcing, traces, training, and bad input.
import { beforeAll, describe, expect, it } from "vitest";
import { initKernels } from "../../src/engine/kernels";
import { Rng } from "../../src/engine/rng";
import {
  ATTENTION_KINDS, beamSearch, greedyDecode, IGNORE_INDEX, packSeq2SeqBatch, seq2seqGradCheck, Seq2SeqModel,
  Seq2SeqTrainer, SEQ2SEQ_CELLS, type Seq2SeqBatch, type Seq2SeqConfig,
} from "../../src/engine/seq2seq";

beforeAll(async () => {
  await initKernels();
});

function config(cell: Seq2SeqConfig["cell"], attention: Seq2SeqConfig["attention"], sizes: Partial<Seq2SeqConfig> = {}): Seq2SeqConfig {
  return { cell, attention, sourceVocabSize: 7, targetVocabSize: 6, embeddingSize: 3, hiddenSize: 4, ...sizes };
}

/** Three pairs with sources of lengths 5, 2, 4 and targets of lengths 3, 1, 0 (sos 0, eos 1). */
function smallBatch(): Seq2SeqBatch {
  return packSeq2SeqBatch(
    [
      { source: [3, 4, 5, 6, 2], target: [2, 3, 4] },
      { source: [6, 1], target: [5] },
      { source: [2, 2, 3, 0], target: [] },
    ],
    { sos: 0, eos: 1, pad: 1, sourcePad: 0 },
  );
}

const combos = SEQ2SEQ_CELLS.flatMap((cell) => ATTENTION_KINDS.map((attention) => ({ cell, attention })));

describe.each(["ts", "wasm-simd"] as const)("seq2seq with %s kernels", (kernels) => {
  it.each(combos)("gradient check: $cell, attention $attention", ({ cell, attention }) => {
    const model = new Seq2SeqModel(config(cell, attention), { kernels, rng: new Rng(11) });
    // Weights ×3 (embeddings as drawn): peaked attention and saturating gates, so every gradient stands well above
    // the rounding noise of a finite difference (at PyTorch's default scale some attention gradients are ~1e-7).
    const theta = model.params;
    for (const s of model.layout.specs) if (!s.name.endsWith("embedding.weight")) for (let i = s.offset; i < s.offset + s.size; i++) theta[i] *= 3;
    const res = seq2seqGradCheck(model, smallBatch(), new Rng(5), { samples: 10 });
    // Central differences at ε = 1e-5 agree to ~1e-8 here; a wrong or missing term is O(1).
    for (const [name, err] of Object.entries(res.errors)) expect(err, name).toBeLessThan(1e-6);
    expect(res.checked).toBeGreaterThan(60);
  });

  it.each(combos)("beam width 1 equals greedy decoding: $cell, attention $attention", ({ cell, attention }) => {
    const model = new Seq2SeqModel(config(cell, attention, { targetVocabSize: 9 }), { kernels, rng: new Rng(23) });
    const sources = [[3, 4, 5, 6, 2], [6, 1], [2, 2, 3, 0, 1, 5, 4]];
    const opts = { sos: 0, eos: 1, maxLength: 8 };
    const greedy = greedyDecode(model, sources, opts);
    // With traces: the same decoding, plus distributions, states and encoder outputs of the right sizes.
    const traced = greedyDecode(model, sources, { ...opts, distributions: true });
    traced.forEach((g, b) => {
      expect(g.tokens).toEqual(greedy[b].tokens);
      expect(g.encoderOutputs).toHaveLength(sources[b].length * 4);
      expect(g.states).toHaveLength(g.stepLogProbs.length);
      g.distributions!.forEach((d, t) => { expect(Math.log(Math.max(...d))).toBeCloseTo(g.stepLogProbs[t], 12); });
    });
    sources.forEach((src, b) => {
      const beam = beamSearch(model, src, { ...opts, beamWidth: 1 });
      expect(beam.best.tokens).toEqual(greedy[b].tokens);
      expect(beam.best.finished).toBe(greedy[b].finished);
      expect(beam.best.logProb).toBeCloseTo(greedy[b].logProb, 12);
      expect(beam.best.attention.length).toBe(greedy[b].attention.length);
      beam.best.attention.forEach((row, t) => {
        expect(row.length).toBe(attention === "none" ? 0 : src.length);
        row.forEach((v, s) => { expect(v).toBeCloseTo(greedy[b].attention[t][s], 12); });
      });
    });
  });
});

describe("beam search", () => {
  it("finds the best length-normalised hypothesis of a tiny vocabulary (checked by brute force with the loss)", () => {
    const Vt = 4, sos = 0, eos = 1, maxLength = 3;
    const model = new Seq2SeqModel(config("gru", "additive", { targetVocabSize: Vt }), { kernels: "ts", rng: new Rng(3) });
    const source = [2, 5, 3];
    // Every output that ends with eos within maxLength: score = log P / length = −(mean cross-entropy of the pair).
    let bestScore = -Infinity;
    let bestTokens: number[] = [];
    const visit = (prefix: number[]): void => {
      if (prefix.length + 1 <= maxLength) {
        const loss = model.forward(packSeq2SeqBatch([{ source, target: prefix }], { sos, eos }));
        if (-loss > bestScore) {
          bestScore = -loss;
          bestTokens = prefix;
        }
      }
      if (prefix.length + 2 <= maxLength) for (let y = 0; y < Vt; y++) if (y !== eos) visit([...prefix, y]);
    };
    visit([]);
    const beam = beamSearch(model, source, { sos, eos, maxLength, beamWidth: 64 });
    expect(beam.best.finished).toBe(true);
    expect(beam.best.tokens).toEqual(bestTokens);
    expect(beam.best.score).toBeCloseTo(bestScore, 12);
    // Hypotheses come best first.
    for (let i = 1; i < beam.hypotheses.length; i++) {
      if (beam.hypotheses[i].finished) expect(beam.hypotheses[i].score).toBeLessThanOrEqual(beam.hypotheses[i - 1].score);
    }
  });

  it("refuses bad options with clear messages", () => {
    const model = new Seq2SeqModel(config("rnn", "dot"), { kernels: "ts", rng: new Rng(1) });
    expect(() => beamSearch(model, [1, 2], { sos: 0, eos: 1, maxLength: 5, beamWidth: 0 })).toThrow(/beamWidth must be a whole number from 1 to 64/);
    expect(() => beamSearch(model, [], { sos: 0, eos: 1, maxLength: 5, beamWidth: 2 })).toThrow(/Source 0 is empty/);
    expect(() => greedyDecode(model, [[1, 9]], { sos: 0, eos: 1, maxLength: 5 })).toThrow(/id 9 at position 1.*ids 0 … 6/);
    expect(() => greedyDecode(model, [[1]], { sos: 0, eos: 6, maxLength: 5 })).toThrow(/eos is 6.*0 to 5/);
  });
});

describe("forward pass, traces, teacher forcing", () => {
  it("attention rows are distributions over the valid source positions only", () => {
    const model = new Seq2SeqModel(config("lstm", "general"), { kernels: "ts", rng: new Rng(8) });
    const batch = smallBatch();
    model.forward(batch);
    const tr = model.trace();
    for (let t = 0; t < tr.U; t++) {
      for (let b = 0; b < tr.B; b++) {
        const row = tr.attention.subarray((t * tr.B + b) * tr.S, (t * tr.B + b + 1) * tr.S);
        const n = batch.sourceLengths[b];
        expect(row.subarray(0, n).reduce((a, v) => a + v, 0)).toBeCloseTo(1, 14);
        expect(Array.from(row.subarray(n))).toEqual(new Array(tr.S - n).fill(0));
        // The weights are the softmax of the reported scores; padded scores are −∞.
        const sc = tr.scores.subarray((t * tr.B + b) * tr.S, (t * tr.B + b + 1) * tr.S);
        const z = Array.from(sc.subarray(0, n), Math.exp).reduce((x, v) => x + v, 0);
        for (let s = 0; s < n; s++) expect(row[s]).toBeCloseTo(Math.exp(sc[s]) / z, 14);
        expect(Array.from(sc.subarray(n))).toEqual(new Array(tr.S - n).fill(-Infinity));
      }
    }
    // Padded encoder outputs are exact zeros; output distributions sum to 1.
    expect(tr.encoderOutputs[(2 * tr.B + 1) * 4]).toBe(0);
    for (let i = 0; i < tr.U * tr.B; i++) expect(tr.probs.subarray(i * 6, i * 6 + 6).reduce((a, v) => a + v, 0)).toBeCloseTo(1, 14);
  });

  it("gives the same results across many batch shapes (workspaces are reused, then recycled)", () => {
    const cfgA = config("lstm", "additive");
    const reused = new Seq2SeqModel(cfgA, { kernels: "ts", rng: new Rng(21) });
    const rng = new Rng(5);
    for (let i = 0; i < 10; i++) {
      const pairs = Array.from({ length: 1 + (i % 4) }, () => ({
        source: Array.from({ length: 1 + rng.int(6) }, () => rng.int(7)),
        target: Array.from({ length: rng.int(5) }, () => 2 + rng.int(4)),
      }));
      const batch = packSeq2SeqBatch(pairs, { sos: 0, eos: 1 });
      const fresh = new Seq2SeqModel(cfgA, { kernels: "ts", params: reused.getParams() });
      expect(reused.forward(batch)).toBe(fresh.forward(batch));
      reused.backward();
      fresh.backward();
      expect(reused.grads).toEqual(fresh.grads);
      const greedy = greedyDecode(reused, pairs.map((p) => p.source), { sos: 0, eos: 1, maxLength: 3 + i });
      expect(greedy.map((g) => g.tokens)).toEqual(greedyDecode(fresh, pairs.map((p) => p.source), { sos: 0, eos: 1, maxLength: 3 + i }).map((g) => g.tokens));
    }
  });

  it("source ids at padded positions are never read", () => {
    const model = new Seq2SeqModel(config("gru", "additive"), { kernels: "ts", rng: new Rng(4) });
    const batch = smallBatch();
    const a = model.forward(batch);
    const source = batch.source.slice();
    source[4 * batch.B + 1] = 6; // pair 1 has 2 source steps: step 4 is padding
    expect(model.forward({ ...batch, source })).toBe(a);
  });

  it("without teacher forcing the decoder reads its own previous argmax", () => {
    const model = new Seq2SeqModel(config("rnn", "dot"), { kernels: "ts", rng: new Rng(9) });
    const batch = smallBatch();
    model.forward(batch, { teacherForcing: 0, rng: new Rng(1) });
    const tr = model.trace();
    for (let b = 0; b < tr.B; b++) expect(tr.decoderInputs[b]).toBe(0);
    for (let t = 1; t < tr.U; t++) {
      for (let b = 0; b < tr.B; b++) {
        const row = tr.logits.subarray(((t - 1) * tr.B + b) * 6, ((t - 1) * tr.B + b + 1) * 6);
        expect(tr.decoderInputs[t * tr.B + b]).toBe(row.indexOf(Math.max(...row)));
      }
    }
    expect(() => model.forward(batch, { teacherForcing: 0.5 })).toThrow(/needs an `rng`/);
    expect(() => model.forward(batch, { teacherForcing: 2, rng: new Rng(1) })).toThrow(/probability from 0 to 1/);
  });

  it("learns to reverse short strings with clipping and Adam", () => {
    const model = new Seq2SeqModel(config("gru", "additive", { sourceVocabSize: 6, targetVocabSize: 8, embeddingSize: 8, hiddenSize: 16 }), { kernels: "ts", rng: new Rng(2) });
    const trainer = new Seq2SeqTrainer(model, { kind: "adam", lr: 0.02 });
    const rng = new Rng(7);
    const pairs = Array.from({ length: 16 }, () => {
      const src = Array.from({ length: 2 + rng.int(3) }, () => 1 + rng.int(5));
      return { source: src, target: [...src].reverse().map((v) => v + 2) }; // target ids 3 … 7
    });
    const batch = packSeq2SeqBatch(pairs, { sos: 0, eos: 1, pad: 2 });
    const first = trainer.step(batch, { maxNorm: 1 }).loss;
    let last = first;
    for (let i = 0; i < 150; i++) last = trainer.step(batch, { maxNorm: 1 }).loss;
    expect(last).toBeLessThan(first / 5);
    const decoded = greedyDecode(model, pairs.map((p) => p.source), { sos: 0, eos: 1, maxLength: 8 });
    const exact = decoded.filter((d, i) => d.finished && d.tokens.join() === pairs[i].target.join()).length;
    expect(exact).toBeGreaterThanOrEqual(12);
  });
});

describe("bad batches are refused with what was wrong", () => {
  const model = new Seq2SeqModel(config("gru", "dot"), { kernels: "ts", rng: new Rng(1) });
  const base = smallBatch();
  const params = model.getParams();
  const cases: [string, Partial<Seq2SeqBatch>, RegExp][] = [
    ["a source id out of range", { source: base.source.map((v, i) => (i === 0 ? 7 : v)) }, /source token id at step 0 of pair 0 is 7.*ids 0 … 6/],
    ["a source length of 0", { sourceLengths: Int32Array.from([5, 0, 4]) }, /sourceLengths\[1\] is 0.*from 1 to S = 5/],
    ["a source length beyond S", { sourceLengths: Int32Array.from([5, 6, 4]) }, /sourceLengths\[1\] is 6.*from 1 to S = 5/],
    ["target padding other than −100", { targetOut: base.targetOut.map((v) => (v === IGNORE_INDEX ? -1 : v)) }, /Target padding must be -100.*not -1/],
    ["a target id out of range", { targetOut: base.targetOut.map((v, i) => (i === 0 ? 6 : v)) }, /target id \(targetOut\) at step 0 of pair 0 is 6/],
    ["a decoder input out of range", { targetIn: base.targetIn.map((v, i) => (i === 1 ? -3 : v)) }, /decoder input id \(targetIn\) at step 0 of pair 1 is -3/],
    ["nothing to predict", { targetOut: base.targetOut.map(() => IGNORE_INDEX) }, /nothing to predict/],
    ["arrays of the wrong size", { source: new Int32Array(3) }, /source has 3 entries.*needs 15/],
  ];
  it.each(cases)("%s", (_what, change, message) => {
    model.forward(base);
    const before = model.loss;
    expect(() => model.forward({ ...base, ...change })).toThrow(message);
    // Nothing changed: the weights and the last forward pass stand.
    expect(model.getParams()).toEqual(params);
    expect(model.loss).toBe(before);
  });
});
