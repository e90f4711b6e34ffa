// src/engine/kernels/types.ts: the contract every matrix-product backend implements.
//
// All operands live in one float64 heap (the arena); arguments are element offsets into it, so the
// WebAssembly backend reads the same memory the TypeScript code writes, with no copies. Matrices are
// row-major and dense (leading dimension = column count).

export interface Kernels {
  /** "ts" (plain TypeScript, the reference) or "wasm-simd" (WebAssembly f64x2). */
  readonly name: KernelName;
  /** The arena. Replaced when the arena grows: read it after every `grow`, never keep a copy across one. */
  readonly heap: Float64Array;
  /** Makes the heap at least `numFloats` long, keeping its contents. */
  grow(numFloats: number): void;
  /** C[M][N] = (acc ? C : 0) + A[M][K] · B[N][K]^T   (x W^T: a batch of rows times a weight matrix) */
  gemmNT(a: number, b: number, c: number, M: number, N: number, K: number, acc: boolean): void;
  /** C[M][N] = (acc ? C : 0) + A[M][K] · B[K][N]     (dPre W: gradients flowing back to the inputs) */
  gemmNN(a: number, b: number, c: number, M: number, N: number, K: number, acc: boolean): void;
  /** C[M][N] = (acc ? C : 0) + A[K][M]^T · B[K][N]   (dPre^T X: weight gradients summed over rows) */
  gemmTN(a: number, b: number, c: number, M: number, N: number, K: number, acc: boolean): void;
}

export type KernelName = "ts" | "wasm-simd";
