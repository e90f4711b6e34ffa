// test/audio/dataset.test.ts: the built-in pack as committed, split by voice, and batches in engine v2's layout.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { epochBatches, examplesFromPack, makeBatch, ofSplit, type SpeechExample } from "../../src/audio/dataset";
import { AudioError } from "../../src/audio/errors";
import { MEL_BANDS } from "../../src/audio/features";
import { decodeSpeechPack, loadSpeechPack, parseSpeechIndex, type SpeechPack } from "../../src/audio/pack";
import { pooledFeatures, softmaxRegressionAccuracy } from "./baseline";
import { seeded } from "./signals";

const dir = join(import.meta.dirname, "..", "..", "public", "data", "speech");
const indexJson: unknown = JSON.parse(readFileSync(join(dir, "index.json"), "utf8"));
const bin = new Uint8Array(readFileSync(join(dir, "clips.bin")));

let pack: SpeechPack;
let examples: SpeechExample[];
beforeAll(() => {
  pack = decodeSpeechPack(parseSpeechIndex(indexJson), bin);
  examples = examplesFromPack(pack);
});

describe("the built-in speech pack", () => {
  it("has every word spoken by every voice, and no voice in both splits", () => {
    const train = new Set(ofSplit(examples, "train").map((e) => e.voice));
    const test = new Set(ofSplit(examples, "test").map((e) => e.voice));
    expect(train.size).toBeGreaterThanOrEqual(30);
    expect(test.size).toBeGreaterThanOrEqual(10);
    expect([...train].filter((v) => test.has(v))).toEqual([]);
    // Test speakers are new speakers: no espeak-ng variant (the part after "+") of a test voice is used in training.
    const variant = (v: string) => v.split("+")[1];
    const trainVariants = new Set([...train].map(variant));
    expect([...test].filter((v) => trainVariants.has(variant(v)))).toEqual([]);
    for (const split of ["train", "test"] as const) {
      const perWord = new Array<number>(pack.words.length).fill(0);
      for (const e of ofSplit(examples, split)) perWord[e.label]++;
      expect(new Set(perWord).size, `${split}: same number of clips per word`).toBe(1);
    }
  });

  it("holds short clips of sound at 8 kHz", () => {
    expect(pack.sampleRate).toBe(8000);
    for (const c of pack.clips) {
      expect(c.samples.length / 8000).toBeGreaterThan(0.1);
      expect(c.samples.length / 8000).toBeLessThan(1.5);
      let peak = 0;
      for (const s of c.samples) peak = Math.max(peak, Math.abs(s));
      expect(peak).toBeGreaterThan(0.15); // the script sets peaks between −14 and −1 dBFS (0.2 … 0.89)
    }
  });

  it("is separable: softmax regression on time-pooled features gets most held-out voices' words right", () => {
    const pooled = (split: "train" | "test") => ofSplit(examples, split).map((e) => ({ x: pooledFeatures(e.features), y: e.label }));
    const { test } = softmaxRegressionAccuracy(pooled("train"), pooled("test"), pack.words.length);
    // Measured 87.5 % (chance 10 %); a broken feature pipeline or mislabelled clips fall far below 70 %.
    expect(test).toBeGreaterThan(0.7);
  });

  it("names what is wrong with a damaged index or binary", () => {
    const bad = (patch: Record<string, unknown>) => () => parseSpeechIndex({ ...(indexJson as object), ...patch });
    expect(bad({ format: "x" })).toThrow(/format "x"/);
    expect(bad({ clips: [[0, 0, 5], [11, 0, 5]] })).toThrow(/clip 1 names word 11/);
    expect(bad({ bytes: 3 })).toThrow(/add up to .* samples, but bytes says 3/);
    expect(() => decodeSpeechPack(parseSpeechIndex(indexJson), bin.subarray(0, 100))).toThrow(/has 100 bytes/);
  });

  it("loads through fetch, and a missing file is a decodeFailed error, not a hang", async () => {
    const files: Record<string, Uint8Array<ArrayBuffer> | string> = { "index.json": JSON.stringify(indexJson), "clips.bin": bin };
    const fetcher = ((url: URL) => {
      const name = url.pathname.split("/").pop() ?? "";
      const body = files[name];
      return Promise.resolve(body === undefined ? new Response("not found", { status: 404 }) : new Response(body));
    }) as typeof fetch;
    const loaded = await loadSpeechPack("http://example.test/data/speech", fetcher);
    expect(loaded.clips).toHaveLength(pack.clips.length);
    expect(loaded.clips[5].samples).toEqual(pack.clips[5].samples);
    delete files["clips.bin"];
    const error = await loadSpeechPack("http://example.test/data/speech", fetcher).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AudioError);
    expect((error as AudioError).code).toBe("decodeFailed");
    expect((error as AudioError).message).toMatch(/clips\.bin could not be fetched \(HTTP 404\)/);
  });
});

