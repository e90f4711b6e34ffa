// src/audio/resample.ts: sample-rate conversion by windowed-sinc interpolation, in one go or chunk by chunk.
//
// Output sample k is the band-limited input at time k·(inRate/outRate): Σ_j x[j]·h(t − j), where h is a
// low-pass sinc (cutoff 0.46 × the lower of the two rates, so that nothing folds back when going down) under a Hann
// window of ZERO_CROSSINGS lobes each side. The kernel is tabulated once per converter and read by linear
// interpolation. Zero phase: a sound at input time t is at output time t, so offline and live features line up.

const ZERO_CROSSINGS = 12;
const TABLE_STEPS = 512; // table entries per input sample

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
/** Most kernel phases precomputed (44.1 → 8 kHz needs 80, 11.025 → 8 kHz 320); beyond, taps are interpolated. */
const MAX_PHASES = 4096;

export class Resampler {
  readonly inRate: number;
  readonly outRate: number;
  private readonly halfWidth: number; // kernel half-width in input samples
  private readonly taps: number; // W: taps on each side of the output time
  private readonly table: Float64Array; // h at 0, 1/TABLE_STEPS, …, halfWidth
  /** For integer rates: output k sits at input time i0 + r/outRate; phases[r / g] holds its 2W weights. */
  private readonly phases: Float32Array[] | null;
  private readonly g: number;
  private buffer = new Float32Array(4096); // input samples [bufferStart, bufferStart + bufferLength)
  private bufferStart = 0;
  private bufferLength = 0;
  private produced = 0; // output samples made so far
  private received = 0; // input samples received so far

  constructor(inRate: number, outRate: number) {
    if (!(inRate > 0 && outRate > 0)) throw new RangeError(`Sample rates must be positive (got ${inRate} and ${outRate}).`);
    this.inRate = inRate;
    this.outRate = outRate;
    const cutoff = 0.46 * Math.min(1, outRate / inRate); // cycles per input sample
    this.halfWidth = ZERO_CROSSINGS / (2 * cutoff);
    this.taps = Math.ceil(this.halfWidth);
    const n = Math.ceil(this.halfWidth * TABLE_STEPS) + 2;
    this.table = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x = i / TABLE_STEPS;
      if (x >= this.halfWidth) continue;
      const sinc = x === 0 ? 1 : Math.sin(2 * Math.PI * cutoff * x) / (2 * Math.PI * cutoff * x);
      this.table[i] = 2 * cutoff * sinc * 0.5 * (1 + Math.cos((Math.PI * x) / this.halfWidth));
    }
    const integral = Number.isInteger(inRate) && Number.isInteger(outRate);
    this.g = integral ? gcd(inRate, outRate) : 1;
    const count = outRate / this.g;
    if (integral && count <= MAX_PHASES) {
      this.phases = [];
      for (let p = 0; p < count; p++) {
        const frac = (p * this.g) / outRate;
        const w = new Float32Array(2 * this.taps);
        // Tap m reads input i0 − W + 1 + m, at distance frac + W − 1 − m from the output time.
        for (let m = 0; m < w.length; m++) w[m] = this.kernel(frac + this.taps - 1 - m);
        this.phases.push(w);
      }
    } else {
      this.phases = null;
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
    this.append(chunk);
    this.received += chunk.length;
    return this.drain();
  }

  /** Ends the stream: the last outputs, computed as if silence followed. Returns them. */
  flush(): Float32Array {
    const total = Math.ceil((this.received * this.outRate) / this.inRate);
    this.append(new Float32Array(this.taps + 1));
    const before = this.produced;
    const out = this.drain();
    return out.subarray(0, Math.max(0, Math.min(out.length, total - before)));
  }

  private append(chunk: Float32Array): void {
    if (this.bufferLength + chunk.length > this.buffer.length) {
      const grown = new Float32Array(Math.max(2 * this.buffer.length, this.bufferLength + chunk.length));
      grown.set(this.buffer.subarray(0, this.bufferLength));
      this.buffer = grown;
    }
    this.buffer.set(chunk, this.bufferLength);
    this.bufferLength += chunk.length;
  }

  private drain(): Float32Array {
    const W = this.taps, buf = this.buffer, start = this.bufferStart;
    const available = start + this.bufferLength;
    const out = new Float32Array(Math.max(0, Math.ceil(((available - this.produced * (this.inRate / this.outRate)) * this.outRate) / this.inRate) + 1));
    let n = 0;
    for (;;) {
      // Output k is at input time k·inRate/outRate = i0 + r/outRate (exact in integers for integer rates).
      const num = this.produced * this.inRate;
      const i0 = Math.floor(num / this.outRate);
      if (i0 + W >= available || n >= out.length) break;
      const first = i0 - W + 1; // input index of tap 0
      let sum = 0;
      if (this.phases) {
        const w = this.phases[Math.round((num - i0 * this.outRate) / this.g)];
        for (let m = Math.max(0, -first); m < w.length; m++) sum += buf[first + m - start] * w[m];
      } else {
        const t = num / this.outRate;
        for (let j = Math.max(0, first); j <= i0 + W; j++) sum += buf[j - start] * this.kernel(t - j);
      }
      out[n++] = sum;
      this.produced++;
    }
    // Drop what the next outputs no longer need.
    const nextFirst = Math.floor((this.produced * this.inRate) / this.outRate) - W + 1;
    const drop = Math.max(0, Math.min(this.bufferLength, nextFirst - start));
    if (drop > 0) {
      buf.copyWithin(0, drop, this.bufferLength);
      this.bufferLength -= drop;
      this.bufferStart += drop;
    }
    return out.subarray(0, n);
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
