// src/audio/pack.ts: the built-in speech set (public/data/speech/): its index, checked, and its clips decoded to PCM.
import { AudioError } from "./errors";
import { decodeMulaw } from "./mulaw";

export const SPEECH_PACK_FORMAT = "rnn-notebook/speech-pack@1";

export type Split = "train" | "test";

/** index.json as scripts/data/make_speech.ts writes it. */
export interface SpeechPackIndex {
  readonly format: typeof SPEECH_PACK_FORMAT;
  readonly sampleRate: number;
  readonly encoding: "mulaw";
  /** The binary file beside index.json: every clip's μ-law bytes, in the order of `clips`. */
  readonly file: string;
  readonly bytes: number;
  readonly words: readonly string[];
  /** espeak-ng voice names ("en-gb-scotland+f4") and the split each one's clips belong to. */
  readonly voices: readonly { readonly name: string; readonly split: Split }[];
  /** Per clip: [word index, voice index, number of samples]. */
  readonly clips: readonly (readonly [number, number, number])[];
}

/** One decoded clip. */
export interface SpeechClip {
  readonly word: number;
  readonly voice: number;
  readonly split: Split;
  readonly samples: Float32Array;
}

export interface SpeechPack {
  readonly sampleRate: number;
  readonly words: readonly string[];
  readonly voices: readonly { readonly name: string; readonly split: Split }[];
  readonly clips: readonly SpeechClip[];
}

const bad = (why: string): AudioError =>
  new AudioError("decodeFailed", `The built-in speech set is damaged: ${why}. Reload the page; if it persists, the site's files are incomplete.`, { why });

const isCount = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x) && x >= 0;

/** Checks a parsed index.json; throws AudioError "decodeFailed" naming the first thing wrong. */
export function parseSpeechIndex(json: unknown): SpeechPackIndex {
  if (typeof json !== "object" || json === null) throw bad("index.json is not an object");
  const o = json as Record<string, unknown>;
  if (o.format !== SPEECH_PACK_FORMAT) throw bad(`index.json has format ${JSON.stringify(o.format)}, not "${SPEECH_PACK_FORMAT}"`);
  if (o.encoding !== "mulaw") throw bad(`encoding ${JSON.stringify(o.encoding)} is not "mulaw"`);
  if (!isCount(o.sampleRate) || o.sampleRate < 1000) throw bad("sampleRate is not a rate in Hz");
  if (typeof o.file !== "string" || !/^[\w.-]+$/.test(o.file)) throw bad("file is not a plain file name");
  if (!isCount(o.bytes)) throw bad("bytes is not a count");
  const words = o.words, voices = o.voices, clips = o.clips;
  if (!Array.isArray(words) || words.length < 2 || !words.every((w) => typeof w === "string" && w.length > 0)) {
    throw bad("words is not a list of at least two words");
  }
  if (
    !Array.isArray(voices) ||
    !voices.every((v: unknown) => {
      const r = v as { name?: unknown; split?: unknown } | null;
      return typeof r === "object" && r !== null && typeof r.name === "string" && (r.split === "train" || r.split === "test");
    })
  ) {
    throw bad("voices is not a list of { name, split }");
  }
  if (!Array.isArray(clips)) throw bad("clips is not a list");
  let total = 0;
  for (let i = 0; i < clips.length; i++) {
    const c: unknown = clips[i];
    if (!Array.isArray(c) || c.length !== 3 || !c.every(isCount)) throw bad(`clip ${i} is not [word, voice, samples]`);
    const [w, v, n] = c as [number, number, number];
    if (w >= words.length) throw bad(`clip ${i} names word ${w}, but there are ${words.length}`);
    if (v >= voices.length) throw bad(`clip ${i} names voice ${v}, but there are ${voices.length}`);
    if (n === 0) throw bad(`clip ${i} is empty`);
    total += n;
  }
  if (total !== o.bytes) throw bad(`the clips add up to ${total} samples, but bytes says ${o.bytes}`);
  return o as unknown as SpeechPackIndex;
}

/** Decodes every clip of `bytes` (the pack's binary file) to Float32 PCM. */
export function decodeSpeechPack(index: SpeechPackIndex, bytes: Uint8Array): SpeechPack {
  if (bytes.length !== index.bytes) {
    throw bad(`${index.file} has ${bytes.length} bytes, but index.json expects ${index.bytes}`);
  }
  const clips: SpeechClip[] = [];
  let at = 0;
  for (const [word, voice, n] of index.clips) {
    clips.push({ word, voice, split: index.voices[voice].split, samples: decodeMulaw(bytes.subarray(at, at + n)) });
    at += n;
  }
  return { sampleRate: index.sampleRate, words: index.words, voices: index.voices, clips };
}

/**
 * Fetches and decodes the built-in set. `baseUrl` is the folder holding index.json (the site's "data/speech/",
 * resolved against the page). Network or parse failures become AudioError "decodeFailed".
 */
export async function loadSpeechPack(baseUrl: string | URL, fetcher: typeof fetch = fetch): Promise<SpeechPack> {
  const base = new URL(String(baseUrl).replace(/\/?$/, "/"), globalThis.location?.href);
  const get = async (name: string): Promise<Response> => {
    let r: Response;
    try {
      r = await fetcher(new URL(name, base));
    } catch (e) {
      throw bad(`${name} could not be fetched (${e instanceof Error ? e.message : String(e)})`);
    }
    if (!r.ok) throw bad(`${name} could not be fetched (HTTP ${r.status})`);
    return r;
  };
  let json: unknown;
  try {
    json = await (await get("index.json")).json();
  } catch (e) {
    throw e instanceof AudioError ? e : bad("index.json is not JSON");
  }
  const index = parseSpeechIndex(json);
  const bytes = new Uint8Array(await (await get(index.file)).arrayBuffer());
  return decodeSpeechPack(index, bytes);
}
