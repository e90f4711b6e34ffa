// scripts/data/measure-baselines.ts: the baselines' test MAE / RMSE / MASE on every built-in series (figures for the README).
//
//   npx tsx scripts/data/measure-baselines.ts [k] [p] [epochs]     (defaults: k = 1 step ahead, p = 28 values, 30 epochs)
//   LEVELS=1 npx tsx …   trains the dense network on levels instead of changes from the last value
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { runBaselines } from "../../src/data/baselines";
import { makeForecastProblem, parseSeriesCsv, randomWalk, SERIES, type SeriesId } from "../../src/data/forecast";

const k = Number(process.argv[2] ?? 1);
const p = Number(process.argv[3] ?? 28);
const epochs = Number(process.argv[4] ?? 30);
const relative = process.env.LEVELS === undefined;
const fmt = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(4));
console.log(`k = ${k}, p = ${p}; split 70 / 15 / 15 in time; dense: 32 tanh units, Adam 0.003, batch 32, ${epochs} epochs (best on validation kept), seed 1, ${relative ? "changes from the last value" : "levels"}`);
for (const id of Object.keys(SERIES) as SeriesId[]) {
  const info = SERIES[id];
  const series = info.file === null ? randomWalk({ length: 2000, seed: 1 }) : parseSeriesCsv(readFileSync(join("public/data", info.file), "utf8"), info.file);
  const problem = makeForecastProblem(series.values, { p, k, period: info.period });
  const started = performance.now();
  const report = runBaselines(problem, { hidden: 32, seed: 1, epochs, relative });
  const ms = performance.now() - started;
  console.log(`\n${id}: n = ${series.values.length}, period ${info.period}, training mean ${fmt(problem.normalisation.mean)}, std ${fmt(problem.normalisation.std)}; ${problem.train.N} training and ${problem.test.N} test windows; dense best epoch ${report.dense.bestEpoch}; all baselines ${ms.toFixed(0)} ms`);
  console.log("| baseline | test MAE | test RMSE | test MASE |");
  for (const r of report.rows) console.log(`| ${r.name} | ${fmt(r.test.mae)} | ${fmt(r.test.rmse)} | ${r.test.mase.toFixed(3)} |`);
}

// One random walk can favour a model by luck; over many walks, nothing should beat persistence on average.
const SEEDS = 12;
const ratio: Record<"ar" | "dense", number[]> = { ar: [], dense: [] };
for (let seed = 1; seed <= SEEDS; seed++) {
  const problem = makeForecastProblem(randomWalk({ length: 2000, seed }).values, { p, k, period: 1 });
  const report = runBaselines(problem, { hidden: 32, seed: 1, epochs: Math.min(epochs, 15), relative });
  const mae = (name: string): number => report.rows.find((r) => r.name === name)!.test.mae;
  ratio.ar.push(mae("ar") / mae("persistence"));
  ratio.dense.push(mae("dense") / mae("persistence"));
}
for (const name of ["ar", "dense"] as const) {
  const r = ratio[name];
  const mean = r.reduce((s, v) => s + v, 0) / r.length;
  console.log(`\nrandom walks, seeds 1–${SEEDS}: ${name} test MAE / persistence's: mean ${mean.toFixed(3)}, range ${Math.min(...r).toFixed(3)}–${Math.max(...r).toFixed(3)}, below 1 in ${r.filter((v) => v < 1).length} of ${SEEDS}`);
}
