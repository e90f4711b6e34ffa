// scripts/data/measure-series.ts: the series playground's RNN against the baselines, as the page trains it (README figures).
//
//   npx tsx scripts/data/measure-series.ts [steps] [series…]     (defaults: 3000 steps; births, births2000, sensor, randomwalk)
//   Settings are the playground's defaults (LSTM 24, Adam 0.01, batch 16, clip 1, window 50, k 1) unless
//   K=7 P=28 CELL=gru HIDDEN=32 LR=0.003 SEED=2 are set.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseSeriesCsv, SERIES } from "../../src/data/forecast";
import { defaults } from "../../src/store/schema";
import { builtinFor, DATA_SERIES, SINE_SCHEMA, toSetup, type SineSettings } from "../../src/store/sineSettings";
import { Trainer } from "../../src/worker/sine/trainer";
import type { Report, Snapshot } from "../../src/worker/sine/protocol";

const steps = Number(process.argv[2] ?? 3000);
const which = process.argv.length > 3 ? process.argv.slice(3) : Object.keys(DATA_SERIES);
const env = process.env;
const base: SineSettings = {
  ...defaults(SINE_SCHEMA),
  ...(env.K ? { horizon: Number(env.K) } : {}),
  ...(env.P ? { seqLength: Number(env.P) } : {}),
  ...(env.CELL ? { cell: env.CELL } : {}),
  ...(env.HIDDEN ? { hidden: Number(env.HIDDEN) } : {}),
  ...(env.LR ? { lr: Number(env.LR) } : {}),
  ...(env.SEED ? { seed: Number(env.SEED) } : {}),
};
const every = Math.max(1, Math.floor(steps / 6));
console.log(`${steps} steps; ${base.cell} ${base.hidden}, ${base.optimizer} ${base.lr}, batch ${base.batch}, window p = ${base.seqLength}, k = ${base.horizon}, seed ${base.seed}`);
for (const data of which) {
  const settings: SineSettings = { ...base, data };
  const id = DATA_SERIES[data];
  const file = SERIES[id].file;
  const fetched = file === null ? null : { id, ...parseSeriesCsv(readFileSync(join("public/data", file), "utf8"), file) };
  let last: Snapshot | null = null;
  const trainer = new Trainer({ post: (r: Report) => { if (r.type === "snapshot") last = r.snapshot; }, schedule: () => {}, now: () => performance.now() }, toSetup(settings, null, builtinFor(settings, fetched)));
  const started = performance.now();
  let trainMs = 0;
  for (let done = 0; done < steps; done += every) {
    const t0 = performance.now();
    trainer.advance(Math.min(every, steps - done));
    trainMs += performance.now() - t0;
    trainer.handle({ type: "pause" });
    const rnn = last!.forecast!.rows[0];
    console.log(`  ${data} step ${rnn.step}: RNN test MASE ${rnn.test!.mase.toFixed(3)} (${(trainMs / 1000).toFixed(1)} s training)`);
  }
  const view = (last as Snapshot | null)!.forecast!;
  console.log(`\n${data}: n ${view.n}, period ${view.period}, training mean ${view.mean.toFixed(2)}, std ${view.std.toFixed(2)}; ${view.testWindows} test windows; ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
  console.log("| model | test MAE | test RMSE | test MASE |");
  for (const r of view.rows) {
    const extra = r.name === "dense" ? ` (epoch ${r.bestEpoch} of ${r.epoch})` : r.name === "rnn" ? ` (step ${r.step})` : "";
    console.log(`| ${r.name}${extra} | ${r.test ? r.test.mae.toPrecision(4) : "–"} | ${r.test ? r.test.rmse.toPrecision(4) : "–"} | ${r.test ? r.test.mase.toFixed(3) : "–"} |`);
  }
}
