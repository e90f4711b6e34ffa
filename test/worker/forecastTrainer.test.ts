// test/worker/forecastTrainer.test.ts: the playground's trainer on a real series, in Node, for fixed numbers of steps:
// every baseline scored on the same test windows, the dense network training beside the RNN, and what the RNN
// learns on births (the weekly rhythm: far better than persistence) and on a random walk (nothing: persistence).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSeriesCsv } from "../../src/data/forecast";
import { defaults } from "../../src/store/schema";
import { builtinFor, SINE_SCHEMA, toSetup, type BuiltinSeries, type SineSettings } from "../../src/store/sineSettings";
import { DENSE_BATCHES_PER_STEP } from "../../src/worker/sine/forecast";
import type { ForecastView, Report, Snapshot } from "../../src/worker/sine/protocol";
import { Trainer } from "../../src/worker/sine/trainer";

const births: BuiltinSeries = { id: "births1969", ...parseSeriesCsv(readFileSync(join("public/data/births-1969-1988.csv"), "utf8"), "births-1969-1988.csv") };

function trainerOn(patch: Partial<SineSettings>): { trainer: Trainer; view: () => ForecastView; last: () => Snapshot } {
  const settings: SineSettings = { ...defaults(SINE_SCHEMA), seqLength: 28, hidden: 16, ...patch };
  let last: Snapshot | null = null;
  const host = { post: (r: Report) => (r.type === "snapshot" ? (last = r.snapshot) : undefined), schedule: () => undefined, now: () => 0 };
  const trainer = new Trainer(host, toSetup(settings, null, builtinFor(settings, births)));
  trainer.begin();
  return { trainer, last: () => last!, view: () => last!.forecast! };
}

/** Trains `steps` steps, then pauses (which scores the RNN on the test windows). */
function trainFor(t: ReturnType<typeof trainerOn>, steps: number): ForecastView {
  expect(t.trainer.advance(steps)).toBe(true);
  t.trainer.handle({ type: "pause" });
  return t.view();
}

const mase = (view: ForecastView, name: string): number => view.rows.find((r) => r.name === name)!.test!.mase;

describe("the trainer on a real series", () => {
  it("scores every forecaster on the same test windows; the dense network trains beside the RNN", () => {
    const t = trainerOn({ data: "births" });
    const view = t.view();
    expect(view.rows.map((r) => r.name)).toEqual(["rnn", "persistence", "seasonalNaive", "ar", "dense"]);
    expect(view.period).toBe(7);
    expect(view.n).toBe(7305);
    // Split in time, 65 / 20 / 15 with the default validation fraction; normalised from the training range only.
    expect(view.validationEnd).toBe(7305 - Math.round(7305 * 0.15));
    let mean = 0;
    for (let i = 0; i < view.trainEnd; i++) mean += births.values[i];
    expect(view.mean).toBeCloseTo(mean / view.trainEnd, 6);
    // The fixed baselines at once, the RNN at step 0, the dense network not yet.
    expect(view.rows[0]).toMatchObject({ name: "rnn", step: 0 });
    expect(mase(view, "seasonalNaive")).toBeLessThan(mase(view, "persistence") / 2);
    expect(view.rows[4]).toMatchObject({ test: null, epoch: 0 });
    // One epoch of the dense network takes ⌈windows / 32⌉ mini-batches, DENSE_BATCHES_PER_STEP per RNN step.
    const after = trainFor(t, Math.ceil(Math.ceil(view.trainWindows / 32) / DENSE_BATCHES_PER_STEP));
    expect(after.rows[4]).toMatchObject({ epoch: 1, bestEpoch: 1 });
    expect(after.rows[4].test!.mase).toBeGreaterThan(0);
    expect(after.rows[0].step).toBe(t.last().step);
  });

  it("while training, scores the test windows in slices from a copy of the weights", () => {
    const settings: SineSettings = { ...defaults(SINE_SCHEMA), seqLength: 28, hidden: 8, data: "randomwalk" };
    let clock = 0;
    const pending: (() => void)[] = [];
    const snapshots: Snapshot[] = [];
    const host = { post: (r: Report) => (r.type === "snapshot" ? snapshots.push(r.snapshot) : undefined), schedule: (fn: () => void) => pending.push(fn), now: () => (clock += 5) };
    const trainer = new Trainer(host, toSetup(settings, null, builtinFor(settings, null)));
    trainer.handle({ type: "train" });
    for (let i = 0; i < 400 && pending.length > 0; i++) pending.shift()!();
    const during = snapshots.filter((s) => s.isTraining).map((s) => s.forecast!.rows[0]);
    // Scored again while training, at a step it had reached, never ahead of the snapshot.
    expect(during.some((r) => (r.step ?? 0) > 0 && r.test !== null)).toBe(true);
    const lastDuring = snapshots.filter((s) => s.isTraining).at(-1)!;
    expect(lastDuring.forecast!.rows[0].step).toBeLessThanOrEqual(lastDuring.step);
  });

  it("is deterministic: the same settings give the same scores", () => {
    const a = trainFor(trainerOn({ data: "births" }), 40);
    const b = trainFor(trainerOn({ data: "births" }), 40);
    expect(a.rows[0].test!.mae).toBe(b.rows[0].test!.mae);
  });

  it("on births, learns the weekly rhythm: far better than persistence within 300 steps", () => {
    const view = trainFor(trainerOn({ data: "births" }), 300);
    expect(mase(view, "rnn")).toBeLessThan(mase(view, "persistence") / 1.8);
  });

  it("on the random walk, does not beat persistence meaningfully", () => {
    const t = trainerOn({ data: "randomwalk" });
    const view = trainFor(t, 300);
    expect(mase(view, "rnn")).toBeGreaterThan(0.98 * mase(view, "persistence"));
    expect(mase(view, "ar")).toBeGreaterThan(0.98 * mase(view, "persistence"));
  });
});
