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

// Live path: 48 kHz chunks of 512 samples (what the AudioWorklet posts) through resampling, framing, endpointing.
{
  const { Listener } = await import("../../src/audio/listen");
  const { resample } = await import("../../src/audio/resample");
  const at48k = resample(pack.clips.slice(0, 40).reduce((a, c) => {
    const out = new Float32Array(a.length + c.samples.length + 4000);
    out.set(a);
    out.set(c.samples, a.length);
    return out;
  }, new Float32Array(0)), 8000, 48000);
  let words = 0, worstMs = 0;
  const listener = new Listener({ inputRate: 48000, onWord: (w) => { if (w.isFinal) words++; } });
  const t1 = performance.now();
  for (let at = 0; at < at48k.length; at += 512) {
    const c0 = performance.now();
    listener.push(at48k.subarray(at, at + 512));
    worstMs = Math.max(worstMs, performance.now() - c0);
  }
  const liveMs = performance.now() - t1;
  console.log(`listening: ${(liveMs / (at48k.length / 48000)).toFixed(1)} ms of work per second of 48 kHz audio, slowest 512-sample chunk ${worstMs.toFixed(1)} ms; ${words} of 40 words found`);
}

const train = ofSplit(examples, "train"), test = ofSplit(examples, "test");
const pooled = (xs: SpeechExample[]) => xs.map((e) => ({ x: pooledFeatures(e.features), y: e.label }));
const tr = pooled(train), te = pooled(test);
console.log(`train ${train.length} (${new Set(train.map((e) => e.voice)).size} voices), test ${test.length} (${new Set(test.map((e) => e.voice)).size} voices)`);
console.log(`nearest centroid: train ${(100 * nearestCentroidAccuracy(tr, tr, 10)).toFixed(1)} %, held-out voices ${(100 * nearestCentroidAccuracy(tr, te, 10)).toFixed(1)} %`);
const lr = softmaxRegressionAccuracy(tr, te, 10);
console.log(`softmax regression: train ${(100 * lr.train).toFixed(1)} %, held-out voices ${(100 * lr.test).toFixed(1)} %`);

// Recurrent baselines in this project's engine (what the speech lab trains): one layer, H hidden units, the last
// state → softmax over the words, Adam, batches of 32, fixed seeds. `--rnn-epochs N` (default 0: skip).
const epochsArg = process.argv.indexOf("--rnn-epochs");
const epochs = epochsArg > 0 ? Number(process.argv[epochsArg + 1]) : 0;
if (epochs > 0) {
  const { createNetwork, createOptimizer, trainStep, createRng, initKernels, bestKernelName } = await import("../../src/engine");
  await initKernels(); // the WebAssembly SIMD kernels where they load, as in the browser
  console.log(`engine kernels: ${bestKernelName()}`);
  const { epochBatches, makeBatch } = await import("../../src/audio/dataset");
  const H = 32;
  const testBatch = makeBatch(test);
  const trainBatch = makeBatch(train);
  for (const cell of ["gru", "lstm", "rnn"] as const) {
    const net = createNetwork(
      { cell, inputSize: MEL_BANDS, hiddenSize: H, numLayers: 1, outputSize: pack.words.length, loss: "xent", outputMode: "last" },
      { seed: 1 },
    );
    const opt = createOptimizer(net, { kind: "adam", lr: 0.01 });
    const rng = createRng(2);
    const accuracy = (b: typeof testBatch): number => {
      net.forward({ T: b.T, B: b.B, inputs: b.inputs, lengths: b.lengths });
      const y = net.outputs();
      const O = pack.words.length;
      let right = 0;
      for (let i = 0; i < b.B; i++) {
        let best = 0;
        for (let o = 1; o < O; o++) if (y[i * O + o] > y[i * O + best]) best = o;
        if (best === b.targetIndices[i]) right++;
      }
      return right / b.B;
    };
    const t0 = performance.now();
    let steps = 0;
    for (let epoch = 1; epoch <= epochs; epoch++) {
      for (const b of epochBatches(train, 32, () => rng.next())) {
        trainStep(net, opt, b, { clipMaxNorm: 5 });
        steps++;
      }
      if (epoch % 10 === 0 || epoch === epochs) {
        console.log(`${cell} H=${H} epoch ${epoch}: train ${(100 * accuracy(trainBatch)).toFixed(1)} %, held-out voices ${(100 * accuracy(testBatch)).toFixed(1)} % (${((performance.now() - t0) / steps).toFixed(1)} ms/step)`);
      }
    }
  }
}
