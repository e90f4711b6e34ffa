// src/worker/kit/cost.ts: what one training step costs, estimated before it runs (to warn, and to pace the watchdog).

/**
 * Floating-point operations per second assumed for the estimate: the plain TypeScript kernels on a slow laptop
 * core (the WebAssembly SIMD ones are several times faster, so the estimate errs on the slow side).
 */
export const ASSUMED_FLOPS = 2e9;
/** A step expected to take longer than this is worth a word before training starts. */
export const SLOW_STEP_MS = 1000;
/** A step expected to take longer than this cannot be trained interactively: Train is refused, with the figure. */
export const TOO_SLOW_STEP_MS = 20_000;

/**
 * Milliseconds for one optimiser step of a network with `numParams` weights over T steps × B sequences: forward,
 * backward through time and the update cost about 6 multiply-adds per weight per token.
 */
export function estimateStepMs(numParams: number, T: number, B: number): number {
  return (6 * numParams * T * B * 1000) / ASSUMED_FLOPS;
}
