// test/worker/translateTrainer.test.ts: the translation lab's trainer driven in Node by a fake host with a fake clock:
// dates from the default settings learn an alignment and exact matches far above chance in a fixed number of steps;
// beam width 1 decodes exactly as greedy; typed input is refused with the reason; the comparison twin; resuming.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { initKernels } from "../../src/engine";
import { TRANSLATE_DEFAULTS, toTranslateSetup, type TranslateSettings } from "../../src/store/translateSettings";
import { TranslateTrainer, type TranslateTrainerHost } from "../../src/worker/translate/trainer";
import { buildTask } from "../../src/worker/translate/tasks";
import type { ExampleView, TranslateReport, TranslateSnapshot } from "../../src/worker/translate/protocol";

/** Every call to now() advances the clock 1 ms, so slices end after a fixed amount of work whatever the machine. */
function fakeHost(): TranslateTrainerHost & { reports: TranslateReport[]; runPending(max?: number): number } {
  let clock = 0;
  const pending: (() => void)[] = [];
  const reports: TranslateReport[] = [];
  return {
    reports,
    post: (r) => reports.push(r),
    schedule: (fn) => pending.push(fn),
    now: () => clock++,
    runPending(max = 1) {
      let n = 0;
      while (pending.length > 0 && n < max) {
        pending.shift()!();
        n++;
      }
      return n;
    },
  };
}

function last(host: ReturnType<typeof fakeHost>): TranslateSnapshot {
  const s = host.reports.flatMap((r) => (r.type === "snapshot" ? [r.snapshot] : [])).at(-1);
  if (!s) throw new Error("no snapshot yet");
  return s;
}

function lastTranslation(host: ReturnType<typeof fakeHost>): Extract<TranslateReport, { type: "translation" }> {
  const r = host.reports.filter((x) => x.type === "translation").at(-1);
  if (r?.type !== "translation") throw new Error("no translation yet");
  return r;
}

/** Trains until the step count reaches `steps` (the loop's own slices), then pauses (which scores the test set). */
function trainTo(host: ReturnType<typeof fakeHost>, trainer: TranslateTrainer, steps: number): TranslateSnapshot {
  trainer.begin();
  trainer.handle({ type: "train" });
  while (last(host).step < steps && host.runPending() > 0) {
    // one slice of training (and of the test pass) per turn
  }
  trainer.handle({ type: "pause" });
  return last(host);
}

/** For each output row, the input position it attends to most. */
function argmaxRows(view: ExampleView): number[] {
  const cols = view.source.length + 1;
  const rows = view.attention.length / cols;
  return Array.from({ length: rows }, (_, t) => {
    let best = 0;
    for (let s = 1; s < cols; s++) if (view.attention[t * cols + s] > view.attention[t * cols + best]) best = s;
    return best;
  });
}

const STEPS = 250;

