// @vitest-environment jsdom
// test/components/sineStore.test.tsx: the sine playground's store driving the real Trainer in-process: training,
// pause and step, refused settings, the learner's own series, divergence and its remedies, crash recovery.
import { defaults } from "../../src/store/schema";
import { SINE_SCHEMA, type SineSettings } from "../../src/store/sineSettings";
import { createSineStore, type SineState } from "../../src/store/sineStore";
import type { StoreApi } from "zustand/vanilla";
import { fakeWorkers } from "./workers";
import { inLang, type MsgLike } from "../../src/i18n";

/** A store message as an English reader sees it (messages are kept in both languages). */
const en = (m: MsgLike | null | undefined): string | null | undefined => (m === null || m === undefined ? m : inLang(m, "en"));

/** Small enough that a few hundred steps take well under a second in jsdom. */
const SMALL: Partial<SineSettings> = { hidden: 8, seqLength: 20, batch: 8 };

function makeStore(patch: Partial<SineSettings> = {}) {
  const workers = fakeWorkers();
  const store = createSineStore({ settings: { ...defaults(SINE_SCHEMA), ...SMALL, ...patch }, createWorker: workers.createWorker });
  store.getState().start();
  onTestFinished(() => {
    store.getState().dispose();
  });
  return { store, workers };
}

/** Waits until `ok` holds for the store's state (polling; fails with `what` after the timeout). */
async function until(store: StoreApi<SineState>, what: string, ok: (s: SineState) => boolean): Promise<SineState> {
  await vi.waitFor(
    () => {
      if (!ok(store.getState())) throw new Error(`Still waiting for: ${what} (status ${store.getState().status}, step ${store.getState().snapshot?.step})`);
    },
    { timeout: 30_000, interval: 5 },
  );
  return store.getState();
}

const stepOf = (s: SineState) => s.snapshot?.step ?? -1;

/** Starts training, waits for `steps` steps, pauses and waits until the worker confirms. */
async function trainFor(store: StoreApi<SineState>, steps: number): Promise<number> {
  store.getState().train();
  await until(store, `step ≥ ${steps}`, (s) => stepOf(s) >= steps);
  store.getState().pause();
  return stepOf(await until(store, "paused", (s) => s.status === "idle"));
}

