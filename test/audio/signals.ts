// test/audio/signals.ts: synthetic test signals with a seeded generator (tests never use Math.random).

/** splitmix32 in 0 … 1. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

/** A sine of `amplitude` at `hz`, `seconds` long, at `rate`, starting at phase `phase`. */
export function tone(hz: number, seconds: number, rate: number, amplitude = 0.5, phase = 0): Float32Array {
  const n = Math.round(seconds * rate);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = amplitude * Math.sin(2 * Math.PI * hz * (i / rate) + phase);
  return out;
}

/** Uniform white noise of peak `amplitude`. */
export function noise(seconds: number, rate: number, amplitude: number, random: () => number): Float32Array {
  const n = Math.round(seconds * rate);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = amplitude * (2 * random() - 1);
  return out;
}

/** The parts one after another. */
export function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** a + b sample by sample (b may be shorter). */
export function mix(a: Float32Array, b: Float32Array): Float32Array {
  const out = a.slice();
  for (let i = 0; i < Math.min(a.length, b.length); i++) out[i] += b[i];
  return out;
}
