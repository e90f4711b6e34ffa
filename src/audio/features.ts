// src/audio/features.ts: log-mel filterbank frames, the network's input, for built-in and recorded audio alike.
//
// Each frame: a Hann-windowed slice of FRAME_SIZE samples, its power spectrum, MEL_BANDS triangular mel filters,
// then the log. The spectrum and filters are meyda's ("melBands": ln(1 + Σ filter·|X|²)), fed 16-bit-scaled
// samples so that the "+1" sits at the 16-bit noise floor. normaliseLogMel then expresses each value in decibels
// below the clip's loudest band and maps 0 … −FLOOR_DB dB to 1 … −1: the same word at any level, in any
// microphone, gives the same numbers.
import Meyda from "meyda";

/** Rate every clip is brought to before features (built-in clips are stored at this rate). */
export const SAMPLE_RATE = 8000;
/** Samples per analysis frame: 256 at 8 kHz is 32 ms (meyda needs a power of two). */
export const FRAME_SIZE = 256;
/** Samples between frame starts: 128 at 8 kHz is 16 ms. */
export const HOP_SIZE = 128;
/** Mel bands per frame, from 0 Hz to the Nyquist frequency (4 kHz): the network's input size D. */
export const MEL_BANDS = 20;
/** Frames per second of audio (62.5), to show in the UI. */
export const FRAMES_PER_SECOND = SAMPLE_RATE / HOP_SIZE;
/** Dynamic range kept below a clip's loudest band, in dB; anything quieter reads as −1. */
export const FLOOR_DB = 60;

/** Frames of a clip: T frames of D values, row-major ([T][D]). */
export interface FeatureFrames {
  readonly T: number;
  readonly D: number;
  readonly data: Float32Array;
}

/** Number of frames `logMelFrames` gives for n samples: whole frames only, and at least one (zero-padded). */
export function frameCount(n: number): number {
  return n <= FRAME_SIZE ? 1 : 1 + Math.floor((n - FRAME_SIZE) / HOP_SIZE);
}

const frame = new Float32Array(FRAME_SIZE);

/** ln(1 + mel energy) of one FRAME_SIZE frame starting at `start` (zero beyond the end), into out[outAt …]. */
function melFrame(samples: Float32Array, start: number, out: Float32Array, outAt: number): void {
  for (let i = 0; i < FRAME_SIZE; i++) {
    const j = start + i;
    frame[i] = j < samples.length ? samples[j] * 32768 : 0;
  }
  // Meyda is one shared object: set what we rely on at each call, in case other code changed it.
  if (Meyda.bufferSize !== FRAME_SIZE || Meyda.sampleRate !== SAMPLE_RATE || Meyda.melBands !== MEL_BANDS) {
    Meyda.bufferSize = FRAME_SIZE;
    Meyda.sampleRate = SAMPLE_RATE;
    Meyda.melBands = MEL_BANDS;
    // Its filter-bank cache is keyed on the band count only: drop it so the new rate and size take effect.
    (Meyda as { melFilterBank?: unknown }).melFilterBank = undefined;
  }
  Meyda.windowingFunction = "hanning";
  const bands = Meyda.extract("melBands", frame) as unknown;
  if (!Array.isArray(bands) || bands.length !== MEL_BANDS) {
    throw new Error(`meyda returned ${Array.isArray(bands) ? bands.length : typeof bands} mel bands, expected ${MEL_BANDS}`);
  }
  for (let d = 0; d < MEL_BANDS; d++) out[outAt + d] = bands[d] as number;
}

/** Raw log-mel frames (ln(1 + energy), 16-bit scale) of 8 kHz samples in −1 … 1. */
export function logMelFrames(samples: Float32Array): FeatureFrames {
  const T = frameCount(samples.length);
  const data = new Float32Array(T * MEL_BANDS);
  for (let t = 0; t < T; t++) melFrame(samples, t * HOP_SIZE, data, t * MEL_BANDS);
  return { T, D: MEL_BANDS, data };
}

const DB_PER_NEPER = 10 / Math.LN10; // 10·log10(e) = DB_PER_NEPER · ln(e)

