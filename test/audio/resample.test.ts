// test/audio/resample.test.ts: rate conversion keeps what is below the new Nyquist frequency, removes what is above,
// and does not shift it in time.
import { Resampler, resample } from "../../src/audio/resample";
import { seeded, tone } from "./signals";

const rms = (x: Float32Array, from = 0, to = x.length): number => {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i] * x[i];
  return Math.sqrt(s / (to - from));
};

describe("resampling", () => {
  it("48 kHz → 8 kHz keeps a 440 Hz and a 3 kHz tone in amplitude and phase", () => {
    for (const hz of [440, 3000]) {
      const got = resample(tone(hz, 0.5, 48000, 0.5, 0.3), 48000, 8000);
      const want = tone(hz, 0.5, 8000, 0.5, 0.3);
      expect(got.length).toBe(want.length);
      // Away from the ends (where the kernel sees the silence before and after), the error is the window's ripple.
      let worst = 0;
      for (let i = 200; i < want.length - 200; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]));
      expect(worst, `${hz} Hz`).toBeLessThan(0.005);
    }
  });

  it("removes a 5 kHz tone (above the new 4 kHz Nyquist) instead of folding it to 3 kHz", () => {
    const got = resample(tone(5000, 0.5, 48000, 0.5), 48000, 8000);
    expect(rms(got, 200, got.length - 200) / (0.5 / Math.SQRT2)).toBeLessThan(0.01); // below −40 dB
  });

  it("8 kHz → 44.1 kHz → 8 kHz gives back the clip", () => {
    const random = seeded(5);
    const x = new Float32Array(4000);
    // Band-limited noise: random tones in the passband (the kernel starts to roll off above ~3.3 kHz at 8 kHz).
    for (let k = 0; k < 20; k++) {
      const hz = 100 + random() * 2900, phase = random() * 6.28;
      for (let i = 0; i < x.length; i++) x[i] += (0.03 * Math.sin(2 * Math.PI * hz * (i / 8000) + phase));
    }
    const back = resample(resample(x, 8000, 44100), 44100, 8000);
    expect(back.length).toBe(x.length);
    let e = 0;
    for (let i = 300; i < x.length - 300; i++) e = Math.max(e, Math.abs(back[i] - x[i]));
    expect(e / rms(x)).toBeLessThan(0.02);
  });

  it("chunk by chunk gives the same samples as in one go", () => {
    const random = seeded(9);
    const x = tone(700, 0.3, 48000, 0.4);
    const whole = resample(x, 48000, 8000);
    const r = new Resampler(48000, 8000);
    const parts: number[] = [];
    for (let at = 0; at < x.length; ) {
      const n = 1 + Math.floor(random() * 3000);
      parts.push(...r.push(x.subarray(at, at + n)));
      at += n;
    }
    parts.push(...r.flush());
    expect(parts.length).toBe(whole.length);
    for (let i = 0; i < whole.length; i++) expect(parts[i]).toBeCloseTo(whole[i], 6);
  });
});
