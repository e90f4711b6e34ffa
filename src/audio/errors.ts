// src/audio/errors.ts: the one error type of src/audio: a code the UI words (in English or Chinese) and the values involved.

export type AudioErrorCode =
  /** The learner (or the browser's settings) refused the microphone. */
  | "permissionDenied"
  /** No microphone is connected, or none fits the request. */
  | "noDevice"
  /** The microphone exists but another program holds it, or the system would not start it. */
  | "deviceBusy"
  /** This browser has no getUserMedia or no Web Audio (or the page is not served over https/localhost). */
  | "notSupported"
  /** Bytes that should be audio (a WAV file, the built-in pack) could not be decoded. */
  | "decodeFailed"
  /** A recording with no sound in it (its loudest part is below the silence threshold). */
  | "silent"
  /** A recording longer than a spoken word may be. */
  | "tooLong"
  /** A recording too short to hold a word. */
  | "tooShort"
  /** The browser's storage (IndexedDB) refused to keep or give back a recording. */
  | "storageFailed";

/** Something audio could not be done, with a code for the UI and the numbers that explain it. */
export class AudioError extends Error {
  readonly code: AudioErrorCode;
  /** Values a message may quote: lengths in seconds, levels in dBFS, limits. */
  readonly details: Readonly<Record<string, number | string>>;
  constructor(code: AudioErrorCode, message: string, details: Record<string, number | string> = {}) {
    super(message);
    this.name = "AudioError";
    this.code = code;
    this.details = details;
  }
}
