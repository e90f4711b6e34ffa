// test/worker/charTrainer.test.ts: the character lab's training loop in Node, driven by a fake host with a fake clock.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createNetwork, initKernels, loadParams, parseModelFile, sampleSymbols } from "../../src/engine";
import { buildVocabulary, encode, normalizeText } from "../../src/data/text";
import type { CharReport, CharSample, CharSetup, CharSnapshot, SampleSettings } from "../../src/worker/chars/protocol";
import { CharTrainer, type CharTrainerHost } from "../../src/worker/chars/trainer";

const corpus = (file: string): string => normalizeText(readFileSync(join(__dirname, "../../public/corpora", file), "utf8"));
const SHAKESPEARE = corpus("shakespeare.txt");

function setupFor(text: string, patch: Partial<CharSetup> = {}): CharSetup {
  return {
    model: { cell: "lstm", hiddenSize: 32, numLayers: 1 },
    optim: { optimizer: "adam", learningRate: 0.01, clipMaxNorm: 5 },
    bpttLength: 20,
    batchSize: 8,
    seed: 1,
    text,
    vocabulary: buildVocabulary(text).symbols as string[],
    validationFraction: 0.1,
    ...patch,
  };
}

const SAMPLING: SampleSettings = { temperature: 0.8, prime: "First", seed: 3, length: 40, topK: 5 };

/** Every call to now() advances the clock 1 ms, so slices end after a fixed number of steps. */
function fakeHost(): CharTrainerHost & { reports: CharReport[]; runPending(max?: number): number; snapshots(): CharSnapshot[]; samples(id?: number | null): CharSample[] } {
  let clock = 0;
  const pending: (() => void)[] = [];
  const reports: CharReport[] = [];
  return {
    reports,
    post: (r) => reports.push(r),
    schedule: (fn) => pending.push(fn),
    now: () => clock++,
    runPending(max = 1000) {
      let n = 0;
      while (pending.length > 0 && n < max) {
        pending.shift()!();
        n++;
      }
      return n;
    },
    snapshots: () => reports.flatMap((r) => (r.type === "snapshot" ? [r.snapshot] : [])),
    samples: (id = null) => reports.flatMap((r) => (r.type === "sample" && r.requestId === id ? [r.sample] : [])),
  };
}

/** Trains in slices until at least `steps` optimiser steps are done, then pauses and steps once more (which validates). */
function trainFor(trainer: CharTrainer, host: ReturnType<typeof fakeHost>, steps: number): CharSnapshot {
  trainer.handle({ type: "train" });
  while ((host.snapshots().at(-1)?.step ?? 0) < steps) host.runPending(1);
  trainer.handle({ type: "pause" });
  trainer.handle({ type: "step" });
  return trainer.buildSnapshot();
}