describe("batches", () => {
  const example = (T: number, label: number, base: number): SpeechExample => ({
    features: { T, D: 2, data: Float32Array.from({ length: T * 2 }, (_, i) => base + i) },
    label,
    voice: "v",
    split: "train",
  });

  it("lay out inputs [T][B][D] with zeros after each sequence's length, lengths [B] and targets [B]", () => {
    const b = makeBatch([example(2, 3, 10), example(3, 1, 20)]);
    expect([b.T, b.B, b.D]).toEqual([3, 2, 2]);
    expect(Array.from(b.lengths)).toEqual([2, 3]);
    expect(Array.from(b.targetIndices)).toEqual([3, 1]);
    // t = 0: [b0: 10 11][b1: 20 21]; t = 1: [12 13][22 23]; t = 2: [0 0 (padding)][24 25]
    expect(Array.from(b.inputs)).toEqual([10, 11, 20, 21, 12, 13, 22, 23, 0, 0, 24, 25]);
  });

  it("cover every example once per epoch, in an order the seed replays", () => {
    const xs = Array.from({ length: 37 }, (_, i) => example(1 + (i % 7), i % 10, i * 100));
    const epoch = (seed: number) => epochBatches(xs, 8, seeded(seed));
    const firsts = (bs: ReturnType<typeof epoch>) => bs.flatMap((b) => Array.from({ length: b.B }, (_, k) => b.inputs[k * b.D]));
    const a = epoch(1);
    expect(a.map((b) => b.B)).toEqual([8, 8, 8, 8, 5]);
    expect(firsts(a).sort((p, q) => p - q)).toEqual(xs.map((_, i) => i * 100));
    expect(firsts(epoch(1))).toEqual(firsts(a));
    expect(firsts(epoch(2))).not.toEqual(firsts(a));
  });

  it("of the real set have D = MEL_BANDS and a length per clip", () => {
    const b = makeBatch(examples.slice(0, 16));
    expect(b.D).toBe(MEL_BANDS);
    expect(Array.from(b.lengths)).toEqual(examples.slice(0, 16).map((e) => e.features.T));
  });
});

describe("batches and the engine", () => {
  it("are accepted by a GRU with output \"last\", which reads each sequence at its own last frame", async () => {
    const { createNetwork } = await import("../../src/engine");
    const net = createNetwork(
      { cell: "gru", inputSize: MEL_BANDS, hiddenSize: 8, numLayers: 1, outputSize: pack.words.length, loss: "xent", outputMode: "last" },
      { seed: 1 },
    );
    const xs = examples.slice(0, 4);
    const batch = makeBatch(xs);
    expect(Number.isFinite(net.forward(batch))).toBe(true);
    const together = net.outputs();
    // The same clip alone (no padding) gives the same outputs: padding after a sequence's end is never read.
    for (let b = 0; b < xs.length; b++) {
      net.forward(makeBatch([xs[b]]));
      const alone = net.outputs();
      for (let o = 0; o < pack.words.length; o++) {
        expect(together[b * pack.words.length + o]).toBeCloseTo(alone[o], 10);
      }
    }
  });
});
