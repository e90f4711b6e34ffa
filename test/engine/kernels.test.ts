// test/engine/kernels.test.ts: the WebAssembly SIMD kernels against the TypeScript reference kernels.
import { createKernels, initKernels, type Kernels } from "../../src/engine/kernels";
import { TsKernels } from "../../src/engine/kernels/ts";
import { Rng } from "../../src/engine/rng";

type Op = "gemmNT" | "gemmNN" | "gemmTN";
interface Case { op: Op; M: number; N: number; K: number }

// Only summation order may differ between the backends (both use separately rounded IEEE multiplies and
// adds; gemmNT splits a dot product over two SIMD lanes). Reordering a sum of K products moves its rounding
// error by at most about K·2⁻⁵³·Σ|aₖbₖ| and typically √K·2⁻⁵³·Σ|aₖbₖ| ≈ 3e-15 of it for K = 800, so the
// difference is measured against Σ|aₖbₖ| (plus |C| when accumulating): a plain relative error on C itself
// would blow up on cancellation, which says nothing about the kernels.
const REL_TOL = 1e-14;

/** Element count of each operand, row-major as documented in kernels/types.ts. */
function sizes({ op, M, N, K }: Case): { a: number; b: number; c: number } {
  if (op === "gemmNT") return { a: M * K, b: N * K, c: M * N };
  if (op === "gemmNN") return { a: M * K, b: K * N, c: M * N };
  return { a: K * M, b: K * N, c: M * N };
}

/** The per-element scale Σ|A(m,k)·B(k,n)| (+|C| when accumulating) the rounding error is relative to. */
function errorScale(h: Float64Array, x: Case, a: number, b: number, c: number, acc: boolean): Float64Array {
  const { op, M, N, K } = x;
  const out = new Float64Array(M * N);
  for (let m = 0; m < M; m++) {
    for (let n = 0; n < N; n++) {
      let s = acc ? Math.abs(h[c + m * N + n]) : 0;
      for (let k = 0; k < K; k++) {
        const av = op === "gemmTN" ? h[a + k * M + m] : h[a + m * K + k];
        const bv = op === "gemmNT" ? h[b + n * K + k] : h[b + k * N + n];
        s += Math.abs(av * bv);
      }
      out[m * N + n] = s;
    }
  }
  return out;
}

interface Run { ts: Float64Array; wasm: Float64Array; scale: Float64Array; untouchedOk: boolean }

/** Lays the operands out at random, non-overlapping, nonzero offsets; fills both arenas identically; runs the op. */
function runBoth(wasm: Kernels, x: Case, acc: boolean, rng: Rng): Run {
  const s = sizes(x);
  const gap = (): number => 1 + rng.int(9);
  const a = gap();
  const b = a + s.a + gap();
  const c = b + s.b + gap();
  const end = c + s.c + gap();
  const ts = new TsKernels(end);
  wasm.grow(end);
  for (let i = 0; i < end; i++) ts.heap[i] = rng.uniform(-1, 1);
  wasm.heap.set(ts.heap.subarray(0, end));
  const scale = errorScale(ts.heap, x, a, b, c, acc);
  ts[x.op](a, b, c, x.M, x.N, x.K, acc);
  wasm[x.op](a, b, c, x.M, x.N, x.K, acc);
  // Everything outside C (inputs, gaps, the edges just past C) must be left exactly as it was.
  let untouchedOk = true;
  for (let i = 0; i < end; i++) {
    if ((i < c || i >= c + s.c) && wasm.heap[i] !== ts.heap[i]) untouchedOk = false;
  }
  return { ts: ts.heap.slice(c, c + s.c), wasm: wasm.heap.slice(c, c + s.c), scale, untouchedOk };
}

/** Largest |wasm − ts| / scale over C. */
function worstError(r: Run): number {
  let worst = 0;
  for (let i = 0; i < r.ts.length; i++) {
    const err = Math.abs(r.wasm[i] - r.ts[i]) / (r.scale[i] || 1);
    if (!(err <= worst)) worst = err; // NaN counts as worst
  }
  return worst;
}

function bitIdentical(r: Run): boolean {
  return r.ts.every((v, i) => Object.is(v, r.wasm[i]));
}

