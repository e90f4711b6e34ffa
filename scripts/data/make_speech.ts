// scripts/data/make_speech.ts: synthesises the speech lab's built-in words with espeak-ng into public/data/speech/.
//
// Run with `npm run data:speech` (needs Debian's `espeak-ng` and `sox`: `apt-get install espeak-ng sox`).
// The result is reproducible: espeak-ng and sox are deterministic, and every random choice (voices, speed, pitch,
// level, time shift, noise) comes from one seeded generator. Output (see public/data/speech/README.md):
//   clips.bin   every clip's 8 kHz mono samples as 8-bit G.711 μ-law, one after another
//   index.json  the words, the voices (each "train" or "test") and, per clip in file order: word, voice, length
// Training and test voices differ: test voices use espeak-ng variants (speakers) that no training voice uses.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { encodeMulaw } from "../../src/audio/mulaw";
import { SPEECH_PACK_FORMAT, type SpeechPackIndex } from "../../src/audio/pack";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const outDir = join(root, "public", "data", "speech");

const SAMPLE_RATE = 8000;
const SEED = 18;
const WORDS = ["yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go"];
/** espeak-ng's English voices (accents) that need no extra package (the mbrola ones do). */
const ACCENTS = ["en-us", "en-gb", "en-gb-scotland", "en-gb-x-rp", "en-gb-x-gbclan", "en-gb-x-gbcwmd", "en-029", "en-us-nyc"];
/** Speaker variants: male m1…m7, female f1…f5. The test set's speakers are the two variants training never hears. */
const TRAIN_VARIANTS = ["m1", "m2", "m3", "m4", "m6", "m7", "f1", "f2", "f3", "f5"];
const TEST_VARIANTS = ["m5", "f4"];
const TRAIN_VOICES = 48; // of 8 × 10 accent+variant pairs
const TEST_VOICES = 16; // all 8 × 2

/** splitmix32: a small seeded generator (the script must replay exactly). */
function createRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}
const random = createRandom(SEED);
const uniform = (lo: number, hi: number): number => lo + (hi - lo) * random();
/** A standard normal value (Box–Muller). */
const gaussian = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

function shuffled<T>(items: T[]): T[] {
  const a = items.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function run(cmd: string, args: string[], input?: Buffer): Buffer {
  const r = spawnSync(cmd, args, { input, maxBuffer: 64 << 20 });
  if (r.error) {
    throw new Error(`Could not run ${cmd} (${r.error.message}). Install it: apt-get install espeak-ng sox`);
  }
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr.toString()}`);
  return r.stdout;
}

/** One word spoken by one voice, trimmed of silence, at 8 kHz, as −1 … 1 samples. */
function speak(word: string, voice: string, speedWpm: number, pitch: number): Float32Array {
  const wav = run("espeak-ng", ["-v", voice, "-s", String(speedWpm), "-p", String(pitch), "--stdout", word]);
  // sox: resample (its high-quality default filter), then cut leading and trailing silence (below 1 % of full scale).
  // -D: no dither (sox otherwise adds unseeded noise when it writes 16 bits, and the output would differ per run).
  const raw = run(
    "sox",
    ["-D", "-t", "wav", "-", "-t", "raw", "-e", "signed", "-b", "16", "-c", "1", "-r", String(SAMPLE_RATE), "-",
      "silence", "1", "0.01", "1%", "reverse", "silence", "1", "0.01", "1%", "reverse"],
    wav,
  );
  const n = raw.length >> 1;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = raw.readInt16LE(2 * i) / 32768;
  return out;
}

/**
 * The augmentations: a random level (peak −14 … −1 dBFS), a time shift (10–120 ms of lead-in, 10–80 ms after),
 * and coloured noise (white noise through a random one-pole low-pass) at a random 12–35 dB below the word's RMS.
 */
function augment(word: Float32Array): Float32Array {
  const lead = Math.round(uniform(0.01, 0.12) * SAMPLE_RATE);
  const tail = Math.round(uniform(0.01, 0.08) * SAMPLE_RATE);
  const out = new Float32Array(lead + word.length + tail);
  let peak = 0, energy = 0;
  for (let i = 0; i < word.length; i++) {
    peak = Math.max(peak, Math.abs(word[i]));
    energy += word[i] * word[i];
  }
  const gain = peak > 0 ? 10 ** (uniform(-14, -1) / 20) / peak : 0;
  for (let i = 0; i < word.length; i++) out[lead + i] = word[i] * gain;
  const speechRms = Math.sqrt(energy / Math.max(1, word.length)) * gain;
  const noiseRms = speechRms * 10 ** (-uniform(12, 35) / 20);
  const pole = uniform(0, 0.9); // 0: white; near 1: low rumble
  const norm = Math.sqrt(1 - pole * pole); // keeps the filtered noise at unit variance
  let state = 0;
  for (let i = 0; i < out.length; i++) {
    state = pole * state + norm * gaussian();
    out[i] += noiseRms * state;
  }
  return out;
}

function main(): void {
  const pairs = (variants: string[]) => ACCENTS.flatMap((a) => variants.map((v) => `${a}+${v}`));
  const trainVoices = shuffled(pairs(TRAIN_VARIANTS)).slice(0, TRAIN_VOICES).sort();
  const testVoices = shuffled(pairs(TEST_VARIANTS)).slice(0, TEST_VOICES).sort();
  const voices = [
    ...trainVoices.map((name) => ({ name, split: "train" as const })),
    ...testVoices.map((name) => ({ name, split: "test" as const })),
  ];
  const clips: [number, number, number][] = [];
  const parts: Uint8Array[] = [];
  let bytes = 0;
  voices.forEach((voice, v) => {
    // Each voice talks at its own pace and pitch; each word varies a little around them.
    const baseSpeed = uniform(135, 195), basePitch = uniform(25, 75);
    WORDS.forEach((word, w) => {
      const speed = Math.round(baseSpeed + uniform(-15, 15));
      const pitch = Math.round(Math.min(99, Math.max(0, basePitch + uniform(-10, 10))));
      const encoded = encodeMulaw(augment(speak(word, voice.name, speed, pitch)));
      parts.push(encoded);
      clips.push([w, v, encoded.length]);
      bytes += encoded.length;
    });
    process.stdout.write(`\r${v + 1}/${voices.length} voices`);
  });
  process.stdout.write("\n");
  const index: SpeechPackIndex = {
    format: SPEECH_PACK_FORMAT,
    sampleRate: SAMPLE_RATE,
    encoding: "mulaw",
    file: "clips.bin",
    bytes,
    words: WORDS,
    voices,
    clips,
  };
  mkdirSync(outDir, { recursive: true });
  const all = new Uint8Array(bytes);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  writeFileSync(join(outDir, "clips.bin"), all);
  writeFileSync(join(outDir, "index.json"), JSON.stringify(index) + "\n");
  const seconds = bytes / SAMPLE_RATE;
  console.log(
    `${clips.length} clips (${trainVoices.length} training voices, ${testVoices.length} test voices), ` +
      `${seconds.toFixed(1)} s of audio, clips.bin ${(bytes / 1e6).toFixed(2)} MB`,
  );
}

main();
