// src/audio/endpoint.ts: energy-based voice-activity detection: when a spoken word starts, pauses and ends.
//
// The endpointer looks at 16 ms blocks (HOP_SIZE samples at 8 kHz). It tracks the background level (follows
// quiet blocks down at once and up slowly), calls a word started after START_BLOCKS blocks louder than the
// background by START_DB, and at the first block quieter than the background + STOP_DB says "pause": the word
// may have ended, so the classifier can answer now (within one block, 16 ms, of the sound stopping). Sound
// again within HANGOVER_BLOCKS undoes the pause ("resume", as in the closure inside "stop"); otherwise "end"
// makes the answer final. A word longer than MAX_WORD_SECONDS is ended there.
import { HOP_SIZE, SAMPLE_RATE } from "./features";
import { MAX_WORD_SECONDS, MIN_WORD_SECONDS, toDb } from "./level";

export const BLOCK = HOP_SIZE;
/** dB above the background that starts a word. */
export const START_DB = 12;
/** dB above the background below which a block counts as quiet (hysteresis: lower than START_DB). */
export const STOP_DB = 7;
/** Absolute floor, dBFS: quieter blocks are never speech, however quiet the room. */
export const ABSOLUTE_MIN_DB = -55;
const START_BLOCKS = 2;
/** Quiet blocks (16 ms each) after which a pause becomes the word's end: 12 blocks, 192 ms. */
export const HANGOVER_BLOCKS = 12;
/** Lead-in kept before a word's first loud block, in samples (the built-in clips have 10–120 ms). */
export const PREROLL = Math.round(0.08 * SAMPLE_RATE);

export type EndpointEvent =
  | { readonly type: "start"; readonly startSample: number }
  /** The sound stopped at endSample: answer now, provisionally. */
  | { readonly type: "pause"; readonly startSample: number; readonly endSample: number }
  | { readonly type: "resume"; readonly startSample: number }
  /** The word is over: [startSample, endSample) holds it, with PREROLL before; tooShort if it was a click. */
  | { readonly type: "end"; readonly startSample: number; readonly endSample: number; readonly isTooShort: boolean };

export class Endpointer {
  private background = Number.NaN;
  private pending = new Float32Array(BLOCK);
  private pendingLength = 0;
  private block = 0; // index of the next block
  private loudRun = 0;
  private speaking = false;
  private wordStart = 0; // block
  private lastLoud = 0; // block
  private quietRun = 0;

  /** Whether a word has started and not yet ended. */
  get isInWord(): boolean {
    return this.speaking;
  }

  /** The background level now, dBFS (NaN before the first block). */
  get backgroundDb(): number {
    return this.background;
  }

  /** Feeds 8 kHz samples; returns what happened, in order. */
  push(chunk: Float32Array): EndpointEvent[] {
    const events: EndpointEvent[] = [];
    let i = 0;
    while (i < chunk.length) {
      const take = Math.min(BLOCK - this.pendingLength, chunk.length - i);
      this.pending.set(chunk.subarray(i, i + take), this.pendingLength);
      this.pendingLength += take;
      i += take;
      if (this.pendingLength === BLOCK) {
        this.onBlock(events);
        this.pendingLength = 0;
      }
    }
    return events;
  }

  private onBlock(events: EndpointEvent[]): void {
    let sum = 0;
    for (let k = 0; k < BLOCK; k++) sum += this.pending[k] * this.pending[k];
    const db = toDb(Math.sqrt(sum / BLOCK));
    const b = this.block++;
    if (Number.isNaN(this.background)) this.background = db;
    const startLevel = Math.max(this.background + START_DB, ABSOLUTE_MIN_DB);
    const stopLevel = Math.max(this.background + STOP_DB, ABSOLUTE_MIN_DB);
    const startSample = (block: number): number => Math.max(0, block * BLOCK - PREROLL);
    if (!this.speaking) {
      // Background: down at once, up slowly (a word must not raise it much before it is detected).
      this.background = db < this.background ? db : this.background + 0.02 * (db - this.background);
      this.loudRun = db >= startLevel ? this.loudRun + 1 : 0;
      if (this.loudRun >= START_BLOCKS) {
        this.speaking = true;
        this.wordStart = b - START_BLOCKS + 1;
        this.lastLoud = b;
        this.quietRun = 0;
        events.push({ type: "start", startSample: startSample(this.wordStart) });
      }
      return;
    }
    const maxBlocks = Math.round((MAX_WORD_SECONDS * SAMPLE_RATE) / BLOCK);
    if (db >= stopLevel) {
      if (this.quietRun > 0) events.push({ type: "resume", startSample: startSample(this.wordStart) });
      this.quietRun = 0;
      this.lastLoud = b;
      if (b - this.wordStart + 1 >= maxBlocks) this.finish(events, startSample(this.wordStart));
      return;
    }
    this.quietRun++;
    const endSample = (this.lastLoud + 1) * BLOCK;
    if (this.quietRun === 1) events.push({ type: "pause", startSample: startSample(this.wordStart), endSample });
    if (this.quietRun >= HANGOVER_BLOCKS) this.finish(events, startSample(this.wordStart));
  }

  private finish(events: EndpointEvent[], startSample: number): void {
    const endSample = (this.lastLoud + 1) * BLOCK;
    const seconds = ((this.lastLoud - this.wordStart + 1) * BLOCK) / SAMPLE_RATE;
    events.push({ type: "end", startSample, endSample, isTooShort: seconds < MIN_WORD_SECONDS });
    this.speaking = false;
    this.loudRun = 0;
    this.quietRun = 0;
  }
}
