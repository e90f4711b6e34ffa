// bench/engine.ts: training throughput of our engine next to TensorFlow.js (wasm, 1 thread, SIMD) and brain.js.
//
//   npm run bench                          the full table (a few minutes)
//   npm run bench -- --json --lib engine --task sine --cell lstm --batch 16 --seconds 3
//
// tokens/s = steps·B·T / seconds, one token being one timestep of one sequence trained (forward, backward,
// update). Per workload all libraries are warmed up, then timed in 5 interleaved rounds of windows; each
// row reports its best window (see measureInterleaved in lib/trainer.ts), median and worst are in the JSON. GFLOP/s counts only the matrix products of forward + backward (see
// flopsPerToken), the same count for every library: a rate of useful work, not of what each library executes.
// Per-library caveats are at the top of lib/tfjs.ts, lib/brainjs.ts and lib/engine.ts.
import os from "node:os";
import { runClassifierBench } from "./classifier";
import { brainLib } from "./lib/brainjs";
import { engineTsLib, engineWasmLib } from "./lib/engine";
import { initTfjsWasm, tfjsLayersLib, tfjsLib, tfjsStockLib } from "./lib/tfjs";
import { benchSeq2seq } from "./seq2seq";
import { measureInterleaved, type Lib, type LibId, type Trainer } from "./lib/trainer";
import { BATCHES, CELLS, flopsPerToken, makeWorkload, TASKS, type Cell, type Task, type Workload } from "./lib/workloads";

const ALL_LIBS: readonly Lib[] = [brainLib, tfjsLib, tfjsStockLib, tfjsLayersLib, engineTsLib, engineWasmLib];
/** "tfjs" is the faster of a tuned and an untuned (= tfjs-stock) implementation per row; tfjs-stock and
 * tfjs-layers alone run only when asked for (--lib tfjs-stock,tfjs-layers). */
const DEFAULT_LIBS: readonly LibId[] = ["brain", "tfjs", "engine-ts", "engine"];

/** Targets: engine ≥ 2× brain.js at B=1 (all cells); engine ≥ 1.5× tfjs-wasm batched (LSTM and GRU). */
const TARGET_VS_BRAIN = 2;
const TARGET_VS_TFJS = 1.5;

interface Options {
  json: boolean;
  libs: LibId[];
  tasks: Task[];
  cells: Cell[];
  batches: number[] | null;
  seconds: number;
}

const USAGE = `usage: npm run bench -- [--json] [--lib L[,L…]] [--task sine|char] [--cell rnn|lstm|gru] [--batch N[,N…]] [--seconds S]
  --lib      engine (wasm-simd kernels), engine-ts (TypeScript kernels), tfjs, brain (the default set);
             also tfjs-stock (the untuned tfjs-core model alone) and tfjs-layers (tf.sequential + trainOnBatch)
  --batch    batch sizes to run (default: 1 and 16 for sine, 1 and 32 for char)
  --seconds  timed window per configuration after a warm-up of a quarter of it (default 2)
  --json     one JSON line per configuration instead of the table`;

function fail(msg: string): never {
  console.error(`bench: ${msg}\n${USAGE}`);
  process.exit(2);
}

function list<T extends string>(v: string, allowed: readonly T[], what: string): T[] {
  return v.split(",").map((s) => {
    if (!(allowed as readonly string[]).includes(s)) fail(`unknown ${what} "${s}" (one of ${allowed.join(", ")})`);
    return s as T;
  });
}

function parseArgs(argv: string[]): Options {
  const o: Options = { json: false, libs: [...DEFAULT_LIBS], tasks: [...TASKS], cells: [...CELLS], batches: null, seconds: 2 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") {
      o.json = true;
      continue;
    }
    if (a === "--help" || a === "-h") {
      console.log(USAGE);
      process.exit(0);
    }
    const [flag, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const v = inline ?? argv[++i];
    if (v === undefined) fail(`${flag} needs a value`);
    switch (flag) {
      case "--lib":
        o.libs = list(v, ALL_LIBS.map((l) => l.id), "lib");
        break;
      case "--task":
        o.tasks = list(v, TASKS, "task");
        break;
      case "--cell":
        o.cells = list(v, CELLS, "cell");
        break;
      case "--batch":
        o.batches = v.split(",").map((s) => {
          const n = Number(s);
          if (!Number.isInteger(n) || n < 1 || n > 4096) fail(`--batch must be whole numbers from 1 to 4096, not "${s}"`);
          return n;
        });
        break;
      case "--seconds": {
        const s = Number(v);
        if (!(s > 0 && s <= 600)) fail(`--seconds must be in (0, 600], not "${v}"`);
        o.seconds = s;
        break;
      }
      default:
        fail(`unknown option "${a}"`);
    }
  }
  return o;
}

