// src/audio/level.ts: how loud a recording is, where the word in it starts and ends, and whether it can be used.
import { AudioError } from "./errors";

/** Quietest level we report, in dBFS (digital silence would be −∞). */
export const MIN_DB = -100;
/** A recording whose loudest 16 ms block is below this (dBFS) holds no word: "silent". */
export const SILENT_DB = -50;
/** Longest stretch of sound a word may take, in seconds: longer is "tooLong" (a sentence, or noise). */
export const MAX_WORD_SECONDS = 1.5;
/** Shortest, in seconds: shorter is "tooShort" (a click). */
export const MIN_WORD_SECONDS = 0.08;
/** Silence kept before and after a trimmed word, in seconds (the built-in clips have 10–120 ms). */
export const TRIM_MARGIN_SECONDS = 0.06;

export interface Level {
  /** Root mean square level, dBFS (0 dB: a full-scale square wave). */
  readonly rmsDb: number;
  /** Largest magnitude, dBFS. */
  readonly peakDb: number;
}

/** Full-scale-relative decibels of an amplitude, floored at MIN_DB. */
export const toDb = (amplitude: number): number => Math.max(MIN_DB, 20 * Math.log10(Math.max(amplitude, 1e-10)));

/** RMS and peak level of samples [from, to) (for a level meter: call per chunk). */
export function level(samples: Float32Array, from = 0, to = samples.length): Level {
  let sum = 0, peak = 0;
  for (let i = from; i < to; i++) {
    const s = samples[i];
    sum += s * s;
    peak = Math.max(peak, Math.abs(s));
  }
  const n = Math.max(1, to - from);
  return { rmsDb: toDb(Math.sqrt(sum / n)), peakDb: toDb(peak) };
}

/** RMS level in dBFS of consecutive blocks of `block` samples (the last, shorter block included). */
export function blockLevels(samples: Float32Array, block: number): Float64Array {
  const n = Math.ceil(samples.length / block);
  const out = new Float64Array(n);
  for (let b = 0; b < n; b++) out[b] = level(samples, b * block, Math.min(samples.length, (b + 1) * block)).rmsDb;
  return out;
}

/** Where the word is: samples [start, end) with the margins included, and the level of the whole recording. */
export interface WordSpan {
  readonly start: number;
  readonly end: number;
  /** Seconds of sound between the first and the last loud block (margins not counted). */
  readonly voicedSeconds: number;
  readonly level: Level;
}

/**
 * Finds the word in a recording: the first and last 16 ms block louder than both 30 dB below the loudest block
 * and 10 dB above the background (the 10th percentile of block levels). Throws AudioError "silent", "tooShort" or
 * "tooLong" (with the measured values) when the recording cannot be a single word.
 */
export function findWord(samples: Float32Array, sampleRate: number): WordSpan {
  const whole = level(samples);
  const block = Math.max(1, Math.round(sampleRate * 0.016));
  const levels = blockLevels(samples, block);
  let loudest = MIN_DB;
  for (const l of levels) loudest = Math.max(loudest, l);
  if (levels.length === 0 || loudest < SILENT_DB) {
    throw new AudioError("silent", `The recording is silent: its loudest part is ${loudest.toFixed(0)} dBFS, below ${SILENT_DB} dBFS.`, {
      loudestDb: Math.round(loudest), limitDb: SILENT_DB,
    });
  }
  const sorted = Array.from(levels).sort((a, b) => a - b);
  const background = sorted[Math.floor(0.1 * (sorted.length - 1))];
  const threshold = Math.max(loudest - 30, background + 10, SILENT_DB);
  let first = -1, last = -1;
  for (let b = 0; b < levels.length; b++) {
    if (levels[b] >= threshold) {
      if (first < 0) first = b;
      last = b;
    }
  }
  const voicedSeconds = ((last - first + 1) * block) / sampleRate;
  if (voicedSeconds > MAX_WORD_SECONDS) {
    throw new AudioError("tooLong", `The sound lasts ${voicedSeconds.toFixed(1)} s; a word should take at most ${MAX_WORD_SECONDS} s.`, {
      seconds: Number(voicedSeconds.toFixed(2)), limitSeconds: MAX_WORD_SECONDS,
    });
  }
  if (voicedSeconds < MIN_WORD_SECONDS) {
    throw new AudioError("tooShort", `The sound lasts ${voicedSeconds.toFixed(2)} s, too short for a word (at least ${MIN_WORD_SECONDS} s).`, {
      seconds: Number(voicedSeconds.toFixed(2)), limitSeconds: MIN_WORD_SECONDS,
    });
  }
  const margin = Math.round(TRIM_MARGIN_SECONDS * sampleRate);
  return {
    start: Math.max(0, first * block - margin),
    end: Math.min(samples.length, (last + 1) * block + margin),
    voicedSeconds,
    level: whole,
  };
}

/** The word of a recording with TRIM_MARGIN_SECONDS of silence around it (see findWord for the errors). */
export function trimSilence(samples: Float32Array, sampleRate: number): Float32Array {
  const { start, end } = findWord(samples, sampleRate);
  return samples.slice(start, end);
}
