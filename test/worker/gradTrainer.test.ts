// test/worker/gradTrainer.test.ts: the gradient visualizer's loop, driven in Node by a fake host with a fake clock:
// three cells in lockstep on the same batches, the profiles and predictions, divergence, clipping, checkpoints.
import { describe, expect, it } from "vitest";
import { createNetwork, createOptimizer, trainStep } from "../../src/engine";
import { MemoryTask } from "../../src/data/memoryTask";
import { GRAD_DEFAULTS, presetSettings, toGradSetup, type GradSettings } from "../../src/store/gradSettings";
import { GradTrainer, HELD_OUT_SIZE, type GradTrainerHost } from "../../src/worker/gradients/trainer";
import type { GradReport, GradSetup, GradSnapshot } from "../../src/worker/gradients/protocol";

/** Every call to now() advances the clock 1 ms, so slices end after a fixed number of steps. */
function fakeHost(): GradTrainerHost & { reports: GradReport[]; runPending(max?: number): number; snapshots(): GradSnapshot[] } {
  let clock = 0;
  const pending: (() => void)[] = [];
  const reports: GradReport[] = [];
  return {
    reports,
    post: (r) => reports.push(r),
    schedule: (fn) => pending.push(fn),
    now: () => clock++,
    runPending(max = 1000) {
      let n = 0;
      while (pending.length > 0 && n < max) {
        pending.shift()!();
        n++;
      }
      return n;
    },
    snapshots: () => reports.flatMap((r) => (r.type === "snapshot" ? [r.snapshot] : [])),
  };
}

/** Small enough for a fast test: T = 12, H = 8, B = 8. */
function setupOf(patch: Partial<GradSettings> = {}): GradSetup {
  return toGradSetup({ ...GRAD_DEFAULTS, seqLength: 12, hidden: 8, batch: 8, classes: 3, distractors: 3, ...patch });
}

function last(host: ReturnType<typeof fakeHost>): GradSnapshot {
  const s = host.snapshots().at(-1);
  if (!s) throw new Error("no snapshot yet");
  return s;
}

const ratio = (a: Float64Array): number => a[0] / a[a.length - 1];

function lastError(host: ReturnType<typeof fakeHost>): Extract<GradReport, { type: "error" }> {
  const r = host.reports.at(-1);
  if (r?.type !== "error") throw new Error(`The last report is ${JSON.stringify(r?.type)}, not an error.`);
  return r;
}

