// test/pytorch/widgetExport.test.ts: the "Export to PyTorch" button's files, as each widget's trainer writes them
// (the worker side of the button), run with real PyTorch: after a few steps in the "browser", the file's losses are
// the losses the trainer itself goes on to have, to 1e-9 (same weights, optimiser state, next data, carried state).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildVocabulary } from "../../src/data/text";
import { GRAD_DEFAULTS, toGradSetup } from "../../src/store/gradSettings";
import type { PytorchReport } from "../../src/worker/kit/pytorch";
import type { KitReport } from "../../src/worker/kit/protocol";
import type { Report } from "../../src/worker/sine/protocol";
import type { CharReport } from "../../src/worker/chars/protocol";
import type { GradReport } from "../../src/worker/gradients/protocol";
import { CharTrainer } from "../../src/worker/chars/trainer";
import { GradTrainer } from "../../src/worker/gradients/trainer";
import { Trainer } from "../../src/worker/sine/trainer";
import { sineSetup } from "../worker/setups";
import { maxRelErr, python } from "./python";

const work = mkdtempSync(join(tmpdir(), "rnn-notebook-widget-export-"));
afterAll(() => { rmSync(work, { recursive: true, force: true }); });

/** A host whose slices never run: the test drives the trainer with Step commands only. */
function host<R>(): { post(r: R): void; schedule(fn: () => void): void; now(): number; reports: R[] } {
  let clock = 0;
  const reports: R[] = [];
  return { reports, post: (r) => { reports.push(r); }, schedule: () => undefined, now: () => clock++ };
}

/** The last report of a type. */
function lastOf<R extends { type: string }, K extends R["type"]>(reports: readonly R[], type: K): Extract<R, { type: K }> {
  for (let i = reports.length - 1; i >= 0; i--) if (reports[i].type === type) return reports[i] as Extract<R, { type: K }>;
  throw new Error(`no ${type} report`);
}

function fileOf(reports: readonly { type: string }[]): { fileName: string; text: string; step: number } {
  const r = lastOf(reports as readonly PytorchReport[], "pytorch");
  if ("problem" in r) throw new Error(`no file: ${JSON.stringify(r.problem)}`);
  return r;
}

function run(text: string, steps: number): number[] {
  const path = join(work, `f${Math.random().toString(36).slice(2)}.py`);
  writeFileSync(path, text);
  const printed = python([path, "--steps", String(steps)], { cwd: work });
  return [...printed.matchAll(/^step (\d+): loss (\S+)$/gm)].map((m) => Number(m[2]));
}

const TEXT = "Shall I compare thee to a summer's day? Thou art more lovely and more temperate: rough winds do shake the darling buds of May.";

describe("Export to PyTorch, from each widget's trainer", () => {
  it("sine playground: the file's losses are the trainer's next losses", () => {
    const h = host<Report | KitReport>();
    const trainer = new Trainer(h, sineSetup({ model: { cell: "gru", hiddenSize: 6, numLayers: 2, init: "pytorch" } }));
    for (let k = 0; k < 3; k++) trainer.handle({ type: "step" });
    trainer.handle({ type: "exportPytorch", requestId: 1 });
    const file = fileOf(h.reports);
    expect(file.step).toBe(3);
    const next: number[] = [];
    for (let k = 0; k < 3; k++) {
      trainer.handle({ type: "step" });
      next.push(lastOf(h.reports, "snapshot").snapshot.loss);
    }
    const losses = run(file.text, 3);
    // The first batch is the one the trainer kept for itself; then both draw random windows (different ones).
    expect(Math.abs(losses[0] - next[0]) / next[0]).toBeLessThan(1e-9);
    expect(losses).toHaveLength(3);
  });

  it("character lab: the file's losses are the trainer's next losses (the carried state and the stream position)", () => {
    const h = host<CharReport | KitReport>();
    const setup = {
      model: { cell: "lstm" as const, hiddenSize: 7, numLayers: 1 },
      optim: { optimizer: "rmsprop" as const, learningRate: 0.01, clipMaxNorm: 1 },
      bpttLength: 8, batchSize: 3, seed: 1, text: TEXT, vocabulary: buildVocabulary(TEXT).symbols as string[], validationFraction: 0.1,
    };
    const trainer = new CharTrainer(h, setup, { temperature: 1, prime: "S", seed: 1, length: 10, topK: 5 });
    for (let k = 0; k < 3; k++) trainer.handle({ type: "step" });
    trainer.handle({ type: "exportPytorch", requestId: 1 });
    const file = fileOf(h.reports);
    const next: number[] = [];
    for (let k = 0; k < 4; k++) {
      trainer.handle({ type: "step" });
      next.push(lastOf(h.reports, "snapshot").snapshot.lossBits * Math.LN2);
    }
    const losses = run(file.text, 4);
    expect(maxRelErr(losses, next)).toBeLessThan(1e-9);
  });

  it("gradient visualizer: each cell's file goes on as that cell does", () => {
    const h = host<GradReport | KitReport>();
    const trainer = new GradTrainer(h, toGradSetup({ ...GRAD_DEFAULTS, seqLength: 10, hidden: 6, batch: 8, classes: 3, distractors: 3 }));
    for (let k = 0; k < 3; k++) trainer.handle({ type: "step" });
    // The file's first two batches are the task's next two: compare with the trainer going on.
    const files = ["rnn", "lstm", "gru"].map((cell) => {
      trainer.handle({ type: "exportPytorch", requestId: 1, cell });
      const file = fileOf(h.reports);
      expect(file.fileName).toBe(`memory-${cell}-T10-step3.py`);
      return file.text;
    });
    const next: number[][] = [[], [], []];
    for (let k = 0; k < 2; k++) {
      trainer.handle({ type: "step" });
      lastOf(h.reports, "snapshot").snapshot.cells.forEach((c, i) => next[i].push(c.loss));
    }
    files.forEach((text, i) => { expect(maxRelErr(run(text, 2), next[i])).toBeLessThan(1e-9); });
  });
});
