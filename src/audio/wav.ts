// src/audio/wav.ts: RIFF/WAVE files to and from Float32 PCM: export of a recording, and the test's fake microphone.
import { AudioError } from "./errors";
import { mulawToLinear } from "./mulaw";

/** Mono PCM and its sample rate. */
export interface Pcm {
  readonly sampleRate: number;
  readonly samples: Float32Array;
}

/** A 16-bit mono WAV file of `samples` (−1 … 1, clipped beyond). */
export function encodeWav(samples: Float32Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const v = new DataView(bytes.buffer);
  const ascii = (at: number, s: string): void => {
    for (let i = 0; i < s.length; i++) v.setUint8(at + i, s.charCodeAt(i));
  };
  ascii(0, "RIFF");
  v.setUint32(4, 36 + samples.length * 2, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  v.setUint32(16, 16, true); // fmt chunk size
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, 1, true); // mono
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * 2, true); // bytes per second
  v.setUint16(32, 2, true); // bytes per frame
  v.setUint16(34, 16, true); // bits per sample
  ascii(36, "data");
  v.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]));
    v.setInt16(44 + i * 2, Math.min(32767, Math.round(s * 32768)), true);
  }
  return bytes;
}

const fail = (why: string): AudioError =>
  new AudioError("decodeFailed", `This file is not a WAV file we can read: ${why}.`, { why });

/**
 * Reads a WAV file: PCM 8/16/24/32-bit integer, 32/64-bit float, or 8-bit μ-law; any channel count (mixed to mono).
 * Throws AudioError "decodeFailed" saying what was wrong.
 */
export function decodeWav(data: ArrayBuffer | Uint8Array): Pcm {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || tag(0) !== "RIFF" || tag(8) !== "WAVE") throw fail("it does not start with RIFF…WAVE");
  let format = 0, channels = 0, sampleRate = 0, bits = 0;
  let dataAt = -1, dataLength = 0;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = tag(at);
    const size = v.getUint32(at + 4, true);
    const body = at + 8;
    if (id === "fmt ") {
      if (size < 16 || body + 16 > bytes.length) throw fail("its format chunk is cut short");
      format = v.getUint16(body, true);
      channels = v.getUint16(body + 2, true);
      sampleRate = v.getUint32(body + 4, true);
      bits = v.getUint16(body + 14, true);
      // WAVE_FORMAT_EXTENSIBLE: the real format code is the first two bytes of the sub-format GUID.
      if (format === 0xfffe && size >= 26) format = v.getUint16(body + 24, true);
    } else if (id === "data") {
      dataAt = body;
      // Streams written live may say 0 or 0xFFFFFFFF: take what is there.
      dataLength = Math.min(size, bytes.length - body);
      break;
    }
    at = body + size + (size & 1); // chunks are padded to an even length
  }
  if (channels === 0) throw fail("it has no format chunk");
  if (dataAt < 0) throw fail("it has no data chunk");
  if (sampleRate < 1000 || sampleRate > 384_000) throw fail(`its sample rate (${sampleRate} Hz) is out of range`);
  const read = sampleReader(v, format, bits);
  if (!read) throw fail(`format ${format} with ${bits} bits per sample is not supported (use 16-bit PCM)`);
  const frameBytes = (bits / 8) * channels;
  const n = Math.floor(dataLength / frameBytes);
  const samples = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += read(dataAt + i * frameBytes + c * (bits / 8));
    samples[i] = sum / channels;
  }
  return { sampleRate, samples };
}

function sampleReader(v: DataView, format: number, bits: number): ((at: number) => number) | null {
  if (format === 1 && bits === 8) return (at) => (v.getUint8(at) - 128) / 128;
  if (format === 1 && bits === 16) return (at) => v.getInt16(at, true) / 32768;
  if (format === 1 && bits === 24) {
    return (at) => ((v.getUint8(at) | (v.getUint8(at + 1) << 8) | (v.getInt8(at + 2) << 16)) / 8388608);
  }
  if (format === 1 && bits === 32) return (at) => v.getInt32(at, true) / 2147483648;
  if (format === 3 && bits === 32) return (at) => v.getFloat32(at, true);
  if (format === 3 && bits === 64) return (at) => v.getFloat64(at, true);
  if (format === 7 && bits === 8) return (at) => mulawToLinear(v.getUint8(at)) / 32768;
  return null;
}
