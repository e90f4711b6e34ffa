// test/audio/endpoint.test.ts: trimming recordings and finding words in a live stream, on synthetic signals.
import { BLOCK, Endpointer, HANGOVER_BLOCKS, PREROLL, type EndpointEvent } from "../../src/audio/endpoint";
import { AudioError } from "../../src/audio/errors";
import { HOP_SIZE, SAMPLE_RATE, speechFeatures } from "../../src/audio/features";
import { findWord, MAX_WORD_SECONDS, TRIM_MARGIN_SECONDS, trimSilence } from "../../src/audio/level";
import { Listener, type HeardWord } from "../../src/audio/listen";
import { resample } from "../../src/audio/resample";
import { concat, mix, noise, seeded, tone } from "./signals";

const R = SAMPLE_RATE;

/** Room noise, then a "word" (two tones, 0.35 s), then room noise: the word's first and last sample. */
function recording(random: () => number, lead = 0.5, word = 0.35, tail = 0.5) {
  const w = concat(tone(300, word / 2, R, 0.3), tone(1200, word / 2, R, 0.2));
  const x = concat(new Float32Array(Math.round(lead * R)), w, new Float32Array(Math.round(tail * R)));
  return { x: mix(x, noise(lead + word + tail, R, 0.003, random)), start: Math.round(lead * R), end: Math.round(lead * R) + w.length };
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    if (e instanceof AudioError) return e.code;
    throw e;
  }
  return "no error";
}

describe("trimming a recording", () => {
  it("keeps the word with its margins and drops the room noise around it", () => {
    const { x, start, end } = recording(seeded(1));
    const span = findWord(x, R);
    const margin = TRIM_MARGIN_SECONDS * R, block = 0.016 * R;
    expect(Math.abs(span.start - (start - margin))).toBeLessThanOrEqual(block);
    expect(Math.abs(span.end - (end + margin))).toBeLessThanOrEqual(block);
    expect(span.voicedSeconds).toBeCloseTo(0.35, 1);
    expect(trimSilence(x, R).length).toBe(span.end - span.start);
  });

  it("refuses silence, a click and a sentence-length sound with their codes", () => {
    const random = seeded(2);
    expect(codeOf(() => findWord(noise(1, R, 0.001, random), R))).toBe("silent");
    expect(codeOf(() => findWord(new Float32Array(R), R))).toBe("silent");
    expect(codeOf(() => findWord(recording(random, 0.5, 0.03).x, R))).toBe("tooShort");
    expect(codeOf(() => findWord(recording(random, 0.2, MAX_WORD_SECONDS + 0.3).x, R))).toBe("tooLong");
    expect(codeOf(() => findWord(recording(random, 0.2, MAX_WORD_SECONDS - 0.3).x, R))).toBe("no error");
  });
});

describe("endpointing a stream", () => {
  const feed = (x: Float32Array, chunk: number): (EndpointEvent & { at: number })[] => {
    const e = new Endpointer();
    const out: (EndpointEvent & { at: number })[] = [];
    for (let at = 0; at < x.length; at += chunk) {
      for (const ev of e.push(x.subarray(at, at + chunk))) out.push({ ...ev, at: Math.min(x.length, at + chunk) });
    }
    return out;
  };

  it("starts at the word, pauses within one block of its end, and ends after the hangover", () => {
    const { x, start, end } = recording(seeded(3));
    const events = feed(x, 100);
    expect(events.map((e) => e.type)).toEqual(["start", "pause", "end"]);
    const [s, p, e] = events;
    if (s.type !== "start" || p.type !== "pause" || e.type !== "end") throw new Error("unreachable");
    expect(Math.abs(s.startSample - (start - PREROLL))).toBeLessThanOrEqual(2 * BLOCK);
    expect(Math.abs(p.endSample - end)).toBeLessThanOrEqual(BLOCK);
    // The pause is known as soon as the first quiet block is complete: within 2 blocks + one chunk of the end.
    expect(p.at - end).toBeLessThanOrEqual(2 * BLOCK + 100);
    expect(e.at - end).toBeGreaterThanOrEqual((HANGOVER_BLOCKS - 1) * BLOCK);
    expect(e.isTooShort).toBe(false);
  });

  it("takes a short gap inside a word (the closure in \"stop\") as a pause and a resume, not two words", () => {
    const random = seeded(4);
    const word = concat(tone(400, 0.2, R, 0.3), new Float32Array(Math.round(0.06 * R)), tone(2000, 0.05, R, 0.2));
    const x = mix(concat(new Float32Array(R / 2), word, new Float32Array(R / 2)), noise(1.31, R, 0.003, random));
    const types = feed(x, 128).map((e) => e.type);
    expect(types).toEqual(["start", "pause", "resume", "pause", "end"]);
  });

  it("hears two words with a silence between them as two", () => {
    const random = seeded(5);
    const a = recording(random).x, b = recording(random).x;
    const types = feed(concat(a, b), 333).map((e) => e.type).filter((t) => t === "end");
    expect(types).toHaveLength(2);
  });
});

describe("the listener", () => {
  it("hands over a word heard at 48 kHz with the features of the same 8 kHz samples, first provisionally", () => {
    const random = seeded(6);
    const { x, start, end } = recording(random);
    const at48k = resample(x, R, 48000);
    const heard: HeardWord[] = [];
    const listener = new Listener({ inputRate: 48000, onWord: (w) => heard.push(w) });
    for (let at = 0; at < at48k.length; at += 1024) listener.push(at48k.subarray(at, at + 1024));
    expect(heard.map((w) => w.isFinal)).toEqual([false, true]);
    const final = heard[1];
    // Its features are exactly those of its own samples computed offline (frames start at a hop boundary).
    expect(final.startSample % HOP_SIZE).toBe(0);
    const offline = speechFeatures(final.samples);
    expect(final.features.T).toBe(offline.T);
    let worst = 0;
    for (let i = 0; i < offline.data.length; i++) worst = Math.max(worst, Math.abs(final.features.data[i] - offline.data[i]));
    expect(worst).toBeLessThan(1e-5);
    // And it holds the word with its 80 ms lead-in and 60 ms after it, as a trimmed recording would.
    expect(Math.abs(final.samples.length - (end + 0.06 * R - (start - PREROLL)))).toBeLessThanOrEqual(2 * BLOCK);
    expect(Math.abs(final.startSample - (start - PREROLL))).toBeLessThanOrEqual(2 * BLOCK);
  });
});
