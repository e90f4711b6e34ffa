// src/engine/errors.ts: the one error type the engine throws; the UI words the sentence from `code`.

export type EngineErrorCode =
  | "config" // a model or training setting is out of range
  | "shape" // an array has the wrong length or shape
  | "value" // a number is not finite, or a class index is out of range
  | "model-file" // an imported model file is malformed or does not fit
  | "state"; // the call does not fit the network's current state

/** Thrown for every bad input. `message` says what was wrong and what was expected. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  constructor(code: EngineErrorCode, message: string) {
    super(message);
    this.name = "EngineError";
    this.code = code;
  }
}
