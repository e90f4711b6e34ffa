// src/audio/resample.ts: sample-rate conversion by windowed-sinc interpolation, in one go or chunk by chunk.
//
// Output sample k is the band-limited input at time k·(inRate/outRate): Σ_j x[j]·h(t − j), where h is a
// low-pass sinc (cutoff 0.46 × the lower of the two rates, so that nothing folds back when going down) under a Hann
// window of ZERO_CROSSINGS lobes each side. The kernel is tabulated once per converter and read by linear
// interpolation. Zero phase: a sound at input time t is at output time t, so offline and live features line up.

const ZERO_CROSSINGS = 12;
const TABLE_STEPS = 512; // table entries per input sample

export class Resampler {
  readonly inRate: number;
  readonly outRate: number;
  private readonly step: number; // input samples per output sample
  private readonly halfWidth: number; // kernel half-width in input samples
  private readonly table: Float64Array; // h at 0, 1/TABLE_STEPS, …, halfWidth
  private history = new Float32Array(0); // input samples [historyStart, historyStart + history.length)
  private historyStart = 0;
  private produced = 0; // output samples made so far
  private received = 0; // input samples received so far

  constructor(inRate: number, outRate: number) {
    if (!(inRate > 0 && outRate > 0)) throw new RangeError(`Sample rates must be positive (got ${inRate} and ${outRate}).`);
    this.inRate = inRate;
    this.outRate = outRate;
    this.step = inRate / outRate;
    const cutoff = 0.46 * Math.min(1, outRate / inRate); // cycles per input sample
    this.halfWidth = ZERO_CROSSINGS / (2 * cutoff);
    const n = Math.ceil(this.halfWidth * TABLE_STEPS) + 2;
    this.table = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x = i / TABLE_STEPS;
      if (x >= this.halfWidth) continue;
      const sinc = x === 0 ? 1 : Math.sin(2 * Math.PI * cutoff * x) / (2 * Math.PI * cutoff * x);
      this.table[i] = 2 * cutoff * sinc * 0.5 * (1 + Math.cos((Math.PI * x) / this.halfWidth));
    }
  }

  private kernel(x: number): number {
    const p = Math.abs(x) * TABLE_STEPS;
    const i = Math.floor(p);
    if (i + 1 >= this.table.length) return 0;
    return this.table[i] + (p - i) * (this.table[i + 1] - this.table[i]);
  }

  /** Converts the next chunk; returns the output samples now complete (they lag the input by the kernel's half-width). */
  push(chunk: Float32Array): Float32Array {
    const joined = new Float32Array(this.history.length + chunk.length);
    joined.set(this.history);
    joined.set(chunk, this.history.length);
    this.received += chunk.length;
    return this.drain(joined, this.received);
  }

  /** Ends the stream: the last outputs, computed as if silence followed. Returns them. */
  flush(): Float32Array {
    const total = Math.ceil((this.received * this.outRate) / this.inRate);
    const pad = Math.ceil(this.halfWidth) + 1;
    const joined = new Float32Array(this.history.length + pad);
    joined.set(this.history);
    const out = this.drain(joined, this.received + pad);
    return out.subarray(0, Math.max(0, Math.min(out.length, total - (this.produced - out.length))));
  }

  private drain(input: Float32Array, available: number): Float32Array {
    const start = this.historyStart;
    const out: number[] = [];
    for (;;) {
      const t = this.produced * this.step;
      if (t + this.halfWidth >= available) break;
      const lo = Math.max(0, Math.ceil(t - this.halfWidth)), hi = Math.floor(t + this.halfWidth);
      let sum = 0;
      for (let j = lo; j <= hi; j++) {
        const k = j - start;
        if (k >= 0 && k < input.length) sum += input[k] * this.kernel(t - j);
      }
      out.push(sum);
      this.produced++;
    }
    // Keep what the next outputs still need.
    const keepFrom = Math.max(start, Math.ceil(this.produced * this.step - this.halfWidth) - 1);
    this.history = input.slice(keepFrom - start);
    this.historyStart = keepFrom;
    return Float32Array.from(out);
  }
}

/** Converts a whole clip from one rate to another (same length in seconds, rounded up). */
export function resample(samples: Float32Array, inRate: number, outRate: number): Float32Array {
  if (inRate === outRate) return samples.slice();
  const r = new Resampler(inRate, outRate);
  const a = r.push(samples), b = r.flush();
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
