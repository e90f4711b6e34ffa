// test/worker/classifyTrainer.test.ts: the classification lab's trainer in Node: names train well above the majority
// class, deterministically; the saliency equals a finite difference; prefixes, Compare and refusals.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createNetwork, initKernels } from "../../src/engine";
import { parseNamesTsv, parseSpamTsv, type ClassDataset } from "../../src/data/classify";
import type { ClassifyData, ClassifyReport, ClassifySetup, CompareRow } from "../../src/worker/classify/protocol";
import { ClassifyTrainer, inspectIds, type ClassifyTrainerHost } from "../../src/worker/classify/trainer";

const file = (name: string): string => readFileSync(join(__dirname, "../../public/data", name), "utf8");
const toData = (d: ClassDataset): ClassifyData => ({ classes: [...d.classes], texts: d.examples.map((e) => e.text), labels: Int32Array.from(d.examples, (e) => e.label) });
const NAMES = toData(parseNamesTsv(file("names.tsv")));

function setupFor(data: ClassifyData, patch: Partial<ClassifySetup> = {}, model: Partial<ClassifySetup["model"]> = {}): ClassifySetup {
  return {
    data,
    tokens: "char",
    model: { cell: "gru", numLayers: 1, bidirectional: false, hiddenSize: 32, embeddingSize: 16, dropout: 0, ...model },
    optim: { optimizer: "adam", learningRate: 0.01, clipMaxNorm: 5 },
    batchSize: 32,
    seed: 1,
    maxLength: 200,
    ...patch,
  };
}

function fakeHost(): ClassifyTrainerHost & { reports: ClassifyReport[]; runPending(max?: number): number } {
  let clock = 0;
  const pending: (() => void)[] = [];
  const reports: ClassifyReport[] = [];
  return {
    reports,
    post: (r) => reports.push(r),
    schedule: (fn) => pending.push(fn),
    now: () => clock++,
    runPending(max = 100_000) {
      let n = 0;
      while (pending.length > 0 && n < max) {
        pending.shift()!();
        n++;
      }
      return n;
    },
  };
}

beforeAll(async () => {
  await initKernels();
});

describe("ClassifyTrainer on first names", () => {
  it("beats the majority class by far after 300 steps, the same twice", () => {
    const run = () => {
      const trainer = new ClassifyTrainer(fakeHost(), setupFor(NAMES));
      const before = trainer.buildSnapshot();
      trainer.trainSteps(300);
      return { before, after: trainer.buildSnapshot() };
    };
    const a = run();
    const b = run();
    // A balanced test set: chance is 50 %; always answering "female" would score 50 % there too.
    expect(a.before.test.accuracy).toBeLessThan(0.62);
    expect(a.after.majorityTrain).toBeGreaterThan(0.5);
    expect(a.after.test.accuracy).toBeGreaterThan(0.72);
    expect(a.after.validation.accuracy).toBeGreaterThan(0.72);
    expect(a.after.validation.loss).toBeLessThan(a.before.validation.loss);
    expect(b.after.test.accuracy).toBe(a.after.test.accuracy);
    expect(b.after.loss).toBe(a.after.loss);
    const cm = a.after.validation.confusion;
    expect(cm[0][0] + cm[0][1]).toBe(a.after.counts.validation[0]);
    expect(a.after.counts.validation[0]).toBe(a.after.counts.validation[1]);
    console.log(`names GRU 300 steps: test ${a.after.test.accuracy}, val ${a.after.validation.accuracy}, majority(train) ${a.after.majorityTrain}`);
  }, 60_000);
});