describe("GradTrainer", () => {
  it("shows the gradient of the first batch at step 0, then Step trains all three cells once", () => {
    const host = fakeHost();
    const trainer = new GradTrainer(host, setupOf());
    trainer.snapshot();
    const s0 = last(host);
    expect(s0.step).toBe(0);
    expect(s0.cells.map((c) => c.cell)).toEqual(["rnn", "lstm", "gru"]);
    for (const c of s0.cells) {
      expect(c.profile.dhNorm).toHaveLength(12);
      expect(c.profile.dhNorm.every((v) => v > 0 && Number.isFinite(v))).toBe(true);
      expect(c.history.step).toHaveLength(0);
      expect(c.rows.rows).toBe(1);
      expect(c.accuracy).toBeGreaterThanOrEqual(0);
      expect(c.accuracy).toBeLessThanOrEqual(1);
    }
    expect(s0.cells[1].profile.dcNorm).toHaveLength(12);
    expect(s0.cells[0].profile.dcNorm).toBeNull();

    trainer.handle({ type: "step" });
    const s1 = last(host);
    expect(s1.step).toBe(1);
    expect(s1.isTraining).toBe(false);
    for (const c of s1.cells) {
      expect(c.step).toBe(1);
      expect(Array.from(c.history.step)).toEqual([1]);
      expect(c.rows.rows).toBe(2);
      expect(Number.isFinite(c.loss)).toBe(true);
    }
  });

  it("gives the three cells the same batches from the seed: each matches a lone network trained on batchAt(k)", () => {
    const setup = setupOf({ seed: 7 });
    const host = fakeHost();
    const trainer = new GradTrainer(host, setup);
    for (let i = 0; i < 3; i++) trainer.handle({ type: "step" });
    const shown = last(host);
    const task = new MemoryTask({ seqLength: 12, numClasses: 3, numDistractors: 3, batchSize: 8 }, 7, HELD_OUT_SIZE);
    for (const [k, cell] of (["rnn", "lstm", "gru"] as const).entries()) {
      const net = createNetwork(
        { cell, inputSize: 6, hiddenSize: 8, numLayers: 1, outputSize: 3, loss: "xent", outputMode: "last", inputKind: "onehot" },
        { seed: 7, init: { scheme: "pytorch", ...(cell === "lstm" ? { forgetBias: GRAD_DEFAULTS.forgetBias } : {}) } },
      );
      if (cell === "gru") {
        // The trainer sets the GRU's update-gate bias (GRAD_DEFAULTS.updateBias): b_iz = that, b_hz = 0.
        net.param("rnn.bias_ih_l0").fill(GRAD_DEFAULTS.updateBias, 8, 16);
        net.param("rnn.bias_hh_l0").fill(0, 8, 16);
      }
      const opt = createOptimizer(net, { kind: "adam", lr: GRAD_DEFAULTS.lr });
      let loss = NaN;
      for (let i = 0; i < 3; i++) loss = trainStep(net, opt, task.batchAt(i), { clipMaxNorm: 1 }).loss;
      // Same float64 operations in the same order: equal to the last bit.
      expect(shown.cells[k].loss, cell).toBe(loss);
    }
    // And a second trainer from the same setup replays the same numbers.
    const again = fakeHost();
    const replay = new GradTrainer(again, setup);
    for (let i = 0; i < 3; i++) replay.handle({ type: "step" });
    expect(Array.from(last(again).cells[2].profile.dhNorm)).toEqual(Array.from(shown.cells[2].profile.dhNorm));
  });

  it("trains in slices on Train and stops on Pause", () => {
    const host = fakeHost();
    const trainer = new GradTrainer(host, setupOf());
    trainer.handle({ type: "train" });
    host.runPending(30);
    const during = last(host);
    expect(during.isTraining).toBe(true);
    expect(during.step).toBeGreaterThan(20);
    trainer.handle({ type: "pause" });
    const paused = last(host);
    expect(paused.isTraining).toBe(false);
    expect(host.runPending()).toBeLessThanOrEqual(1); // at most the slice already queued, which does nothing
    expect(last(host).step).toBe(paused.step);
    expect(host.reports.some((r) => r.type === "checkpoint" && r.checkpoint.step === paused.step)).toBe(true);
  });

  it("predicts the tanh-RNN's curve exactly when W_hh is ρ times an orthogonal matrix", () => {
    // The prediction multiplies by ρ and by the measured tanh′ factor; for W_hh = ρQ the only other factor,
    // ‖u W_hh‖ / ‖u‖, is exactly ρ, so predicted and measured agree to rounding (1e-9 is generous for 12 steps).
    const host = fakeHost();
    const trainer = new GradTrainer(host, setupOf({ init: "orthogonal", whh: "radius", whhValue: 0.9 }));
    trainer.snapshot();
    const rnn = last(host).cells[0];
    expect(rnn.spectralRadius.W_hh).toBeCloseTo(0.9, 9);
    rnn.profile.dhNorm.forEach((v, t) => {
      expect(Math.abs(rnn.profile.predicted[t] / v - 1), `t = ${t}`).toBeLessThan(1e-9);
    });
    // ρ alone over-predicts: tanh′ < 1 takes its share at every step.
    expect(ratio(rnn.profile.radiusOnly!)).toBeGreaterThan(ratio(rnn.profile.dhNorm));
  });

  it("Vanishing: the tanh-RNN's ‖∂L/∂h_0‖/‖∂L/∂h_T−1‖ is far below 1; Exploding: above 1", () => {
    const vanishing = fakeHost();
    new GradTrainer(vanishing, toGradSetup(presetSettings("vanishing", 1))).snapshot();
    expect(ratio(last(vanishing).cells[0].profile.dhNorm)).toBeLessThan(1e-10);

    const exploding = fakeHost();
    new GradTrainer(exploding, toGradSetup(presetSettings("exploding", 1))).snapshot();
    expect(ratio(last(exploding).cells[0].profile.dhNorm)).toBeGreaterThan(1e3);

    // LSTM rescues: forget and update gates at σ(5) ≈ 0.993 keep the gated cells' gradients; the tanh-RNN's still vanishes.
    const rescued = fakeHost();
    new GradTrainer(rescued, toGradSetup(presetSettings("lstmRescues", 1))).snapshot();
    const [rnn, lstm, gru] = last(rescued).cells;
    expect(ratio(lstm.profile.dcNorm!)).toBeGreaterThan(0.1);
    expect(ratio(gru.profile.dhNorm)).toBeGreaterThan(0.1);
    expect(ratio(rnn.profile.dhNorm)).toBeLessThan(1e-10);
    // The GRU's direct path alone, ∏ z_t, predicts its curve to within a factor of 2 here (0.993^59 ≈ 0.66).
    expect(gru.profile.meanLocal).toBeCloseTo(1 / (1 + Math.exp(-5)), 2);
    expect(ratio(gru.profile.predicted) / ratio(gru.profile.dhNorm)).toBeGreaterThan(0.5);
    expect(ratio(gru.profile.predicted) / ratio(gru.profile.dhNorm)).toBeLessThan(2);
  });

  it("Exploding: the tanh-RNN diverges at once and keeps its weights, the others go on; with clipping it survives", () => {
    const host = fakeHost();
    const trainer = new GradTrainer(host, toGradSetup({ ...presetSettings("exploding", 1), hidden: 16 }));
    const before = trainer.checkpoint().params[0];
    trainer.handle({ type: "step" });
    const diverged = host.reports.find((r) => r.type === "diverged");
    expect(diverged).toMatchObject({ type: "diverged", cell: "rnn", divergence: { step: 1, cause: "blowUp" } });
    const d = last(host).cells[0].divergence!;
    expect(d.updateNorm).toBeGreaterThan(d.weightNorm);
    expect(d.gradNorm).toBeGreaterThan(1e4);
    expect(Array.from(trainer.checkpoint().params[0])).toEqual(Array.from(before));
    trainer.handle({ type: "step" });
    const s = last(host);
    expect(s.step).toBe(2);
    expect(s.cells.map((c) => c.step)).toEqual([1, 2, 2]);

    const clipped = fakeHost();
    const rescued = new GradTrainer(clipped, toGradSetup({ ...presetSettings("clippingRescues", 1), hidden: 16 }));
    for (let i = 0; i < 10; i++) rescued.handle({ type: "step" });
    const c = last(clipped);
    expect(clipped.reports.some((r) => r.type === "diverged")).toBe(false);
    expect(c.cells[0].step).toBe(10);
    expect(c.cells[0].clipped).toBe(true);
    expect(c.cells[0].clippedNorm).toBeCloseTo(1, 5);
    expect(c.cells[0].gradNorm).toBeGreaterThan(1);
  });

  it("refuses a bad setup with a message and keeps the run it had", () => {
    const host = fakeHost();
    const trainer = new GradTrainer(host, setupOf());
    trainer.handle({ type: "step" });
    const bad = setupOf();
    bad.task.seqLength = 1;
    trainer.handle({ type: "reset", setup: bad });
    expect(lastError(host)).toMatchObject({ code: "setup" });
    expect(lastError(host).problem).toMatchObject({ key: "engine", code: "config" });
    expect(JSON.stringify(lastError(host).problem)).toMatch(/seqLength must be a whole number from 2 to 1000, but is 1\./);
    trainer.handle({ type: "step" });
    expect(last(host).step).toBe(2);
    trainer.handle({ type: "setOptim", optim: { optimizer: "adam", learningRate: 0.01, clipMaxNorm: -1 } });
    expect(lastError(host).problem).toEqual({ key: "clipNorm", value: -1 });
  });

  it("resumes from a checkpoint: same step, same weights, same divergences", () => {
    const host = fakeHost();
    const trainer = new GradTrainer(host, toGradSetup({ ...presetSettings("exploding", 1), seqLength: 30, hidden: 16 }));
    for (let i = 0; i < 3; i++) trainer.handle({ type: "step" });
    const cp = trainer.checkpoint();
    expect(cp.divergence[0]).not.toBeNull();
    const again = fakeHost();
    const resumed = new GradTrainer(again, toGradSetup({ ...presetSettings("exploding", 1), seqLength: 30, hidden: 16 }), cp);
    resumed.snapshot();
    const s = last(again);
    expect(s.step).toBe(3);
    expect(s.cells[0].divergence).toEqual(cp.divergence[0]);
    expect(Array.from(resumed.checkpoint().params[1])).toEqual(Array.from(cp.params[1]));
  });
});