describe("CharTrainer", () => {
  beforeAll(async () => {
    await initKernels(); // the worker's kernels (WebAssembly SIMD), as in the browser
  });

  it("steps once per Step, trains on Train, stops on Pause", () => {
    const host = fakeHost();
    const trainer = new CharTrainer(host, setupFor(SHAKESPEARE), SAMPLING);
    trainer.handle({ type: "step" });
    expect(host.snapshots().at(-1)!.step).toBe(1);
    trainer.handle({ type: "train" });
    host.runPending(10);
    expect(host.snapshots().at(-1)!.isTraining).toBe(true);
    trainer.handle({ type: "pause" });
    const paused = host.snapshots().at(-1)!;
    expect(paused.isTraining).toBe(false);
    expect(paused.step).toBeGreaterThan(5);
    host.runPending();
    expect(host.snapshots().at(-1)!.step).toBe(paused.step);
  });

  it("learns Shakespeare: the held-out loss in bits per character falls", () => {
    const host = fakeHost();
    const trainer = new CharTrainer(host, setupFor(SHAKESPEARE), SAMPLING);
    const first = trainer.buildSnapshot().valLossBits;
    // Untrained, the model is near uniform over the vocabulary: log2(V) bits.
    const V = buildVocabulary(SHAKESPEARE).symbols.length;
    expect(first).toBeGreaterThan(Math.log2(V) - 0.5);
    const s = trainFor(trainer, host, 150);
    expect(s.valLossBits).toBeLessThan(first - 1.5);
    expect(s.history.val.length).toBeGreaterThanOrEqual(2);
    expect(s.epoch).toBeGreaterThan(0);
  });

  it("trains on Chinese text: one symbol per character", () => {
    const text = corpus("tang-poems.txt").slice(0, 6000);
    const host = fakeHost();
    const setup = setupFor(text, { bpttLength: 16 });
    expect(setup.vocabulary).toContain("李");
    const trainer = new CharTrainer(host, setup, { ...SAMPLING, prime: "白日" });
    const before = trainer.buildSnapshot();
    const after = trainFor(trainer, host, 60);
    expect(after.vocabSize).toBe(setup.vocabulary.length);
    expect(after.lossBits).toBeLessThan(before.history.val[0] - 1);
  });

  it("samples the same text from the same seed, and temperature 0 is the engine's argmax path on the exported model", () => {
    const host = fakeHost();
    const trainer = new CharTrainer(host, setupFor(SHAKESPEARE), SAMPLING);
    for (let i = 0; i < 30; i++) trainer.handle({ type: "step" });
    trainer.handle({ type: "generate", requestId: 1, sampling: SAMPLING });
    trainer.handle({ type: "generate", requestId: 2, sampling: SAMPLING });
    const [a] = host.samples(1);
    const [b] = host.samples(2);
    expect(trainer.sampleText(a)).toBe(trainer.sampleText(b));
    const greedy: SampleSettings = { ...SAMPLING, temperature: 0 };
    trainer.handle({ type: "generate", requestId: 3, sampling: greedy });
    const page = host.samples(3)[0];

    trainer.handle({ type: "export", requestId: 4 });
    const model = host.reports.find((r) => r.type === "model")!;
    if (model.type !== "model") throw new Error("expected a model report");
    const file = parseModelFile(model.json);
    const net = createNetwork(file.config);
    loadParams(net, file);
    const vocab = buildVocabulary(SHAKESPEARE);
    const steps = sampleSymbols(net, { prime: encode("First", vocab), length: 40, temperature: 0, seed: 99, topK: 1 });
    expect(Array.from(page.indices)).toEqual(steps.map((s) => s.index));
    expect(page.topIndices.length).toBe(40 * 5);
  });

  it("looks inside: h and gates over held-out text, and the units most correlated with each feature", () => {
    const host = fakeHost();
    const trainer = new CharTrainer(host, setupFor(SHAKESPEARE, { model: { cell: "gru", hiddenSize: 16, numLayers: 2 } }), SAMPLING);
    const i = trainer.inspect();
    expect(i.T).toBe(400);
    expect(i.h).toHaveLength(2);
    expect(i.h[1]).toHaveLength(400 * 16);
    expect(Object.keys(i.gates)).toEqual(["r", "z", "n"]);
    expect(i.correlations.map((c) => c.feature)).toEqual(["insideQuotes", "positionInLine", "afterSpace", "punctuation"]);
    for (const c of i.correlations.filter((f) => f.feature !== "insideQuotes")) {
      expect(c.units).toHaveLength(5);
      expect(Math.abs(c.units[0].r)).toBeGreaterThanOrEqual(Math.abs(c.units[4].r));
    }
  });

  it("a vocabulary lacking characters of the text samples but refuses to train, saying why", () => {
    const host = fakeHost();
    const vocabulary = ["a", "b", "c", " ", "\n"];
    const trainer = new CharTrainer(host, setupFor(SHAKESPEARE, { vocabulary }), { ...SAMPLING, prime: "ab" });
    expect(trainer.buildSnapshot().canTrain).toBe(false);
    trainer.handle({ type: "train" });
    const err = host.reports.find((r) => r.type === "error");
    expect(err?.type === "error" && err.problem).toMatchObject({ key: "cannotTrain" });
    expect(err?.type === "error" && err.problem.key === "cannotTrain" && err.problem.missing.length).toBeGreaterThan(0);
    trainer.handle({ type: "generate", requestId: 7, sampling: { ...SAMPLING, prime: "ab" } });
    expect(host.samples(7)[0].indices).toHaveLength(40);
  });

  it("refuses a setup whose text is too short for its streams, keeping the run it has", () => {
    const host = fakeHost();
    const trainer = new CharTrainer(host, setupFor(SHAKESPEARE), SAMPLING);
    trainer.handle({ type: "step" });
    trainer.handle({ type: "reset", setup: setupFor("abcabc abc") });
    const err = host.reports.find((r) => r.type === "error");
    expect(err?.type === "error" && err.code).toBe("setup");
    expect(err?.type === "error" && err.problem.key === "text" && err.problem.detail).toMatch(/Lower the batch size or the BPTT length/);
    expect(trainer.buildSnapshot().step).toBe(1);
  });
  it("a run resumed from a checkpoint (after a divergence or a crash) repeats no step in its history", () => {
    const host = fakeHost();
    const first = new CharTrainer(host, setupFor(SHAKESPEARE), SAMPLING);
    for (let i = 0; i < 6; i++) first.handle({ type: "step" });
    const cp = first.checkpoint();
    // A history that runs past the checkpoint's step (steps a rollback undid) must not come back.
    const resume = { ...cp, step: 3 };
    const host2 = fakeHost();
    const second = new CharTrainer(host2, setupFor(SHAKESPEARE), SAMPLING, resume);
    expect(Math.max(...second.buildSnapshot().history.step)).toBe(3);
    for (let i = 0; i < 4; i++) second.handle({ type: "step" });
    const steps = Array.from(second.buildSnapshot().history.step);
    expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