describe("TranslateTrainer on dates from the defaults", () => {
  const host = fakeHost();
  let trainer: TranslateTrainer;
  let trained: TranslateSnapshot;

  beforeAll(async () => {
    await initKernels();
    trainer = new TranslateTrainer(host, toTranslateSetup(TRANSLATE_DEFAULTS));
    trained = trainTo(host, trainer, STEPS);
  }, 300_000);

  it(`reaches exact matches far above chance within ${STEPS} steps`, () => {
    expect(trained.step).toBeGreaterThanOrEqual(STEPS);
    const e = trained.main.eval!;
    expect(e.step).toBe(trained.step);
    expect(e.count).toBe(200);
    // Chance of guessing a whole ISO date is below 1e-4; a trained model gets most of them.
    expect(e.greedy.exactMatch).toBeGreaterThan(0.3);
    expect(e.greedy.tokenAccuracy).toBeGreaterThan(0.8);
    expect(e.greedy.errorRate).toBeLessThan(0.2);
    expect(trained.main.history.loss.at(-1)!).toBeLessThan(trained.main.history.loss[0]);
    expect(trained.samples).toHaveLength(5);
  });

  it("aligns each output digit with the input digit it copies: a diagonal for 1987.06.25, the year at the end for 25 June 1987", () => {
    trainer.handle({ type: "translate", id: 1, text: "1987.06.25" });
    const a = lastTranslation(host);
    expect(a.problem).toBeNull();
    expect(a.result!.greedy.symbols.join("")).toBe("1987-06-25");
    const rows = argmaxRows(a.view!);
    // Output t copies input t ("1987.06.25" and "1987-06-25" line up symbol for symbol): within one place.
    const digits = [0, 1, 2, 3, 5, 6, 8, 9];
    const near = digits.filter((t) => Math.abs(rows[t] - t) <= 1).length;
    expect(near / digits.length).toBeGreaterThanOrEqual(0.75);

    trainer.handle({ type: "translate", id: 2, text: "25 June 1987" });
    const b = lastTranslation(host);
    expect(b.result!.greedy.symbols.join("")).toBe("1987-06-25");
    // The year's digits (outputs 0–3) look at the year (inputs 8–11), not at the start where they would sit in order.
    const year = argmaxRows(b.view!).slice(0, 4);
    expect(year.filter((s) => s >= 7 && s <= 12).length).toBeGreaterThanOrEqual(3);
  });

  it("decodes with beam width 1 exactly as greedy (tokens, scores and every number)", () => {
    trainer.handle({ type: "setDecoding", teacherForcing: 1, beamWidth: 1 });
    const s = last(host);
    const e = s.main.eval!;
    expect(e.beam).toEqual(e.greedy);
    for (const ex of s.samples) {
      expect(ex.beam).toHaveLength(1);
      expect(ex.beam[0].symbols).toEqual(ex.greedy.symbols);
      expect(ex.beam[0].logProb).toBeCloseTo(ex.greedy.logProb, 12);
      expect(ex.beam[0].score).toBeCloseTo(ex.greedy.score, 12);
    }
    trainer.handle({ type: "setDecoding", teacherForcing: 1, beamWidth: 3 });
    expect(last(host).samples[0].beam.length).toBeGreaterThan(1);
  });

  it("refuses typed input that is empty, outside the alphabet or too long, saying why", () => {
    const codes = ["   ", "3 März 2021", "1".repeat(200)].map((text, i) => {
      trainer.handle({ type: "translate", id: 10 + i, text });
      const r = lastTranslation(host);
      expect(r.result).toBeNull();
      return r.problem!.code;
    });
    expect(codes).toEqual(["emptyInput", "unknownSymbols", "inputTooLong"]);
    trainer.handle({ type: "translate", id: 20, text: "3 März 2021" });
    const p = lastTranslation(host).problem!;
    expect(p.code === "unknownSymbols" && p.values.symbols).toBe('"ä" "z"');
  });

  it("resumes from a checkpoint with the same weights, step and scores", () => {
    const checkpoint = trainer.checkpoint();
    const other = fakeHost();
    const resumed = new TranslateTrainer(other, toTranslateSetup(TRANSLATE_DEFAULTS), checkpoint);
    resumed.snapshot();
    const s = last(other);
    expect(s.step).toBe(trained.step);
    expect(s.main.eval!.greedy).toEqual(last(host).main.eval!.greedy);
    expect(resumed.checkpoint().params[0]).toEqual(checkpoint.params[0]);
  });
});

describe("TranslateTrainer settings", () => {
  const small: TranslateSettings = { ...TRANSLATE_DEFAULTS, task: "reverse", hidden: 8, embedding: 4, batch: 8 };

  it("trains a twin without attention on the same batches when comparing, and says the twin has no attention matrix", async () => {
    await initKernels();
    const host = fakeHost();
    const trainer = new TranslateTrainer(host, toTranslateSetup({ ...small, compare: true }));
    trainer.handle({ type: "step" });
    trainer.handle({ type: "pause" });
    const s = last(host);
    expect(s.main.attention).toBe("additive");
    expect(s.twin!.attention).toBe("none");
    expect(s.twin!.step).toBe(1);
    expect(s.main.eval!.byLength.length).toBeGreaterThan(2);
    expect(s.twin!.eval!.byLength.map((b) => b.count)).toEqual(s.main.eval!.byLength.map((b) => b.count));

    const none = fakeHost();
    const t2 = new TranslateTrainer(none, toTranslateSetup({ ...small, attention: "none" }));
    t2.snapshot();
    expect(last(none).example!.attention).toHaveLength(0);
    expect(last(none).example!.top.length).toBeGreaterThan(0);
  });

  it("refuses a bad setup without touching the running one", async () => {
    await initKernels();
    const host = fakeHost();
    const trainer = new TranslateTrainer(host, toTranslateSetup(small));
    trainer.handle({ type: "reset", setup: { ...toTranslateSetup(small), beamWidth: 0 } });
    const r = host.reports.at(-1)!;
    expect(r.type).toBe("error");
    trainer.handle({ type: "reset", setup: toTranslateSetup({ ...small, task: "cmudict" }) });
    expect(host.reports.at(-1)!.type).toBe("error");
    trainer.handle({ type: "step" });
    expect(last(host).step).toBe(1);
  });

  it("holds CMUdict test words out of training", () => {
    const data = buildTask("cmudict", 1, readFileSync("public/data/cmudict.tsv", "utf8"));
    const trainWords = new Set(data.train.map((p) => p.source.join("")));
    expect(data.test).toHaveLength(200);
    expect(data.heldOutCount).toBeGreaterThan(2000);
    expect(data.test.every((p) => !trainWords.has(p.source.join("")))).toBe(true);
    expect(data.targetVocab.symbols.length).toBe(4 + 39);
  });
});
