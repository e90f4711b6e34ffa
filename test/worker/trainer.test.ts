// test/worker/trainer.test.ts: the worker's training loop, driven in Node by a fake host with a fake clock.
import { describe, expect, it } from "vitest";
import type { Report, Snapshot } from "../../src/worker/sine/protocol";
import { Trainer, type TrainerHost } from "../../src/worker/sine/trainer";
import { sineSetup } from "./setups";

/** Every call to now() advances the clock 1 ms, so slices end after a fixed number of steps. */
function fakeHost(): TrainerHost & { reports: Report[]; runPending(max?: number): number; snapshots(): Snapshot[] } {
  let clock = 0;
  const pending: (() => void)[] = [];
  const reports: Report[] = [];
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

describe("Trainer", () => {
  it("steps exactly once per Step, trains on Train, stops on Pause", () => {
    const host = fakeHost();
    const trainer = new Trainer(host, sineSetup());
    trainer.handle({ type: "step" });
    expect(host.snapshots().at(-1)!.step).toBe(1);
    trainer.handle({ type: "step" });
    expect(host.snapshots().at(-1)!.step).toBe(2);
    trainer.handle({ type: "train" });
    host.runPending(40);
    const during = host.snapshots().at(-1)!;
    expect(during.step).toBeGreaterThan(20);
    expect(during.isTraining).toBe(true);
    trainer.handle({ type: "pause" });
    const paused = host.snapshots().at(-1)!;
    expect(paused.isTraining).toBe(false);
    expect(host.runPending()).toBeLessThanOrEqual(1); // at most the slice already queued, which does nothing
    expect(host.snapshots().at(-1)!.step).toBe(paused.step);
  });

  it("learns: the training and validation loss fall", () => {
    const host = fakeHost();
    const trainer = new Trainer(host, sineSetup());
    trainer.handle({ type: "train" });
    host.runPending(150);
    trainer.handle({ type: "pause" });
    const s = host.snapshots().at(-1)!;
    const train = s.history.train;
    expect(train.length).toBeGreaterThan(10);
    expect(s.loss).toBeLessThan(train[0] / 5);
    expect(s.history.val.at(-1)!).toBeLessThan(s.history.val[0] / 5);
  });

  it("snapshots carry the example, its trace and the weights with their gradients", () => {
    const host = fakeHost();
    const trainer = new Trainer(host, sineSetup({ model: { cell: "gru", hiddenSize: 6, numLayers: 2, init: "pytorch" } }));
    trainer.handle({ type: "step" });
    const s = host.snapshots().at(-1)!;
    expect(s.example.target).toHaveLength(30);
    expect(s.example.teacherForced).toHaveLength(30);
    expect(s.example.freeRun).toHaveLength(50);
    expect(s.example.futureTarget).toHaveLength(50);
    expect(s.trace.h).toHaveLength(2);
    expect(s.trace.h[1]).toHaveLength(30 * 6);
    expect(Object.keys(s.trace.gates)).toEqual(["r", "z", "n"]);
    expect(s.trace.dhNorm[1]).toHaveLength(30);
    expect(s.params.map((p) => p.name)).toContain("rnn.weight_hh_l1");
    const whh = s.params.find((p) => p.name === "rnn.weight_hh_l0")!;
    expect(whh.shape).toEqual([18, 6]);
    expect(whh.grad.some((g) => g !== 0)).toBe(true);
  });

  it("a huge learning rate ends in a divergence report, with the last good weights kept", () => {
    const host = fakeHost();
    const trainer = new Trainer(host, sineSetup({ optim: { optimizer: "sgd", learningRate: 100, clipMaxNorm: null }, model: { cell: "rnn", hiddenSize: 12, numLayers: 1, init: "pytorch" } }));
    trainer.handle({ type: "train" });
    host.runPending(200);
    const d = host.reports.find((r) => r.type === "diverged");
    expect(d).toBeDefined();
    if (d?.type !== "diverged") throw new Error("unreachable");
    expect(["nan", "inf", "blowUp"]).toContain(d.divergence.cause);
    expect(Number.isFinite(d.divergence.lastGoodLoss)).toBe(true);
    const s = host.snapshots().at(-1)!;
    expect(s.isTraining).toBe(false);
    expect(s.step).toBe(d.divergence.lastGoodStep);
    expect(s.params.every((p) => p.value.every(Number.isFinite))).toBe(true);
    // The rollback shows in the history too: no step after the kept one.
    expect(Math.max(...s.history.step)).toBeLessThanOrEqual(d.divergence.lastGoodStep);
    // The remedy: a smaller learning rate, and training resumes from the kept weights.
    trainer.handle({ type: "resume", optim: { optimizer: "sgd", learningRate: 0.01, clipMaxNorm: 1 } });
    host.runPending(20);
    trainer.handle({ type: "pause" });
    const after = host.snapshots().at(-1)!;
    expect(after.step).toBeGreaterThan(d.divergence.lastGoodStep);
    const steps = Array.from(after.history.step);
    expect(new Set(steps).size).toBe(steps.length);
  });

  it("a bad setup is reported and the current run is kept", () => {
    const host = fakeHost();
    const trainer = new Trainer(host, sineSetup());
    trainer.handle({ type: "step" });
    trainer.handle({ type: "reset", setup: sineSetup({ model: { cell: "lstm", hiddenSize: 0, numLayers: 1, init: "pytorch" } }) });
    const err = host.reports.at(-1)!;
    expect(err).toMatchObject({ type: "error", code: "setup" });
    if (err.type === "error") expect(err.problem.key === "engine" && err.problem.detail).toMatch(/hiddenSize must be a whole number from 1/);
    trainer.handle({ type: "step" });
    expect(host.snapshots().at(-1)!.step).toBe(2);
  });

  it("resumes from a checkpoint with the same weights, step and history", () => {
    const host = fakeHost();
    const trainer = new Trainer(host, sineSetup());
    for (let i = 0; i < 5; i++) trainer.handle({ type: "step" });
    const cp = trainer.checkpoint();
    const host2 = fakeHost();
    const restored = new Trainer(host2, sineSetup(), cp);
    restored.snapshot();
    const a = host.snapshots().at(-1)!;
    const b = host2.snapshots().at(-1)!;
    expect(b.step).toBe(5);
    expect(Array.from(b.params[1].value)).toEqual(Array.from(a.params[1].value));
    expect(Array.from(b.history.train)).toEqual(Array.from(a.history.train));
  });
});
