// src/engine/kernels/ts.ts: plain TypeScript matrix products, the reference every backend is tested against.
import type { Kernels } from "./types";

/** Loop orders keep every inner loop on contiguous memory (row-major operands); small register tiles reuse loads. */
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

  // 2×2 register tiles: each loaded element of A and B feeds two products, which roughly doubles plain-loop
  // throughput in V8. Every C entry is one running sum in k order.
  gemmNT(a: number, b: number, c: number, M: number, N: number, K: number, acc: boolean): void {
    const h = this.heap;
    let m = 0;
    for (; m + 1 < M; m += 2) {
      const a0 = a + m * K, a1 = a0 + K;
      const c0 = c + m * N, c1 = c0 + N;
      let n = 0;
      for (; n + 1 < N; n += 2) {
        const b0 = b + n * K, b1 = b0 + K;
        let s00 = 0, s01 = 0, s10 = 0, s11 = 0;
        for (let k = 0; k < K; k++) {
          const x0 = h[a0 + k], x1 = h[a1 + k], y0 = h[b0 + k], y1 = h[b1 + k];
          s00 += x0 * y0;
          s01 += x0 * y1;
          s10 += x1 * y0;
          s11 += x1 * y1;
        }
        if (acc) {
          h[c0 + n] += s00; h[c0 + n + 1] += s01; h[c1 + n] += s10; h[c1 + n + 1] += s11;
        } else {
          h[c0 + n] = s00; h[c0 + n + 1] = s01; h[c1 + n] = s10; h[c1 + n + 1] = s11;
        }
      }
      if (n < N) {
        const b0 = b + n * K;
        let s0 = 0, s1 = 0;
        for (let k = 0; k < K; k++) {
          const y = h[b0 + k];
          s0 += h[a0 + k] * y;
          s1 += h[a1 + k] * y;
        }
        h[c0 + n] = acc ? h[c0 + n] + s0 : s0;
        h[c1 + n] = acc ? h[c1 + n] + s1 : s1;
      }
    }
    if (m < M) {
      const a0 = a + m * K, c0 = c + m * N;
      for (let n = 0; n < N; n++) {
        const b0 = b + n * K;
        let s = 0;
        for (let k = 0; k < K; k++) s += h[a0 + k] * h[b0 + k];
        h[c0 + n] = acc ? h[c0 + n] + s : s;
      }
    }
  }

  // Two rows of C per pass share each loaded row of B. Every C entry still adds its terms in k order, so the
  // result is bit-identical to the WebAssembly kernel (the tests check that).
  gemmNN(a: number, b: number, c: number, M: number, N: number, K: number, acc: boolean): void {
    const h = this.heap;
    let m = 0;
    for (; m + 1 < M; m += 2) {
      const c0 = c + m * N, c1 = c0 + N;
      if (!acc) h.fill(0, c0, c1 + N);
      const a0 = a + m * K, a1 = a0 + K;
      for (let k = 0; k < K; k++) {
        const x0 = h[a0 + k], x1 = h[a1 + k];
        const bRow = b + k * N;
        for (let n = 0; n < N; n++) {
          const y = h[bRow + n];
          h[c0 + n] += x0 * y;
          h[c1 + n] += x1 * y;
        }
      }
    }
    if (m < M) {
      const cRow = c + m * N;
      if (!acc) h.fill(0, cRow, cRow + N);
      const aRow = a + m * K;
      for (let k = 0; k < K; k++) {
        const x = h[aRow + k];
        const bRow = b + k * N;
        for (let n = 0; n < N; n++) h[cRow + n] += x * h[bRow + n];
      }
    }
  }

  gemmTN(a: number, b: number, c: number, M: number, N: number, K: number, acc: boolean): void {
    const h = this.heap;
    if (!acc) h.fill(0, c, c + M * N);
    for (let k = 0; k < K; k++) {
      const aRow = a + k * M;
      const bRow = b + k * N;
      let m = 0;
      for (; m + 1 < M; m += 2) {
        const x0 = h[aRow + m], x1 = h[aRow + m + 1];
        const c0 = c + m * N, c1 = c0 + N;
        for (let n = 0; n < N; n++) {
          const y = h[bRow + n];
          h[c0 + n] += x0 * y;
          h[c1 + n] += x1 * y;
        }
      }
      if (m < M) {
        const x = h[aRow + m];
        const cRow = c + m * N;
        for (let n = 0; n < N; n++) h[cRow + n] += x * h[bRow + n];
      }
    }
  }
}
