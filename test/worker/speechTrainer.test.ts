// test/worker/speechTrainer.test.ts: the speech lab's trainer in Node on the real built-in set: a fixed number of
// steps, held-out voices, the confusion matrix, one example's inside, classification of a heard word, bad input.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { initKernels } from "../../src/engine";
import { speechFeatures } from "../../src/audio/features";
import { decodeSpeechPack, parseSpeechIndex } from "../../src/audio/pack";
import { SpeechTrainer, type SpeechTrainerHost } from "../../src/worker/speech/trainer";
import type { SpeechData, SpeechReport, SpeechSetup, SpeechSnapshot } from "../../src/worker/speech/protocol";

const dir = join(__dirname, "..", "..", "public", "data", "speech");
const index: unknown = JSON.parse(readFileSync(join(dir, "index.json"), "utf8"));
const bytes = new Uint8Array(readFileSync(join(dir, "clips.bin")));
const data: SpeechData = { pack: { index, bytes }, recordings: [] };

function fakeHost(): SpeechTrainerHost & { reports: SpeechReport[]; snapshots(): SpeechSnapshot[] } {
  let clock = 0;
  const reports: SpeechReport[] = [];
  return {
    reports,
    post: (r) => reports.push(r),
    schedule: () => undefined,
    now: () => clock++,
    snapshots: () => reports.flatMap((r) => (r.type === "snapshot" ? [r.snapshot] : [])),
  };
}

function lastSnapshot(host: ReturnType<typeof fakeHost>): SpeechSnapshot {
  const s = host.snapshots().at(-1);
  if (!s) throw new Error("no snapshot yet");
  return s;
}

const setup = (patch: Partial<SpeechSetup> = {}): SpeechSetup => ({
  cell: "gru", hiddenSize: 32, numLayers: 1, batchSize: 32, source: "builtin",
  optim: { optimizer: "adam", learningRate: 0.01, clipMaxNorm: 5 }, seed: 1, ...patch,
});

beforeAll(async () => {
  await initKernels();
});

describe("speech trainer", () => {
  it("a GRU learns the words well above chance on held-out voices in a fixed number of steps", () => {
    const host = fakeHost();
    const trainer = new SpeechTrainer(host, setup(), data);
    trainer.begin();
    const info = host.reports.find((r) => r.type === "data");
    expect(info?.type === "data" && info.info).toMatchObject({ words: ["yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go"], train: 480, test: 160 });
    const before = trainer.snapshot();
    expect(before.testAcc).toBeLessThan(0.3);
    // Steps as the slice loop takes them (Step also evaluates, which a fixed-step test need not do 150 times).
    for (let i = 0; i < 149; i++) trainer.stepOnce();
    trainer.handle({ type: "step" });
    const after = lastSnapshot(host);
    expect(after.step).toBe(150);
    expect(after.loss).toBeLessThan(before.history.loss.length ? before.history.loss[0] : 2.3);
    // Chance is 10 %: ten epochs of a small GRU reach well above it on voices it never heard.
    expect(after.testAcc).toBeGreaterThan(0.5);
    expect(after.confusionOf).toBe("test");
    let total = 0, diagonal = 0;
    for (let i = 0; i < 10; i++) for (let j = 0; j < 10; j++) {
      total += after.confusion[i * 10 + j];
      if (i === j) diagonal += after.confusion[i * 10 + j];
    }
    expect(total).toBe(160);
    expect(diagonal / total).toBeCloseTo(after.testAcc, 10);

    // The example under the cursor: probabilities after every frame sum to 1; the last frame's agree with classify().
    trainer.handle({ type: "inspect", index: 500 });
    const insp = [...host.reports].reverse().find((r) => r.type === "inspection");
    if (insp?.type !== "inspection") throw new Error("no inspection");
    const { T, O, probs, gates, h, features } = insp.inspection;
    expect(Object.keys(gates)).toEqual(["z", "r"]);
    expect(h.length).toBe(T * 32);
    expect(gates.z.length).toBe(T * 32);
    for (let t = 0; t < T; t++) expect(probs.subarray(t * O, t * O + O).reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 10);
    const heard = trainer.classify(T, 20, Float32Array.from(features));
    for (let o = 0; o < O; o++) expect(heard[o]).toBeCloseTo(probs[(T - 1) * O + o], 10);

    // "Listen": held-out clips streamed as 88-sample chunks with quiet between them; each is heard and classified.
    const pack = decodeSpeechPack(parseSpeechIndex(index), bytes);
    const clips = pack.clips.filter((c) => c.split === "test").filter((_, i) => i % 16 === 0).slice(0, 8);
    let seed = 7;
    const hiss = (n: number) => Float32Array.from({ length: n }, () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.002);
    const stream: number[] = [...hiss(4000)];
    for (const c of clips) stream.push(...c.samples, ...hiss(4000));
    const mark = host.reports.length;
    for (let at = 0; at < stream.length; at += 88) trainer.handle({ type: "listen", samples: Float32Array.from(stream.slice(at, at + 88)) });
    const heardWords = host.reports.slice(mark).flatMap((r) => (r.type === "heard" && r.isFinal ? [r] : []));
    expect(heardWords.length).toBe(clips.length);
    const answers = heardWords.map((r) => r.probs.indexOf(Math.max(...r.probs)));
    const right = answers.filter((a, i) => a === clips[i].word).length;
    expect(right).toBeGreaterThanOrEqual(clips.length / 2);
    expect(host.reports.slice(mark).some((r) => r.type === "heard" && !r.isFinal)).toBe(true);
  }, 120_000);

  it("trains on the learner's recordings alone, and refuses that with no recordings", () => {
    const pack = decodeSpeechPack(parseSpeechIndex(index), bytes);
    const recordings = pack.clips.slice(0, 20).map((c, i) => ({ id: `r${i}`, word: c.word, samples: c.samples }));
    const host = fakeHost();
    const trainer = new SpeechTrainer(host, setup({ source: "mine", hiddenSize: 8 }), { pack: null, recordings });
    trainer.begin();
    const info = host.reports.find((r) => r.type === "data");
    expect(info?.type === "data" && info.info.train).toBe(20);
    expect(Number.isNaN(trainer.snapshot().testAcc)).toBe(true);
    trainer.handle({ type: "step" });
    expect(lastSnapshot(host).step).toBe(1);
    // The same features code for recordings as for built-in clips.
    const one = speechFeatures(recordings[0].samples);
    trainer.handle({ type: "inspect", index: 0 });
    const insp = [...host.reports].reverse().find((r) => r.type === "inspection");
    expect(insp?.type === "inspection" && Array.from(insp.inspection.features)).toEqual(Array.from(one.data));

    expect(() => new SpeechTrainer(fakeHost(), setup({ source: "mine" }), { pack: null, recordings: [] })).toThrow(/cannotTrain/);
    expect(() => new SpeechTrainer(fakeHost(), setup({ hiddenSize: 0 }), data)).toThrow();
    // A refused reset keeps the running network and says why.
    trainer.handle({ type: "reset", setup: setup({ source: "builtin" }), data: { pack: null, recordings } });
    expect(host.reports.at(-1)).toMatchObject({ type: "error", code: "setup", problem: { key: "cannotTrain" } });
    trainer.handle({ type: "step" });
    expect(lastSnapshot(host).step).toBe(2);
  }, 60_000);

  it("reports a damaged built-in set as a decoding failure", () => {
    expect(() => new SpeechTrainer(fakeHost(), setup(), { pack: { index, bytes: bytes.slice(0, 100) }, recordings: [] })).toThrow(/damaged/);
  });
});
