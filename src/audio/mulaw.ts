// src/audio/mulaw.ts: G.711 μ-law, 8 bits per sample: how the built-in clips are stored (half the size of 16-bit).
//
// The codec is the ITU-T G.711 one (14-bit linear in, bias 0x84, segment + 4-bit mantissa, bits inverted), so any
// tool that reads μ-law (sox, Audacity, Web Audio via a WAV header) reads the same values.

const BIAS = 0x84; // 132: added so that every segment's lowest value has a leading 1
const CLIP = 32635; // largest magnitude that still fits after the bias

/** One 16-bit linear sample (−32768 … 32767) to a μ-law byte. */
export function linearToMulaw(sample: number): number {
  let s = Math.max(-32768, Math.min(32767, Math.round(sample)));
  const sign = s < 0 ? 0x80 : 0;
  if (s < 0) s = -s;
  if (s > CLIP) s = CLIP;
  s += BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (s & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (s >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

/** A μ-law byte to its 16-bit linear value. */
export function mulawToLinear(byte: number): number {
  const u = ~byte & 0xff;
  const exponent = (u >> 4) & 0x07;
  const mantissa = u & 0x0f;
  const magnitude = (((mantissa << 3) + BIAS) << exponent) - BIAS;
  return (u & 0x80) !== 0 ? -magnitude : magnitude;
}

/** The 256 decoded values, scaled to −1 … 1 (built once: decoding a clip is then one table look-up per sample). */
const TABLE = new Float32Array(256);
for (let b = 0; b < 256; b++) TABLE[b] = mulawToLinear(b) / 32768;

/** μ-law bytes to Float32 PCM in −1 … 1. `out` may be given to avoid allocating. */
export function decodeMulaw(bytes: Uint8Array, out = new Float32Array(bytes.length)): Float32Array {
  for (let i = 0; i < bytes.length; i++) out[i] = TABLE[bytes[i]];
  return out;
}

/** Float32 PCM in −1 … 1 to μ-law bytes (values beyond ±1 are clipped). */
export function encodeMulaw(pcm: Float32Array): Uint8Array {
  const out = new Uint8Array(pcm.length);
  for (let i = 0; i < pcm.length; i++) out[i] = linearToMulaw(pcm[i] * 32768);
  return out;
}
