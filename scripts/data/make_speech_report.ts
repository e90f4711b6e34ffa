// scripts/data/make_speech_report.ts: measures the built-in speech set: sizes, feature speed, and how separable the
// words are by simple baselines on held-out voices (`npx tsx scripts/data/make_speech_report.ts`).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { examplesFromPack, ofSplit, type SpeechExample } from "../../src/audio/dataset";
import { FRAMES_PER_SECOND, MEL_BANDS } from "../../src/audio/features";
import { decodeSpeechPack, parseSpeechIndex } from "../../src/audio/pack";
import { pooledFeatures, nearestCentroidAccuracy, softmaxRegressionAccuracy } from "../../test/audio/baseline";

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "public", "data", "speech");
const index = parseSpeechIndex(JSON.parse(readFileSync(join(dir, "index.json"), "utf8")));
const pack = decodeSpeechPack(index, new Uint8Array(readFileSync(join(dir, index.file))));
const seconds = pack.clips.reduce((s, c) => s + c.samples.length, 0) / pack.sampleRate;

const t0 = performance.now();
const examples = examplesFromPack(pack);
const ms = performance.now() - t0;
const frames = examples.map((e) => e.features.T);
console.log(`${pack.clips.length} clips, ${seconds.toFixed(1)} s of audio, ${index.bytes} bytes`);
console.log(`features: ${MEL_BANDS} mel bands, ${FRAMES_PER_SECOND} frames/s; frames per clip ${Math.min(...frames)}–${Math.max(...frames)} (mean ${(frames.reduce((a, b) => a + b) / frames.length).toFixed(1)})`);
console.log(`feature extraction: ${ms.toFixed(0)} ms for ${seconds.toFixed(1)} s = ${(ms / seconds).toFixed(2)} ms per second of audio`);

const train = ofSplit(examples, "train"), test = ofSplit(examples, "test");
const pooled = (xs: SpeechExample[]) => xs.map((e) => ({ x: pooledFeatures(e.features), y: e.label }));
const tr = pooled(train), te = pooled(test);
console.log(`train ${train.length} (${new Set(train.map((e) => e.voice)).size} voices), test ${test.length} (${new Set(test.map((e) => e.voice)).size} voices)`);
console.log(`nearest centroid: train ${(100 * nearestCentroidAccuracy(tr, tr, 10)).toFixed(1)} %, held-out voices ${(100 * nearestCentroidAccuracy(tr, te, 10)).toFixed(1)} %`);
const lr = softmaxRegressionAccuracy(tr, te, 10);
console.log(`softmax regression: train ${(100 * lr.train).toFixed(1)} %, held-out voices ${(100 * lr.test).toFixed(1)} %`);
