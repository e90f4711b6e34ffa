// bench/kernels.ts: GFLOP/s of the TypeScript and WebAssembly SIMD matrix products at the engine's real shapes.
// Run: npx tsx bench/kernels.ts [gemmNT|gemmNN|gemmTN ...]   (after node scripts/build-wasm.mjs)
import { createKernels, initKernels, type Kernels } from "../src/engine/kernels";
import { Rng } from "../src/engine/rng";

type Op = "gemmNT" | "gemmNN" | "gemmTN";
interface Shape { op: Op; M: number; N: number; K: number; what: string }

const SHAPES: Shape[] = [
  { op: "gemmNT", M: 32, N: 512, K: 128, what: "char LSTM step  h·Whh^T" },
  { op: "gemmNT", M: 32, N: 384, K: 128, what: "char GRU step   h·Whh^T" },
  { op: "gemmNT", M: 800, N: 512, K: 65, what: "char all rows   x·Wx^T" },
  { op: "gemmNT", M: 800, N: 65, K: 128, what: "char output     h·Wo^T" },
  { op: "gemmNT", M: 16, N: 128, K: 32, what: "sine LSTM step  B=16" },
  { op: "gemmNT", M: 1, N: 128, K: 32, what: "sine LSTM step  B=1" },
  { op: "gemmNT", M: 1, N: 512, K: 128, what: "char step       B=1" },
  { op: "gemmNN", M: 32, N: 128, K: 512, what: "char LSTM step  dPre·Whh" },
  { op: "gemmNN", M: 32, N: 128, K: 384, what: "char GRU step   dPre·Whh" },
  { op: "gemmNN", M: 800, N: 128, K: 65, what: "char output     dy·Wo" },
  { op: "gemmNN", M: 16, N: 32, K: 128, what: "sine LSTM step  B=16" },
  { op: "gemmNN", M: 1, N: 32, K: 128, what: "sine LSTM step  B=1" },
  { op: "gemmTN", M: 512, N: 128, K: 800, what: "char LSTM       dWhh" },
  { op: "gemmTN", M: 384, N: 128, K: 800, what: "char GRU        dWhh" },
  { op: "gemmTN", M: 65, N: 128, K: 800, what: "char output     dWo" },
  { op: "gemmTN", M: 128, N: 32, K: 400, what: "sine LSTM       dWhh B=16" },
  { op: "gemmTN", M: 128, N: 32, K: 25, what: "sine LSTM       dWhh B=1" },
];

const BATCH_MS = 10;
const TOTAL_MS = 300;

/**
 * GFLOP/s of the fastest ~10 ms batch within ~300 ms (after a JIT warm-up). The best batch, not the mean,
 * because other processes on the machine only ever slow a batch down.
 */
function measure(k: Kernels, s: Shape): number {
  const { op, M, N, K } = s;
  const sizeA = M * K, sizeB = N * K;
  const a = 0, b = sizeA, c = sizeA + sizeB;
  k.grow(c + M * N);
  const rng = new Rng(1);
  for (let i = 0; i < c + M * N; i++) k.heap[i] = rng.uniform(-1, 1);
  const run = (reps: number): number => {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) k[op](a, b, c, M, N, K, true);
    return performance.now() - t0;
  };
  let reps = 1;
  while (run(reps) < BATCH_MS) reps *= 2;
  let best = Infinity;
  for (let spent = 0; spent < TOTAL_MS; ) {
    const ms = run(reps);
    best = Math.min(best, ms);
    spent += ms;
  }
  return (2 * M * N * K * reps) / (best * 1e6);
}

async function main(): Promise<void> {
  if (!(await initKernels())) throw new Error("WebAssembly SIMD kernels did not load (run node scripts/build-wasm.mjs)");
  const ts = createKernels("ts", 1 << 20);
  const wasm = createKernels("wasm-simd", 1 << 20);
  console.log("op      shape (M x N x K)   what                       TS GFLOP/s  wasm GFLOP/s  speed-up");
  const only = process.argv.slice(2);
  for (const s of SHAPES.filter((x) => only.length === 0 || only.includes(x.op))) {
    const gTs = measure(ts, s);
    const gWasm = measure(wasm, s);
    const shape = `${s.M}x${s.N}x${s.K}`.padEnd(18);
    console.log(
      `${s.op}  ${shape}  ${s.what.padEnd(26)} ${gTs.toFixed(2).padStart(10)}  ${gWasm.toFixed(2).padStart(12)}  ${(gWasm / gTs).toFixed(1).padStart(7)}x`,
    );
  }
}

await main();
