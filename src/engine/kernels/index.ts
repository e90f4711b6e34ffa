// src/engine/kernels/index.ts: picks the matrix-product backend. WebAssembly SIMD when it loaded, else TypeScript.
import { EngineError } from "../errors";
import { TsKernels } from "./ts";
import type { KernelName, Kernels } from "./types";
import { createWasmKernels, initWasmKernels, isWasmKernelsReady } from "./wasm";

export type { Kernels, KernelName } from "./types";
export type KernelChoice = KernelName | "auto";

/**
 * Compiles the WebAssembly SIMD kernels once (call at start-up; safe to call again).
 * Resolves to false where WebAssembly SIMD is unavailable: the TypeScript kernels are used then.
 */
export function initKernels(): Promise<boolean> {
  return initWasmKernels();
}

/** The backend `auto` resolves to right now. */
export function bestKernelName(): KernelName {
  return isWasmKernelsReady() ? "wasm-simd" : "ts";
}

export function createKernels(choice: KernelChoice, numFloats: number): Kernels {
  const name = choice === "auto" ? bestKernelName() : choice;
  if (name === "ts") return new TsKernels(numFloats);
  if (!isWasmKernelsReady()) {
    throw new EngineError("state", 'Kernels "wasm-simd" were asked for, but initKernels() has not loaded them (or this runtime lacks WebAssembly SIMD). Await initKernels() first, or use "ts".');
  }
  return createWasmKernels(numFloats);
}