// The engine's real shapes: char model (B=32, H=128, LSTM 4H=512 / GRU 3H=384, V=O=65, T*B=800 rows) and the
// sine model (B=16 or 1, H=32, 4H=128 / 3H=96, D=1, T*B=400 rows).
const REAL: Case[] = [
  // x W^T: recurrent step, input projection over all rows, output layer, sine step and the D=1 input.
  { op: "gemmNT", M: 32, N: 512, K: 128 }, { op: "gemmNT", M: 32, N: 384, K: 128 },
  { op: "gemmNT", M: 800, N: 512, K: 65 }, { op: "gemmNT", M: 800, N: 65, K: 128 },
  { op: "gemmNT", M: 16, N: 128, K: 32 }, { op: "gemmNT", M: 16, N: 96, K: 32 },
  { op: "gemmNT", M: 1, N: 128, K: 32 }, { op: "gemmNT", M: 1, N: 512, K: 128 },
  { op: "gemmNT", M: 16, N: 128, K: 1 }, { op: "gemmNT", M: 400, N: 1, K: 32 },
  // dPre W: gradients back to h and to the inputs.
  { op: "gemmNN", M: 32, N: 128, K: 512 }, { op: "gemmNN", M: 32, N: 128, K: 384 },
  { op: "gemmNN", M: 800, N: 128, K: 65 }, { op: "gemmNN", M: 800, N: 65, K: 512 },
  { op: "gemmNN", M: 16, N: 32, K: 128 }, { op: "gemmNN", M: 1, N: 32, K: 96 },
  { op: "gemmNN", M: 16, N: 1, K: 128 }, { op: "gemmNN", M: 1, N: 128, K: 512 },
  // dPre^T X: weight gradients summed over all rows.
  { op: "gemmTN", M: 512, N: 128, K: 800 }, { op: "gemmTN", M: 384, N: 65, K: 800 },
  { op: "gemmTN", M: 65, N: 128, K: 800 }, { op: "gemmTN", M: 128, N: 32, K: 400 },
  { op: "gemmTN", M: 96, N: 1, K: 400 }, { op: "gemmTN", M: 1, N: 32, K: 400 },
  { op: "gemmTN", M: 128, N: 32, K: 1 },
];

const OPS: Op[] = ["gemmNT", "gemmNN", "gemmTN"];

let wasm: Kernels;

beforeAll(async () => {
  // Node 20 has WebAssembly SIMD: failing to load here is a bug, not an environment to skip.
  expect(await initKernels()).toBe(true);
  wasm = createKernels("wasm-simd", 1024);
  expect(wasm.name).toBe("wasm-simd");
});

