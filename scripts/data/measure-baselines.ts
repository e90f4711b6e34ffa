// scripts/data/measure-baselines.ts: the baselines' test MAE / RMSE / MASE on every built-in series (figures for the README).
//
//   npx tsx scripts/data/measure-baselines.ts [k] [p]      (defaults: k = 1 step ahead, p = 14 values read)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runBaselines } from "../../src/data/baselines";
import { makeForecastProblem, parseSeriesCsv, randomWalk, SERIES, type SeriesId } from "../../src/data/forecast";

const k = Number(process.argv[2] ?? 1);
const p = Number(process.argv[3] ?? 14);
const fmt = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(4));
console.log(`k = ${k}, p = ${p}; split 70 / 15 / 15 in time; dense: 32 tanh units, Adam 0.003, batch 32, 30 epochs, seed 1`);
for (const id of Object.keys(SERIES) as SeriesId[]) {
  const info = SERIES[id];
  const series = info.file === null ? randomWalk({ length: 2000, seed: 1 }) : parseSeriesCsv(readFileSync(join("public/data", info.file), "utf8"), info.file);
  const problem = makeForecastProblem(series.values, { p, k, period: info.period });
  const report = runBaselines(problem, { hidden: 32, seed: 1, epochs: 30 });
  console.log(`\n${id} (n = ${series.values.length}, period ${info.period}, train mean ${fmt(problem.normalisation.mean)}, std ${fmt(problem.normalisation.std)}; test windows ${problem.test.N}; dense best epoch ${report.dense.bestEpoch})`);
  console.log("| baseline | test MAE | test RMSE | test MASE |");
  for (const r of report.rows) console.log(`| ${r.name} | ${fmt(r.test.mae)} | ${fmt(r.test.rmse)} | ${r.test.mase.toFixed(3)} |`);
}