interface Row {
  lib: LibId;
  label: string;
  task: Task;
  cell: Cell;
  batch: number;
  T: number;
  H: number;
  tokensPerSec: number | null;
  medianTokensPerSec?: number;
  worstTokensPerSec?: number;
  gflops: number | null;
  steps?: number;
  seconds?: number;
  firstLoss?: number;
  lastLoss?: number;
  /** Which implementation was fastest, for libraries measured in several (tfjs). */
  variant?: string;
  note?: string;
  unsupported?: string;
  vsBrain?: number;
  vsTfjs?: number;
}

function fmtRate(x: number | null): string {
  if (x === null) return "n/a";
  return x >= 1e5 ? `${(x / 1e3).toFixed(0)}k` : x >= 1e4 ? `${(x / 1e3).toFixed(1)}k` : x.toFixed(0);
}

function fmtRatio(x: number | undefined): string {
  return x === undefined ? "" : `${x.toFixed(2)}x`;
}

function targetText(r: Row): string {
  if (r.lib !== "engine" && r.lib !== "engine-ts") return "";
  if (r.batch === 1) return r.vsBrain === undefined ? "" : `>=${TARGET_VS_BRAIN}x brain ${r.vsBrain >= TARGET_VS_BRAIN ? "ok" : "MISS"}`;
  if (r.cell === "rnn" || r.vsTfjs === undefined) return "";
  return `>=${TARGET_VS_TFJS}x tfjs ${r.vsTfjs >= TARGET_VS_TFJS ? "ok" : "MISS"}`;
}

const COLS = [
  { h: "task", w: 5 },
  { h: "cell", w: 5 },
  { h: "B", w: 3 },
  { h: "lib", w: 19 },
  { h: "tokens/s", w: 9, right: true },
  { h: "GFLOP/s", w: 8, right: true },
  { h: "vs brain", w: 9, right: true },
  { h: "vs tfjs", w: 8, right: true },
  { h: "target", w: 19 },
  { h: "note", w: 0 },
] as const;

function line(cells: string[]): string {
  return cells
    .map((c, i) => {
      const col = COLS[i];
      return "right" in col ? c.padStart(col.w) : c.padEnd(col.w);
    })
    .join("  ")
    .trimEnd();
}

function printRow(r: Row): void {
  console.log(
    line([
      r.task,
      r.cell,
      String(r.batch),
      r.label,
      fmtRate(r.tokensPerSec),
      r.gflops === null ? "" : r.gflops.toFixed(2),
      fmtRatio(r.vsBrain),
      fmtRatio(r.vsTfjs),
      targetText(r),
      r.unsupported ?? r.note ?? "",
    ]),
  );
}

function jsonRow(r: Row): string {
  return JSON.stringify({ ...r, label: undefined }); // undefined fields are left out
}