describe("inspection", () => {
  it("saliency equals a finite difference of the logit; belief matches each prefix; bidirectional too", () => {
    for (const bidirectional of [false, true]) {
      const config = { cell: "lstm" as const, inputSize: 5, hiddenSize: 4, numLayers: 2, outputSize: 1, loss: "bce" as const, outputMode: "last" as const, inputKind: "tokens" as const, vocabSize: 7, bidirectional };
      const net = createNetwork(config, { seed: 3 });
      const twin = createNetwork({ ...config, inputKind: "dense", vocabSize: 0, loss: "mse" }, { seed: 9 });
      const ids = Int32Array.of(2, 5, 2, 6, 1);
      const r = inspectIds(net, twin, ids, 2);
      // The logit of the predicted class, as a function of one position's embedding (a dense copy, perturbed there).
      const E = 5;
      const emb = net.param("embedding.weight");
      const dense = createNetwork({ ...config, inputKind: "dense", vocabSize: 0 }, { seed: 1 });
      dense.setParams(net.params.subarray(7 * E));
      const x = new Float64Array(ids.length * E);
      ids.forEach((id, t) => { x.set(emb.subarray(id * E, id * E + E), t * E); });
      const sign = r.predicted === 1 ? 1 : -1;
      const logit = (xx: Float64Array): number => {
        dense.forward({ T: ids.length, B: 1, inputs: xx });
        return sign * dense.outputs()[0];
      };
      for (let t = 0; t < ids.length; t++) {
        let norm = 0;
        for (let e = 0; e < E; e++) {
          const h = 1e-6;
          const xp = x.slice();
          const xm = x.slice();
          xp[t * E + e] += h;
          xm[t * E + e] -= h;
          const g = (logit(xp) - logit(xm)) / (2 * h);
          norm += g * g;
        }
        expect(r.saliency[t]).toBeCloseTo(Math.sqrt(norm), 6);
      }
      // Belief after token t = the prediction on the prefix alone.
      for (let t = 0; t < ids.length; t++) {
        net.forward({ T: t + 1, B: 1, inputIndices: ids.slice(0, t + 1) });
        const q = 1 / (1 + Math.exp(-net.outputs()[0]));
        expect(r.belief[t * 2 + 1]).toBeCloseTo(q, 12);
      }
      expect(r.probabilities[1]).toBeCloseTo(r.belief[(ids.length - 1) * 2 + 1], 12);
      expect(Object.keys(r.gates).sort()).toEqual(["f", "g", "i", "o"]);
    }
  });

  it("inspects the learner's own text, with unknown characters as <unk>", () => {
    const host = fakeHost();
    const trainer = new ClassifyTrainer(host, setupFor(NAMES));
    trainer.begin();
    trainer.handle({ type: "inspect", target: { kind: "text", text: "Zoë✓" } });
    const last = host.reports.filter((r) => r.type === "inspection").at(-1);
    expect(last?.type === "inspection" && last.inspection.tokens).toEqual(["Z", "o", "ë", "✓"]);
    expect(last?.type === "inspection" && last.inspection.gold).toBe(null);
  });
});

describe("setup", () => {
  it("refuses bad settings with a setup error and keeps the run", () => {
    const host = fakeHost();
    const trainer = new ClassifyTrainer(host, setupFor(NAMES));
    trainer.trainSteps(3);
    trainer.handle({ type: "reset", setup: setupFor(NAMES, { batchSize: 0 }) });
    const err = host.reports.at(-1);
    expect(err?.type).toBe("error");
    expect(err?.type === "error" && err.code).toBe("setup");
    expect(trainer.buildSnapshot().step).toBe(3);
  });

  it("trains word tokens on e-mails and three classes with softmax", () => {
    const spam = toData(parseSpamTsv(file("spam.tsv")));
    const t1 = new ClassifyTrainer(fakeHost(), setupFor(spam, { tokens: "word", maxLength: 40 }));
    t1.trainSteps(20);
    expect(t1.buildSnapshot().vocabSize).toBeGreaterThan(1000);
    const three: ClassifyData = { classes: ["a", "b", "c"], texts: [], labels: new Int32Array(0) };
    const texts: string[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 60; i++) {
      texts.push(["aaa", "bbbb", "ccccc"][i % 3] + "x".repeat(i % 4));
      labels.push(i % 3);
    }
    const t3 = new ClassifyTrainer(fakeHost(), setupFor({ ...three, texts, labels: Int32Array.from(labels) }, { batchSize: 8 }));
    t3.trainSteps(150);
    expect(t3.buildSnapshot().validation.accuracy).toBeGreaterThan(0.9);
  }, 60_000);
});

describe("Compare", () => {
  it("trains six variants on the same data and reports each", () => {
    const host = fakeHost();
    const small: ClassifyData = { classes: NAMES.classes, texts: NAMES.texts.slice(0, 400).concat(NAMES.texts.slice(-400)), labels: Int32Array.from([...NAMES.labels.slice(0, 400), ...NAMES.labels.slice(-400)]) };
    const trainer = new ClassifyTrainer(host, setupFor(small, {}, { hiddenSize: 8 }));
    trainer.handle({ type: "compare", steps: 5 });
    host.runPending();
    const last = host.reports.filter((r) => r.type === "compare").at(-1) as { rows: CompareRow[]; done: boolean };
    expect(last.done).toBe(true);
    expect(last.rows.map((r) => `${r.cell}${r.bidirectional ? "2" : "1"}`)).toEqual(["rnn1", "rnn2", "lstm1", "lstm2", "gru1", "gru2"]);
    for (const r of last.rows) expect(r.testAccuracy).toBeGreaterThanOrEqual(0);
  });
});
