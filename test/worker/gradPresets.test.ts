// test/worker/gradPresets.test.ts: the gradient visualizer's defaults and presets show what their text promises.
// Each is trained by the real GradTrainer (as the worker runs it, wasm kernels, fake clock) with three seeds for a
// fixed number of steps, and the ordering its text states is asserted: who learns, whose gradient vanishes, who
// diverges. The step counts are what the page trains in a few seconds (see docs/gradient-presets.md).
import { beforeAll, describe, expect, it } from "vitest";
import { initKernels } from "../../src/engine";
import { GRAD_DEFAULTS, presetSettings, toGradSetup, type GradSettings, type PresetName } from "../../src/store/gradSettings";
import { GradTrainer } from "../../src/worker/gradients/trainer";
import type { GradCellView, GradReport, GradSnapshot } from "../../src/worker/gradients/protocol";

const SEEDS = [1, 2, 3];

/**
 * Trains until at least `steps` steps (a slice is ~12 steps on the fake clock, so up to 11 more), then pauses,
 * which evaluates held-out accuracy: the snapshot then is the state the page shows on Pause.
 */
function train(settings: GradSettings, steps: number): GradSnapshot {
  const pending: (() => void)[] = [];
  let clock = 0;
  let last: GradSnapshot | null = null;
  const host = {
    post: (r: GradReport) => {
      if (r.type === "snapshot") last = r.snapshot;
      if (r.type === "error") throw new Error(JSON.stringify(r.problem));
    },
    schedule: (fn: () => void) => pending.push(fn),
    now: () => clock++,
  };
  const trainer = new GradTrainer(host, toGradSetup(settings));
  if (steps > 0) {
    trainer.handle({ type: "train" });
    while (pending.length > 0 && trainer.buildSnapshot().step < steps) pending.shift()!();
  }
  trainer.handle({ type: "pause" });
  if (!last) throw new Error("no snapshot");
  return last;
}

const cellOf = (s: GradSnapshot, cell: GradCellView["cell"]): GradCellView => s.cells.find((c) => c.cell === cell)!;
/** ‖g_0‖ / ‖g_{T−1}‖ of the path the page reports for the cell (∂L/∂c for the LSTM, ∂L/∂h otherwise). */
function ratioOf(c: GradCellView): number {
  const g = c.profile.dcNorm ?? c.profile.dhNorm;
  return g[0] / g[g.length - 1];
}
const preset = (name: PresetName, seed: number) => presetSettings(name, seed);
const summary = (s: GradSnapshot) =>
  s.cells.map((c) => `${c.cell} ${(c.accuracy * 100).toFixed(0)}% ratio ${ratioOf(c).toExponential(1)}${c.divergence ? ` diverged at ${c.divergence.step}` : ""}`).join(", ");

beforeAll(async () => {
  await initKernels();
});

describe("gradient visualizer presets, three seeds each", () => {
  it.each(SEEDS)("defaults (seed %i): the LSTM and GRU learn within 300 steps, ahead of the tanh-RNN", (seed) => {
    const s = train({ ...GRAD_DEFAULTS, seed }, 300);
    const [rnn, lstm, gru] = [cellOf(s, "rnn"), cellOf(s, "lstm"), cellOf(s, "gru")];
    expect(lstm.accuracy, summary(s)).toBeGreaterThanOrEqual(0.9);
    expect(gru.accuracy, summary(s)).toBeGreaterThanOrEqual(0.9);
    expect(rnn.accuracy, summary(s)).toBeLessThanOrEqual(0.4);
  });

  it.each(SEEDS)("vanishing (seed %i): the tanh-RNN's gradient vanishes, the gated cells' fades more slowly, none learns", (seed) => {
    for (const steps of [0, 300]) {
      const s = train(preset("vanishing", seed), steps);
      const [rnn, lstm, gru] = [cellOf(s, "rnn"), cellOf(s, "lstm"), cellOf(s, "gru")];
      expect(ratioOf(rnn), summary(s)).toBeLessThan(1e-6);
      expect(ratioOf(lstm), summary(s)).toBeGreaterThan(10 * ratioOf(rnn));
      expect(ratioOf(gru), summary(s)).toBeGreaterThan(10 * ratioOf(rnn));
      if (steps > 0) for (const c of s.cells) expect(c.accuracy, summary(s)).toBeLessThanOrEqual(0.4);
    }
  });

  it.each(SEEDS)("LSTM rescues (seed %i): LSTM and GRU ≥ 90% within 400 steps, tanh-RNN ≤ 40%", (seed) => {
    const s = train(preset("lstmRescues", seed), 400);
    const [rnn, lstm, gru] = [cellOf(s, "rnn"), cellOf(s, "lstm"), cellOf(s, "gru")];
    expect(lstm.accuracy, summary(s)).toBeGreaterThanOrEqual(0.9);
    expect(gru.accuracy, summary(s)).toBeGreaterThanOrEqual(0.9);
    expect(rnn.accuracy, summary(s)).toBeLessThanOrEqual(0.4);
    // Their gradients reach t = 0 nearly undiminished; the tanh-RNN's still vanishes.
    expect(ratioOf(rnn), summary(s)).toBeLessThan(1e-4);
  });

  it.each(SEEDS)("exploding (seed %i): the tanh-RNN's first update wrecks it; the gated cells do not diverge", (seed) => {
    const s = train(preset("exploding", seed), 50);
    const [rnn, lstm, gru] = [cellOf(s, "rnn"), cellOf(s, "lstm"), cellOf(s, "gru")];
    expect(ratioOf(rnn)).toBeGreaterThan(10);
    expect(rnn.divergence?.step, summary(s)).toBe(1);
    expect(lstm.divergence, summary(s)).toBeNull();
    expect(gru.divergence, summary(s)).toBeNull();
  });

  it.each(SEEDS)("clipping rescues (seed %i): no cell diverges, the tanh-RNN stays near chance", (seed) => {
    const s = train(preset("clippingRescues", seed), 300);
    for (const c of s.cells) expect(c.divergence, summary(s)).toBeNull();
    expect(cellOf(s, "rnn").accuracy, summary(s)).toBeLessThanOrEqual(0.4);
    // What the text says of the LSTM: it learns on seeds 1 and 3, not on seed 2.
    if (seed !== 2) expect(cellOf(s, "lstm").accuracy, summary(s)).toBeGreaterThanOrEqual(0.9);
    else expect(cellOf(s, "lstm").accuracy, summary(s)).toBeLessThanOrEqual(0.4);
  });
});