/** Runs every library (and every variant of one) on one workload, interleaved; one row per library. */
async function runConfig(libs: readonly Lib[], w: Workload, seconds: number): Promise<Row[]> {
  interface Entry {
    lib: Lib;
    variant: string;
    tr: Trainer;
  }
  const entries: Entry[] = [];
  const rows: Row[] = [];
  try {
    for (const lib of libs) {
      if (lib.unsupported(w) !== null) continue;
      for (const v of lib.variants ?? [{ name: "", create: (x: Workload) => lib.create(x) }]) {
        entries.push({ lib, variant: v.name, tr: await v.create(w) });
      }
    }
    const ms = await measureInterleaved(
      entries.map((e) => e.tr),
      seconds,
    );
    for (const lib of libs) {
      const base = { lib: lib.id, label: lib.label, task: w.task, cell: w.cell, batch: w.batch, T: w.T, H: w.H };
      const why = lib.unsupported(w);
      if (why !== null) {
        rows.push({ ...base, tokensPerSec: null, gflops: null, unsupported: why });
        continue;
      }
      const results = entries.flatMap((e, i) => (e.lib === lib ? [{ name: e.variant, note: e.tr.note, m: ms[i] }] : []));
      const best = results.reduce((a, b) => (b.m.tokensPerSec > a.m.tokensPerSec ? b : a));
      const { m } = best;
      const row: Row = {
        ...base,
        tokensPerSec: m.tokensPerSec,
        medianTokensPerSec: m.medianTokensPerSec,
        worstTokensPerSec: m.worstTokensPerSec,
        gflops: (m.tokensPerSec * flopsPerToken(w)) / 1e9,
        steps: m.steps,
        seconds: Number(m.seconds.toFixed(3)),
        firstLoss: m.firstLoss,
        lastLoss: m.lastLoss,
      };
      const notes = best.note !== undefined ? [best.note] : [];
      if (results.length > 1) {
        row.variant = best.name;
        const others = results.filter((r) => r !== best).map((r) => `${r.name} ${fmtRate(r.m.tokensPerSec)}`);
        notes.push(`${best.name} (${others.join(", ")})`);
      }
      // Timing stays meaningful (no update is skipped), but say so: brain.js' ReLU RNN blows up at these rates.
      if (!Number.isFinite(m.lastLoss) || m.lastLoss > 1e6) notes.push(`diverged (loss ${m.lastLoss.toPrecision(2)})`);
      if (notes.length > 0) row.note = notes.join("; ");
      rows.push(row);
    }
  } finally {
    for (const e of entries) e.tr.dispose();
  }
  const brain = rows.find((x) => x.lib === "brain")?.tokensPerSec;
  const tfjs = rows.find((x) => x.lib === "tfjs")?.tokensPerSec;
  for (const r of rows) {
    if ((r.lib !== "engine" && r.lib !== "engine-ts") || r.tokensPerSec === null) continue;
    if (brain != null) r.vsBrain = r.tokensPerSec / brain;
    if (tfjs != null) r.vsTfjs = r.tokensPerSec / tfjs;
  }
  return rows;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const libs = ALL_LIBS.filter((l) => o.libs.includes(l.id));
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const header: string[] = [`node ${process.version}, ${cpu}, ${os.cpus().length} cores; tokens/s = steps*B*T/s, best of 5 windows (libraries interleaved) after warm-up, ${o.seconds}s per row (per variant)`];
  if (libs.some((l) => l.id.startsWith("tfjs"))) header.push(await initTfjsWasm());
  if (!o.json) {
    for (const h of header) console.log(`# ${h}`);
    console.log("# sine: D=1 H=32 T=50 MSE every step, Adam 1e-2 | char: one-hot V=65 H=128 T=25 softmax-xent every step, Adam 2e-3");
    console.log("# GFLOP/s: matmul FLOPs of forward+backward per token (same count for all libs) x tokens/s");
    console.log(line(COLS.map((c) => c.h)));
  }
  const rows: Row[] = [];
  for (const task of o.tasks) {
    for (const cell of o.cells) {
      for (const batch of o.batches ?? BATCHES[task]) {
        const w = makeWorkload(task, cell, batch);
        const cfgRows = await runConfig(libs, w, o.seconds);
        for (const r of cfgRows) {
          if (o.json) console.log(jsonRow(r));
          else printRow(r);
        }
        rows.push(...cfgRows);
      }
    }
  }
  // The seq2seq workload (GRU encoder–decoder with additive attention, issue 13) compares engine and tfjs only.
  if (o.libs.includes("engine") && o.libs.includes("tfjs")) await benchSeq2seq(o.seconds, o.json);
  // Version 2 workload (bench/classifier.ts): bidirectional LSTM sentence classifier, engine vs tfjs-wasm.
  if (o.libs.includes("engine") && o.libs.includes("tfjs")) await runClassifierBench(o.seconds, o.json);
  if (o.json) return;
  for (const id of ["engine", "engine-ts"] as const) {
    const checks = rows.filter((r) => r.lib === id).map(targetText).filter((t) => t !== "");
    const met = checks.filter((t) => t.endsWith("ok")).length;
    if (checks.length > 0) console.log(`# targets met by ${id}: ${met}/${checks.length}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
