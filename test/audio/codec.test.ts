// test/audio/codec.test.ts: μ-law and WAV: what the built-in pack and exported recordings are stored as.
import { AudioError } from "../../src/audio/errors";
import { decodeMulaw, encodeMulaw, linearToMulaw, mulawToLinear } from "../../src/audio/mulaw";
import { decodeWav, encodeWav } from "../../src/audio/wav";
import { seeded, tone } from "./signals";

describe("G.711 μ-law", () => {
  it("decodes every byte to a value that encodes back to the same byte (0x7F and 0xFF both mean 0)", () => {
    for (let b = 0; b < 256; b++) {
      const back = linearToMulaw(mulawToLinear(b));
      expect(back === b || (mulawToLinear(b) === 0 && back === 0xff), `byte ${b}`).toBe(true);
    }
  });

  it("follows the continuous μ-law curve (μ = 255): each value lands within about one of its 256 codes", () => {
    // G.711 is an 8-segment piecewise-linear approximation of y = sign(x)·ln(1 + μ|x|)/ln(1 + μ): in y the 256
    // codes are 1/128 apart, so a right codec's error in y stays near one code; a wrong segment or bias is far off.
    const compress = (x: number): number => (Math.sign(x) * Math.log1p(255 * Math.abs(x))) / Math.log1p(255);
    const random = seeded(1);
    for (let k = 0; k < 2000; k++) {
      const x = (2 * random() - 1) * 0.99;
      const decoded = decodeMulaw(encodeMulaw(Float32Array.of(x)))[0];
      expect(Math.abs(compress(decoded) - compress(x)), `x = ${x}`).toBeLessThan(1.3 / 128);
      // The encoder truncates: at most one step, which is 1/16 of the segment's lowest value, + 8 LSB in segment 0.
      expect(Math.abs(decoded - x), `x = ${x}`).toBeLessThanOrEqual(Math.abs(x) / 16 + 8 / 32768);
    }
  });

  it("keeps a tone at about 38 dB signal-to-noise (8-bit μ-law's textbook figure)", () => {
    const x = tone(440, 0.5, 8000, 0.5);
    const y = decodeMulaw(encodeMulaw(x));
    let s = 0, e = 0;
    for (let i = 0; i < x.length; i++) {
      s += x[i] ** 2;
      e += (x[i] - y[i]) ** 2;
    }
    const snr = 10 * Math.log10(s / e);
    expect(snr).toBeGreaterThan(35);
    expect(snr).toBeLessThan(45);
  });
});

describe("WAV files", () => {
  it("round-trips 16-bit mono within half a step", () => {
    const x = tone(300, 0.1, 16000, 0.9);
    const { sampleRate, samples } = decodeWav(encodeWav(x, 16000));
    expect(sampleRate).toBe(16000);
    expect(samples.length).toBe(x.length);
    for (let i = 0; i < x.length; i++) expect(Math.abs(samples[i] - x[i])).toBeLessThanOrEqual(0.5 / 32768 + 1e-9);
  });

  it("mixes stereo 16-bit to mono and skips chunks it does not know", () => {
    const n = 4;
    const bytes = new Uint8Array(12 + 8 + 4 + 8 + 16 + 8 + n * 4);
    const v = new DataView(bytes.buffer);
    const put = (at: number, s: string): void => {
      for (let i = 0; i < s.length; i++) v.setUint8(at + i, s.charCodeAt(i));
    };
    put(0, "RIFF"); v.setUint32(4, bytes.length - 8, true); put(8, "WAVE");
    put(12, "LIST"); v.setUint32(16, 4, true); put(20, "INFO");
    put(24, "fmt "); v.setUint32(28, 16, true);
    v.setUint16(32, 1, true); v.setUint16(34, 2, true); v.setUint32(36, 44100, true);
    v.setUint32(40, 44100 * 4, true); v.setUint16(44, 4, true); v.setUint16(46, 16, true);
    put(48, "data"); v.setUint32(52, n * 4, true);
    for (let i = 0; i < n; i++) {
      v.setInt16(56 + i * 4, 16384, true); // left 0.5
      v.setInt16(58 + i * 4, -8192, true); // right −0.25
    }
    const { sampleRate, samples } = decodeWav(bytes);
    expect(sampleRate).toBe(44100);
    expect(Array.from(samples)).toEqual([0.125, 0.125, 0.125, 0.125]);
  });

  it("refuses what is not a WAV file with decodeFailed and the reason", () => {
    const notWav = new TextEncoder().encode("ID3 this is an mp3, really");
    expect(() => decodeWav(notWav)).toThrow(AudioError);
    expect(() => decodeWav(notWav)).toThrow(/does not start with RIFF/);
    const cut = encodeWav(tone(300, 0.01, 8000), 8000).slice(0, 30); // fmt chunk cut in the middle
    try {
      decodeWav(cut);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AudioError);
      expect((e as AudioError).code).toBe("decodeFailed");
      expect((e as AudioError).message).toMatch(/format chunk is cut short/);
    }
  });
});

describe("error messages", () => {
  it("word every audio error in English and Chinese with its numbers filled in", async () => {
    const { audioErrorMsg, AUDIO_ERRORS } = await import("../../src/audio/messages");
    const { findWord } = await import("../../src/audio/level");
    let error: unknown;
    try {
      findWord(new Float32Array(8000).fill(0.001), 8000);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AudioError);
    const msg = audioErrorMsg(error as AudioError);
    expect(msg.en).toMatch(/silent \(its loudest part is -60 dBFS\)/);
    expect(msg.zh).toMatch(/最响处为 -60 dBFS/);
    for (const [code, entry] of Object.entries(AUDIO_ERRORS)) {
      expect(entry.en.length, code).toBeGreaterThan(20);
      expect(entry.zh, code).toMatch(/[\u4e00-\u9fff]/);
      // Both languages use the same placeholders.
      const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(names(entry.zh), code).toEqual(names(entry.en));
    }
  });
});
