// src/audio/listen.ts: live recognition's audio side: microphone chunks in, spoken words (as features) out.
//
// Chunks at the capture rate are brought to 8 kHz, cut into log-mel frames as they arrive (so a word's features
// are ready when it ends), and watched by the endpointer. At a "pause" (the sound just stopped) the word heard so
// far is handed over provisionally; the classifier can answer within one 16 ms block of the end of the word,
// plus its own time. "end" hands over the same word as final; "resume" means the pause was inside the word.
import { Endpointer, PREROLL, type EndpointEvent } from "./endpoint";
import { FRAME_SIZE, frameCount, HOP_SIZE, LogMelStream, normaliseLogMel, SAMPLE_RATE, type FeatureFrames } from "./features";
import { level, type Level } from "./level";
import { Resampler } from "./resample";

/** Sound kept after a word's end, in 8 kHz samples (60 ms, as recordings are trimmed; built-in clips: 10–80 ms). */
const TAIL = Math.round(0.06 * SAMPLE_RATE);

/** A word heard by the listener. */
export interface HeardWord {
  /** Normalised log-mel frames of the word with its lead-in: the same features as a built-in clip's. */
  readonly features: FeatureFrames;
  /** The word's 8 kHz samples (to play back, or to keep as a recording). */
  readonly samples: Float32Array;
  /** Stream position of the word, in 8 kHz samples. */
  readonly startSample: number;
  readonly endSample: number;
  /** false at a pause (more may follow), true once the word is over. */
  readonly isFinal: boolean;
}

export interface ListenerOptions {
  /** Rate of the chunks given to push (the AudioContext's rate). */
  readonly inputRate: number;
  /** A word, provisionally (isFinal false) and then for good. Clicks (too short) are not reported. */
  readonly onWord: (word: HeardWord) => void;
  /** Every endpointer event, for a UI that shows "listening…" / "heard something". */
  readonly onEvent?: (event: EndpointEvent) => void;
}

export class Listener {
  private readonly resampler: Resampler | null;
  private readonly stream = new LogMelStream();
  private readonly endpointer = new Endpointer();
  private readonly options: ListenerOptions;
  private received = 0; // 8 kHz samples so far
  private lastLevel: Level = { rmsDb: -100, peakDb: -100 };

  constructor(options: ListenerOptions) {
    this.options = options;
    this.resampler = options.inputRate === SAMPLE_RATE ? null : new Resampler(options.inputRate, SAMPLE_RATE);
  }

  /** Level of the last chunk pushed (for a meter). */
  get level(): Level {
    return this.lastLevel;
  }

  /** Feeds one chunk of microphone samples at the input rate. */
  push(chunk: Float32Array): void {
    this.lastLevel = level(chunk);
    const samples = this.resampler ? this.resampler.push(chunk) : chunk;
    this.stream.push(samples);
    const events = this.endpointer.push(samples);
    this.received += samples.length;
    for (const e of events) {
      this.options.onEvent?.(e);
      if (e.type === "pause") this.report(e.startSample, e.endSample, false);
      else if (e.type === "end") {
        if (!e.isTooShort) this.report(e.startSample, e.endSample, true);
      }
    }
    // Nothing before the current word (or the last lead-in's worth of audio) is needed again.
    if (!this.endpointer.isInWord) this.stream.forgetBefore(Math.max(0, this.received - PREROLL - FRAME_SIZE - 4 * HOP_SIZE));
  }

  private report(startSample: number, endSample: number, isFinal: boolean): void {
    // The word, its lead-in and up to TAIL of what followed (the built-in clips end 10–80 ms after the sound):
    // the frames are exactly those speechFeatures would compute from the returned samples.
    const to = Math.min(this.received, endSample + TAIL);
    const samples = this.stream.samples(startSample, to);
    if (samples.length < FRAME_SIZE) return;
    const from = startSample / HOP_SIZE; // whole: the endpointer's positions are multiples of HOP_SIZE
    const raw = this.stream.rawFrames(from, from + frameCount(samples.length));
    this.options.onWord({ features: normaliseLogMel(raw), samples, startSample, endSample, isFinal });
  }
}