describe("wasm-simd kernels match the TypeScript kernels", () => {
  it("on random shapes 1..37 (odd sizes and every tail), acc on and off", () => {
    const rng = new Rng(20240601);
    for (let i = 0; i < 600; i++) {
      const x: Case = { op: OPS[i % 3], M: 1 + rng.int(37), N: 1 + rng.int(37), K: 1 + rng.int(37) };
      const acc = rng.int(2) === 1;
      const r = runBoth(wasm, x, acc, rng);
      const tag = `${x.op} M=${x.M} N=${x.N} K=${x.K} acc=${acc}`;
      expect(r.untouchedOk, tag).toBe(true);
      expect(worstError(r), tag).toBeLessThanOrEqual(REL_TOL);
    }
  });

  it.each(REAL)("on the real shape $op M=$M N=$N K=$K", (x) => {
    const rng = new Rng(x.M * 7919 + x.N * 104729 + x.K);
    for (const acc of [false, true]) {
      const r = runBoth(wasm, x, acc, rng);
      expect(r.untouchedOk).toBe(true);
      expect(worstError(r)).toBeLessThanOrEqual(REL_TOL);
    }
  });

  it("gemmNN and gemmTN keep the reference's summation order exactly (N > 1)", () => {
    // Each C element adds its k terms in increasing k, as the TS loops do, so nothing may differ at all.
    const rng = new Rng(7);
    for (let i = 0; i < 200; i++) {
      const x: Case = { op: i % 2 ? "gemmNN" : "gemmTN", M: 1 + rng.int(40), N: 2 + rng.int(40), K: 1 + rng.int(600) };
      const r = runBoth(wasm, x, i % 3 === 0, rng);
      expect(bitIdentical(r), `${x.op} M=${x.M} N=${x.N} K=${x.K}`).toBe(true);
    }
  });

  it("reads nothing past its operands: operands flush against the end of the memory do not trap", () => {
    // Odd sizes exercise every tail; a load of one element too many would be out of bounds here.
    const rng = new Rng(5);
    for (const op of OPS) {
      const k = createKernels("wasm-simd", 1);
      const len = k.heap.length;
      const x: Case = { op, M: 7, N: 13, K: 9 };
      const s = sizes(x);
      const c = len - s.c, b = c - s.b, a = b - s.a;
      for (let i = a; i < len; i++) k.heap[i] = rng.uniform(-1, 1);
      const ts = new TsKernels(len);
      ts.heap.set(k.heap);
      k[op](a, b, c, x.M, x.N, x.K, true);
      ts[op](a, b, c, x.M, x.N, x.K, true);
      for (let i = c; i < len; i++) expect(Math.abs(k.heap[i] - ts.heap[i])).toBeLessThanOrEqual(1e-14 * 20);
    }
  });

  it("treats K = 0 as an empty sum and M = 0 or N = 0 as nothing to do", () => {
    const rng = new Rng(3);
    for (const op of OPS) {
      for (const acc of [false, true]) {
        const r = runBoth(wasm, { op, M: 5, N: 7, K: 0 }, acc, rng);
        expect(bitIdentical(r), `${op} acc=${acc}`).toBe(true);
      }
      const before = wasm.heap.slice(0, 64);
      wasm[op](1, 2, 3, 0, 5, 5, false);
      wasm[op](1, 2, 3, 5, 0, 5, false);
      expect(wasm.heap.slice(0, 64)).toEqual(before);
    }
  });

  it("propagates NaN and infinities like the reference", () => {
    const rng = new Rng(11);
    for (const op of OPS) {
      const ts = new TsKernels(400);
      const w = createKernels("wasm-simd", 400);
      for (let i = 0; i < 400; i++) ts.heap[i] = rng.uniform(-1, 1);
      ts.heap[5] = NaN;
      ts.heap[40] = Infinity;
      ts.heap[41] = -Infinity;
      w.heap.set(ts.heap.subarray(0, 400));
      ts[op](0, 100, 300, 7, 9, 11, true);
      w[op](0, 100, 300, 7, 9, 11, true);
      for (let i = 300; i < 363; i++) {
        const t = ts.heap[i], v = w.heap[i];
        if (Number.isFinite(t)) expect(Math.abs(v - t)).toBeLessThanOrEqual(1e-13);
        else expect(v, `${op} C[${i - 300}]`).toBe(t); // toBe treats NaN as equal to NaN
      }
    }
  });
});

describe("wasm-simd arena", () => {
  it("is a Float64Array over the WebAssembly memory, at least as long as asked", () => {
    const k = createKernels("wasm-simd", 10_000);
    expect(k.heap).toBeInstanceOf(Float64Array);
    expect(k.heap.length).toBeGreaterThanOrEqual(10_000);
    expect(k.heap.every((v) => v === 0)).toBe(true);
  });

  it("keeps its contents when it grows, and the kernels use the grown memory", () => {
    const rng = new Rng(99);
    const k = createKernels("wasm-simd", 100);
    const first = k.heap.length;
    for (let i = 0; i < first; i++) k.heap[i] = rng.uniform(-1, 1);
    const saved = k.heap.slice();

    k.grow(first); // not larger: nothing changes
    expect(k.heap.length).toBe(first);

    k.grow(first * 5 + 3);
    expect(k.heap.length).toBeGreaterThanOrEqual(first * 5 + 3);
    expect(k.heap.subarray(0, first)).toEqual(saved);
    expect(k.heap.subarray(first).every((v) => v === 0)).toBe(true);

    // A product whose operands straddle the old end and whose output lies wholly past it.
    const M = 9, N = 11, K = 13;
    const a = first - 50, b = first + 100, c = first * 4;
    for (let i = 0; i < M * K; i++) k.heap[a + i] = rng.uniform(-1, 1);
    for (let i = 0; i < N * K; i++) k.heap[b + i] = rng.uniform(-1, 1);
    const ts = new TsKernels(k.heap.length);
    ts.heap.set(k.heap);
    ts.gemmNT(a, b, c, M, N, K, false);
    k.gemmNT(a, b, c, M, N, K, false);
    for (let i = 0; i < M * N; i++) expect(Math.abs(k.heap[c + i] - ts.heap[c + i])).toBeLessThanOrEqual(1e-14 * K);
  });
});