/**
 * Level-free features: each value in dB below the clip's loudest value, floored at −FLOOR_DB, mapped to −1 … 1.
 * `from`/`to` (frames) limit the clip, e.g. to one spoken word of a longer stream.
 */
export function normaliseLogMel(raw: FeatureFrames, from = 0, to = raw.T): FeatureFrames {
  const D = raw.D, T = Math.max(0, to - from);
  let max = -Infinity;
  for (let i = from * D; i < to * D; i++) max = Math.max(max, raw.data[i]);
  const data = new Float32Array(T * D);
  const half = FLOOR_DB / 2;
  for (let i = 0; i < T * D; i++) {
    const db = Math.max(-FLOOR_DB, DB_PER_NEPER * (raw.data[from * D + i] - max));
    data[i] = (db + half) / half;
  }
  return { T, D, data };
}

/** The network's input for one clip of 8 kHz samples: normalised log-mel frames. */
export function speechFeatures(samples: Float32Array): FeatureFrames {
  return normaliseLogMel(logMelFrames(samples));
}

/**
 * Log-mel frames computed as audio arrives (for "Listen"): push 8 kHz chunks of any size; each complete frame is
 * computed once, and equals logMelFrames' frame on the concatenated samples. Frame t starts at stream sample
 * t·HOP_SIZE; forgetBefore drops old samples and frames so that memory stays bounded while listening for long.
 */
export class LogMelStream {
  private buffer = new Float32Array(SAMPLE_RATE * 4); // samples [firstFrame·HOP_SIZE, … + length) of the stream
  private length = 0;
  private raw = new Float32Array(MEL_BANDS * 256); // frames [firstFrame, frames)
  private firstFrame = 0;
  private frames = 0;

  /** Frames computed so far, counted from the start of the stream. */
  get frameCount(): number {
    return this.frames;
  }

  /** Adds samples; returns how many new frames were computed. */
  push(chunk: Float32Array): number {
    if (this.length + chunk.length > this.buffer.length) {
      const grown = new Float32Array(Math.max(this.buffer.length * 2, this.length + chunk.length));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(chunk, this.length);
    this.length += chunk.length;
    let made = 0;
    for (;;) {
      const start = (this.frames - this.firstFrame) * HOP_SIZE;
      if (start + FRAME_SIZE > this.length) break;
      const at = (this.frames - this.firstFrame) * MEL_BANDS;
      if (at + MEL_BANDS > this.raw.length) {
        const grown = new Float32Array(this.raw.length * 2);
        grown.set(this.raw);
        this.raw = grown;
      }
      melFrame(this.buffer.subarray(start, start + FRAME_SIZE), 0, this.raw, at);
      this.frames++;
      made++;
    }
    return made;
  }

  /** A copy of raw frames [from, to) still held (normalise it with normaliseLogMel). */
  rawFrames(from: number, to = this.frames): FeatureFrames {
    const a = Math.max(this.firstFrame, Math.min(from, this.frames));
    const b = Math.max(a, Math.min(to, this.frames));
    const off = this.firstFrame * MEL_BANDS;
    return { T: b - a, D: MEL_BANDS, data: this.raw.slice(a * MEL_BANDS - off, b * MEL_BANDS - off) };
  }

  /** A copy of stream samples [from, to) still held. */
  samples(from: number, to: number): Float32Array {
    const first = this.firstFrame * HOP_SIZE;
    const a = Math.max(0, Math.min(this.length, from - first));
    const b = Math.max(a, Math.min(this.length, to - first));
    return this.buffer.slice(a, b);
  }

  /** Drops samples and frames before stream sample `sample` (rounded down to a frame start). */
  forgetBefore(sample: number): void {
    const frame = Math.min(this.frames, Math.floor(sample / HOP_SIZE));
    if (frame <= this.firstFrame) return;
    const cutFrames = frame - this.firstFrame;
    const cut = cutFrames * HOP_SIZE;
    this.buffer.copyWithin(0, cut, this.length);
    this.length -= cut;
    this.raw.copyWithin(0, cutFrames * MEL_BANDS, (this.frames - this.firstFrame) * MEL_BANDS);
    this.firstFrame = frame;
  }
}
