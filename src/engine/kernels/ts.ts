// src/engine/kernels/ts.ts: plain TypeScript matrix products, the reference every backend is tested against.
import type { Kernels } from "./types";

/** Loop orders keep every inner loop on contiguous memory (row-major operands). */
export class TsKernels implements Kernels {
  readonly name = "ts" as const;
  heap: Float64Array;

  constructor(numFloats: number) {
    this.heap = new Float64Array(numFloats);
  }

  grow(numFloats: number): void {
    if (numFloats <= this.heap.length) return;
    const next = new Float64Array(numFloats);
    next.set(this.heap);
    this.heap = next;
  }

  gemmNT(a: number, b: number, c: number, M: number, N: number, K: number, acc: boolean): void {
    const h = this.heap;
    for (let m = 0; m < M; m++) {
      const aRow = a + m * K;
      const cRow = c + m * N;
      for (let n = 0; n < N; n++) {
        const bRow = b + n * K;
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        let k = 0;
        for (; k + 3 < K; k += 4) {
          s0 += h[aRow + k] * h[bRow + k];
          s1 += h[aRow + k + 1] * h[bRow + k + 1];
          s2 += h[aRow + k + 2] * h[bRow + k + 2];
          s3 += h[aRow + k + 3] * h[bRow + k + 3];
        }
        for (; k < K; k++) s0 += h[aRow + k] * h[bRow + k];
        const s = s0 + s1 + (s2 + s3);
        h[cRow + n] = acc ? h[cRow + n] + s : s;
      }
    }
  }

  gemmNN(a: number, b: number, c: number, M: number, N: number, K: number, acc: boolean): void {
    const h = this.heap;
    for (let m = 0; m < M; m++) {
      const cRow = c + m * N;
      if (!acc) h.fill(0, cRow, cRow + N);
      const aRow = a + m * K;
      for (let k = 0; k < K; k++) {
        const av = h[aRow + k];
        const bRow = b + k * N;
        for (let n = 0; n < N; n++) h[cRow + n] += av * h[bRow + n];
      }
    }
  }

  gemmTN(a: number, b: number, c: number, M: number, N: number, K: number, acc: boolean): void {
    const h = this.heap;
    if (!acc) h.fill(0, c, c + M * N);
    for (let k = 0; k < K; k++) {
      const aRow = a + k * M;
      const bRow = b + k * N;
      for (let m = 0; m < M; m++) {
        const av = h[aRow + m];
        const cRow = c + m * N;
        for (let n = 0; n < N; n++) h[cRow + n] += av * h[bRow + n];
      }
    }
  }
}