describe("sine store", () => {
  it("starts idle at step 0 with the validation loss of the untrained network", async () => {
    const { store } = makeStore();
    const s = await until(store, "first snapshot", (st) => st.status === "idle" && st.snapshot !== null);
    expect(s.snapshot!.step).toBe(0);
    expect(s.snapshot!.valLoss).toBeGreaterThan(0);
    expect(Number.isNaN(s.snapshot!.loss)).toBe(true);
  });

  it("trains until paused, the loss falls, and Step then advances exactly one step", async () => {
    const { store } = makeStore();
    await until(store, "ready", (s) => s.status === "idle" && s.snapshot !== null);
    store.getState().train();
    expect(store.getState().status).toBe("training");
    const s = await until(store, "loss below a third of the first", (st) => {
      const train = st.snapshot?.history.train;
      return !!train && train.length > 5 && st.snapshot!.loss < train[0] / 3;
    });
    expect(s.snapshot!.isTraining).toBe(true);
    store.getState().pause();
    const paused = stepOf(await until(store, "paused", (st) => st.status === "idle"));
    // Had training gone on after Pause, the count would be past paused + 1 by the time Step's snapshot arrives.
    store.getState().step();
    await until(store, "one step", (st) => stepOf(st) !== paused);
    expect(stepOf(store.getState())).toBe(paused + 1);
    expect(store.getState().status).toBe("idle");
  });

  it("refuses bad values with a message, keeps the previous value and does not restart the run", async () => {
    const { store, workers } = makeStore();
    await until(store, "ready", (s) => s.status === "idle");
    const sent = workers.made[0].commands.length;
    const cases: [keyof SineSettings, string, RegExp][] = [
      ["hidden", "0", /^Hidden size must be a whole number from 1 to 256, not 0\.$/],
      ["hidden", "1e6", /Hidden size must be a whole number from 1 to 256, not 1e6/],
      ["hidden", "12.5", /whole number/],
      ["lr", "-0.1", /^Learning rate must be a number above 0 and up to 100, not -0\.1\.$/],
      ["lr", "abc", /not abc/],
      ["lr", "", /^Learning rate must be a number above 0 and up to 100\.$/],
      ["horizon", "20", /^The horizon \(20\) must be shorter than the sequence length \(20\)\.$/],
      ["periodMin", "100", /The shortest period \(100\) must not exceed the longest \(40\)/],
      ["cell", "transformer", /Cell must be one of rnn, lstm, gru/],
    ];
    for (const [key, raw, message] of cases) {
      const before = store.getState().settings;
      store.getState().setSetting(key, raw);
      expect(en(store.getState().fieldErrors[key]), `${key}=${raw}`).toMatch(message);
      expect(store.getState().settings).toBe(before);
    }
    expect(workers.made[0].commands.length).toBe(sent);
    store.getState().setSetting("hidden", "10");
    expect(store.getState().fieldErrors.hidden).toBeUndefined();
    expect(store.getState().settings.hidden).toBe(10);
  });

  it("applies optimiser settings to the running network, and starts a new one for the model", async () => {
    const { store, workers } = makeStore();
    await until(store, "ready", (s) => s.status === "idle");
    const trained = await trainFor(store, 20);
    store.getState().setSetting("lr", "0.005");
    expect(workers.made[0].commands.at(-1)).toEqual({ type: "setOptim", optim: { optimizer: "adam", learningRate: 0.005, clipMaxNorm: 1 } });
    store.getState().step();
    expect(stepOf(await until(store, "a step on", (s) => stepOf(s) === trained + 1))).toBe(trained + 1);
    store.getState().setSetting("cell", "gru");
    const fresh = await until(store, "a new GRU", (s) => s.snapshot?.trace.cell === "gru");
    expect(fresh.snapshot!.step).toBe(0);
    expect(Object.keys(fresh.snapshot!.trace.gates)).toEqual(["r", "z", "n"]);
  });

  it("refuses a bad CSV with a message while the current run goes on", async () => {
    const { store } = makeStore();
    await until(store, "ready", (s) => s.status === "idle");
    store.getState().train();
    const running = stepOf(await until(store, "training", (s) => stepOf(s) > 5));
    const bad: [string, RegExp][] = [
      ["", /The CSV is empty/],
      ["1\n2\nabc\n4", /Line 3: "abc" is not a number/],
      ["value\n5", /The series has 1 value/],
      ["7\n7\n7\n7\n7\n7\n7\n7\n7\n7\n7\n7\n7\n7\n7\n7\n7\n7\n7\n7\n7\n7\n7\n7\n7", /Every value in the series is the same/],
      ["1\n2\n3\n4\n5\n6\n7\n8\n9\n10", /too few for training and validation windows/],
      ["1\n".repeat(1_000_001), /1,000,001 rows; the limit is 1,000,000/],
    ];
    for (const [text, message] of bad) {
      store.getState().loadSeries(text, "prices.csv");
      expect(en(store.getState().fieldErrors.series)).toMatch(message);
      expect(en(store.getState().fieldErrors.series)).toMatch(/^prices\.csv: .* The current data is kept\.$/s);
      expect(store.getState().series).toBeNull();
    }
    const later = await until(store, "still training", (s) => stepOf(s) > running + 20);
    expect(later.status).toBe("training");
    expect(later.snapshot!.dataStats.mean).toBe(0); // still the sine waves (generated, not standardised)
  });

  it("trains on the learner's own series, shows its mean and std, and goes back to sines", async () => {
    const { store } = makeStore();
    await until(store, "ready", (s) => s.status === "idle");
    const values = Array.from({ length: 300 }, (_, t) => (100 + 5 * Math.sin(t / 4)).toFixed(4));
    store.getState().loadSeries(`price\n${values.join("\n")}`, null);
    expect(store.getState().fieldErrors.series).toBeUndefined();
    expect(store.getState().series?.name).toBe("price");
    const s = await until(store, "series stats", (st) => (st.snapshot?.dataStats.mean ?? 0) > 50);
    expect(s.snapshot!.dataStats.mean).toBeCloseTo(100, 0);
    expect(s.snapshot!.dataStats.std).toBeCloseTo(5 / Math.SQRT2, 0);
    store.getState().clearSeries();
    await until(store, "sine data again", (st) => st.snapshot?.dataStats.mean === 0);
    expect(store.getState().series).toBeNull();
  });

  it("checks a setting against the loaded series as the trainer will (validation fraction included)", async () => {
    const { store } = makeStore();
    await until(store, "ready", (s) => s.status === "idle");
    const values = Array.from({ length: 120 }, (_, t) => Math.sin(t / 3).toFixed(4));
    store.getState().loadSeries(values.join("\n"), "short.csv");
    expect(store.getState().series).not.toBeNull();
    // 5 % of 120 values leaves 6 for validation, fewer than one window of 20 + 1.
    store.getState().setSetting("validation", "0.05");
    expect(en(store.getState().fieldErrors.validation)).toMatch(/Your series has 120 values: too few/);
    expect(store.getState().settings.validation).toBe(0.2);
    store.getState().setSetting("seqLength", "80");
    expect(en(store.getState().fieldErrors.seqLength)).toMatch(/too few/);
    await until(store, "the series in use", (s) => s.snapshot?.dataStats.trainWindows !== undefined && s.snapshot.dataStats.mean !== 0);
    expect(store.getState().error).toBeNull();
  });

  it("stops on divergence with the last good weights, and a remedy resumes training", async () => {
    // SGD at learning rate 10 without clipping blows up within three steps from the default network.
    const { store, workers } = makeStore({ hidden: 24, seqLength: 50, batch: 16, optimizer: "sgd", lr: 10, clip: false });
    await until(store, "ready", (s) => s.status === "idle");
    store.getState().train();
    const s = await until(store, "diverged", (st) => st.status === "diverged" && st.snapshot?.isTraining === false);
    const d = s.divergence!;
    expect(d.step).toBeGreaterThan(d.lastGoodStep);
    expect(Number.isFinite(d.lastGoodLoss)).toBe(true);
    expect(d.learningRate).toBe(10);
    expect(s.snapshot!.step).toBe(d.lastGoodStep);
    expect(s.snapshot!.params.every((p) => p.value.every(Number.isFinite))).toBe(true);

    store.getState().applyRemedy("enableClipping");
    expect(store.getState().settings.clip).toBe(true);
    expect(workers.made[0].commands.at(-1)).toEqual({ type: "resume", optim: { optimizer: "sgd", learningRate: 10, clipMaxNorm: 1 } });
    expect(store.getState().divergence).toBeNull();
    const resumed = await until(store, "training past the divergence", (st) => stepOf(st) > d.step + 20);
    expect(resumed.status).toBe("training");
  });

  it("after a divergence keeps the explanation while settings change, and Train continues from the kept weights", async () => {
    const { store, workers } = makeStore({ hidden: 24, seqLength: 50, batch: 16, optimizer: "sgd", lr: 10, clip: false });
    await until(store, "ready", (s) => s.status === "idle");
    store.getState().train();
    await until(store, "diverged", (st) => st.status === "diverged");
    store.getState().setSetting("lr", "0.05");
    expect(store.getState().status).toBe("diverged");
    expect(store.getState().divergence).not.toBeNull();
    store.getState().applyRemedy("halveLearningRate");
    expect(store.getState().settings.lr).toBe(0.025);
    store.getState().pause();
    await until(store, "paused", (s) => s.status === "idle");
    store.getState().train();
    expect(workers.made[0].commands.at(-1)).toEqual({ type: "train" });
    store.getState().pause();
    await until(store, "paused", (s) => s.status === "idle");

    // Train straight after a divergence sends "resume" with the current settings.
    store.getState().setSetting("lr", "10");
    store.getState().train();
    await until(store, "diverged again", (st) => st.status === "diverged");
    store.getState().setSetting("lr", "0.01");
    store.getState().train();
    expect(workers.made[0].commands.at(-1)).toEqual({ type: "resume", optim: { optimizer: "sgd", learningRate: 0.01, clipMaxNorm: null } });
    expect(store.getState().status).toBe("training");
  });

  it("restarts a crashed worker from the last snapshot and keeps training", async () => {
    const { store, workers } = makeStore();
    await until(store, "ready", (s) => s.status === "idle");
    store.getState().train();
    const before = stepOf(await until(store, "some steps", (s) => stepOf(s) > 10));
    store.getState().simulateCrash();
    const s = await until(store, "restart notice", (st) => st.notice !== null);
    expect(en(s.notice)).toMatch(/^The training worker stopped unexpectedly \(Simulated crash \(test hook\)\)\. It was restarted from step \d+ and training continues\.$/);
    expect(workers.made).toHaveLength(2);
    expect(workers.made[0].isTerminated).toBe(true);
    const init = workers.made[1].commands[0];
    expect(init.type === "init" && init.resume !== undefined && init.resume.step >= before).toBe(true);
    await until(store, "training on", (st) => st.status === "training" && stepOf(st) > before + 20);
    store.getState().dismissNotice();
    expect(store.getState().notice).toBeNull();
  });

  it("says so when no worker can be started", () => {
    const store = createSineStore({
      settings: defaults(SINE_SCHEMA),
      createWorker: () => {
        throw new Error("this browser has no Web Workers, which training needs");
      },
    });
    store.getState().start();
    onTestFinished(() => {
      store.getState().dispose();
    });
    expect(store.getState().status).toBe("failed");
    expect(en(store.getState().error)).toBe("The training worker could not be started: this browser has no Web Workers, which training needs");
  });
});
