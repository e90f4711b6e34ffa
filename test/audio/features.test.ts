// test/audio/features.test.ts: log-mel frames against an independent computation, and the properties the lab needs.
import {
  FRAME_SIZE, frameCount, HOP_SIZE, LogMelStream, logMelFrames, MEL_BANDS, SAMPLE_RATE, speechFeatures,
} from "../../src/audio/features";
import { concat, noise, seeded, tone } from "./signals";

/**
 * The same features from first principles: a symmetric Hann window, a plain O(N²) DFT in float64, triangular
 * filters on the HTK mel scale (mel = 1125·ln(1 + f/700)) between 0 Hz and Nyquist with edges at FFT bin
 * floor((N + 1)·f / rate), and ln(1 + Σ filter·|X|²), samples scaled to 16-bit units.
 */
function referenceLogMel(samples: Float32Array, start: number): Float64Array {
  const N = FRAME_SIZE;
  const x = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const s = start + i < samples.length ? samples[start + i] : 0;
    x[i] = s * 32768 * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (N - 1)));
  }
  const power = new Float64Array(N / 2);
  for (let k = 0; k < N / 2; k++) {
    let re = 0, im = 0;
    for (let n = 0; n < N; n++) {
      re += x[n] * Math.cos((2 * Math.PI * k * n) / N);
      im -= x[n] * Math.sin((2 * Math.PI * k * n) / N);
    }
    power[k] = re * re + im * im;
  }
  const mel = (f: number) => 1125 * Math.log(1 + f / 700);
  const hz = (m: number) => 700 * (Math.exp(m / 1125) - 1);
  const top = mel(SAMPLE_RATE / 2);
  const edges = Array.from({ length: MEL_BANDS + 2 }, (_, i) => Math.floor(((N + 1) * hz((i * top) / (MEL_BANDS + 1))) / SAMPLE_RATE));
  const out = new Float64Array(MEL_BANDS);
  for (let j = 0; j < MEL_BANDS; j++) {
    const [lo, mid, hi] = [edges[j], edges[j + 1], edges[j + 2]];
    let e = 0;
    for (let k = lo; k < hi && k < N / 2; k++) e += power[k] * (k < mid ? (k - lo) / (mid - lo) : (hi - k) / (hi - mid));
    out[j] = Math.log(1 + e);
  }
  return out;
}

describe("log-mel features", () => {
  it("match an independent DFT + mel filter bank computation on a tone in noise", () => {
    const random = seeded(7);
    const x = concat(tone(700, 0.1, SAMPLE_RATE, 0.3), noise(0.05, SAMPLE_RATE, 0.01, random));
    const got = logMelFrames(x);
    expect(got.T).toBe(frameCount(x.length));
    expect(got.D).toBe(MEL_BANDS);
    let worst = 0;
    for (let t = 0; t < got.T; t++) {
      const want = referenceLogMel(x, t * HOP_SIZE);
      for (let d = 0; d < MEL_BANDS; d++) {
        // meyda works in float32 (window, FFT, sums): about 1e-6 relative on energies, so ~1e-5 on their logs.
        worst = Math.max(worst, Math.abs(got.data[t * MEL_BANDS + d] - want[d]));
      }
    }
    // meyda works in float32 (window, FFT, sums): the logs (~5 … 20) agree to ~1e-4 here. A wrong window, filter
    // edge or missing 16-bit scale moves them by 0.05 or more.
    expect(worst).toBeLessThan(1e-3);
  });

  it("put a tone's energy in the band whose filter peaks nearest its frequency", () => {
    const mel = (f: number) => 1125 * Math.log(1 + f / 700);
    for (const hz of [250, 1000, 2500]) {
      const f = logMelFrames(tone(hz, 0.2, SAMPLE_RATE));
      const frame = f.data.subarray(3 * MEL_BANDS, 4 * MEL_BANDS);
      const loudest = frame.indexOf(Math.max(...frame));
      const centre = (j: number) => ((j + 1) * mel(SAMPLE_RATE / 2)) / (MEL_BANDS + 1);
      const nearest = Array.from({ length: MEL_BANDS }, (_, j) => Math.abs(centre(j) - mel(hz)));
      expect(Math.abs(loudest - nearest.indexOf(Math.min(...nearest))), `${hz} Hz`).toBeLessThanOrEqual(1);
    }
  });

  it("normalised, do not depend on the level (a word 20 dB quieter gives the same numbers)", () => {
    const random = seeded(3);
    const loud = concat(noise(0.05, SAMPLE_RATE, 0.002, random), tone(500, 0.2, SAMPLE_RATE, 0.5), tone(1500, 0.1, SAMPLE_RATE, 0.3));
    const quiet = loud.map((s) => s * 0.1);
    const a = speechFeatures(loud), b = speechFeatures(quiet);
    let maxValue = -Infinity, minValue = Infinity, maxDiff = 0;
    for (let i = 0; i < a.data.length; i++) {
      maxValue = Math.max(maxValue, a.data[i]);
      minValue = Math.min(minValue, a.data[i]);
      // Only the "+1" inside ln(1 + e) breaks exact invariance, and only in bands near the 16-bit floor.
      if (a.data[i] > -0.5) maxDiff = Math.max(maxDiff, Math.abs(a.data[i] - b.data[i]));
    }
    expect(maxValue).toBeCloseTo(1, 6);
    expect(minValue).toBeGreaterThanOrEqual(-1);
    expect(maxDiff).toBeLessThan(0.01);
  });

  it("computed as a stream in odd-sized chunks, equal the whole clip's frames", () => {
    const random = seeded(11);
    const x = concat(noise(0.3, SAMPLE_RATE, 0.2, random), tone(900, 0.3, SAMPLE_RATE));
    const whole = logMelFrames(x);
    const stream = new LogMelStream();
    for (let at = 0; at < x.length; ) {
      const n = 1 + Math.floor(random() * 700);
      stream.push(x.subarray(at, at + n));
      at += n;
    }
    expect(stream.frameCount).toBe(whole.T);
    expect(stream.rawFrames(0).data).toEqual(whole.data);
    // After forgetting the first half, the later frames and samples are still those of the whole clip.
    stream.forgetBefore(Math.floor(x.length / 2));
    const from = Math.floor(x.length / 2 / HOP_SIZE);
    expect(stream.rawFrames(from).data).toEqual(whole.data.subarray(from * MEL_BANDS));
    expect(stream.samples(from * HOP_SIZE, from * HOP_SIZE + 100)).toEqual(x.subarray(from * HOP_SIZE, from * HOP_SIZE + 100));
  });

  it("count whole frames, and give one (zero-padded) frame for a clip shorter than a frame", () => {
    expect(frameCount(1)).toBe(1);
    expect(frameCount(FRAME_SIZE)).toBe(1);
    expect(frameCount(FRAME_SIZE + HOP_SIZE - 1)).toBe(1);
    expect(frameCount(FRAME_SIZE + HOP_SIZE)).toBe(2);
    expect(logMelFrames(new Float32Array(10)).T).toBe(1);
  });
});
