// @vitest-environment jsdom
// test/components/gradStore.test.tsx: the gradient visualizer's store driving the real GradTrainer in-process: training,
// pause and step, refused settings, live and restarting settings, presets, divergence and its remedy, crash recovery.
import type { StoreApi } from "zustand/vanilla";
import { GRAD_DEFAULTS, type GradSettings } from "../../src/store/gradSettings";
import { createGradStore, type GradState } from "../../src/store/gradStore";
import { fakeGradWorkers } from "./workers";
import { inLang, type MsgLike } from "../../src/i18n";

/** A store message as an English reader sees it (messages are kept in both languages). */
const en = (m: MsgLike | null | undefined): string | null | undefined => (m === null || m === undefined ? m : inLang(m, "en"));

/** Small enough that a few dozen steps of three networks take well under a second in jsdom. */
const SMALL: Partial<GradSettings> = { hidden: 8, seqLength: 12, batch: 8, classes: 3, distractors: 3 };

function makeStore(patch: Partial<GradSettings> = {}) {
  const workers = fakeGradWorkers();
  const store = createGradStore({ settings: { ...GRAD_DEFAULTS, ...SMALL, ...patch }, createWorker: workers.createWorker });
  store.getState().start();
  onTestFinished(() => {
    store.getState().dispose();
  });
  return { store, workers };
}

/** Waits until `ok` holds for the store's state (polling; fails with `what` after the timeout). */
async function until(store: StoreApi<GradState>, what: string, ok: (s: GradState) => boolean): Promise<GradState> {
  await vi.waitFor(
    () => {
      if (!ok(store.getState())) throw new Error(`Still waiting for: ${what} (status ${store.getState().status}, step ${store.getState().snapshot?.step})`);
    },
    { timeout: 30_000, interval: 5 },
  );
  return store.getState();
}

const stepOf = (s: GradState) => s.snapshot?.step ?? -1;
const ready = (s: GradState) => s.status === "idle" && s.snapshot !== null;

describe("gradient visualizer store", () => {
  it("starts idle at step 0 with three cells and their gradients", async () => {
    const { store } = makeStore();
    const s = await until(store, "first snapshot", ready);
    expect(s.snapshot!.step).toBe(0);
    expect(s.snapshot!.cells.map((c) => c.cell)).toEqual(["rnn", "lstm", "gru"]);
    expect(s.snapshot!.T).toBe(12);
  });

  it("trains until paused, then Step advances exactly one step", async () => {
    const { store } = makeStore();
    await until(store, "ready", ready);
    store.getState().train();
    expect(store.getState().status).toBe("training");
    await until(store, "step ≥ 10", (s) => stepOf(s) >= 10);
    store.getState().pause();
    const paused = stepOf(await until(store, "paused", (s) => s.status === "idle"));
    store.getState().step();
    await until(store, "one more step", (s) => stepOf(s) === paused + 1);
    expect(store.getState().snapshot!.cells.every((c) => c.step === paused + 1)).toBe(true);
  });

  it("refuses bad values with a message and keeps the old value", async () => {
    const { store } = makeStore();
    await until(store, "ready", ready);
    store.getState().setSetting("seqLength", "500");
    expect(en(store.getState().fieldErrors.seqLength)).toBe("Sequence length T must be a whole number from 10 to 200, not 500.");
    expect(store.getState().settings.seqLength).toBe(12);
    store.getState().setSetting("lr", "0");
    expect(en(store.getState().fieldErrors.lr)).toMatch(/Learning rate must be a number above 0/);
    store.getState().setSetting("whh", "radius");
    store.getState().setSetting("whhValue", "0");
    expect(en(store.getState().fieldErrors.whhValue)).toMatch(/spectral radius of 0/);
    // A good value clears the message.
    store.getState().setSetting("seqLength", "20");
    expect(store.getState().fieldErrors.seqLength).toBeUndefined();
    expect(store.getState().settings.seqLength).toBe(20);
  });

  it("keeps training through a learning-rate change, and restarts from step 0 for a new sequence length", async () => {
    const { store, workers } = makeStore();
    await until(store, "ready", ready);
    store.getState().step();
    store.getState().step();
    await until(store, "step 2", (s) => stepOf(s) === 2);
    store.getState().setSetting("lr", "0.02");
    expect(workers.made[0].commands.at(-1)).toEqual({ type: "setOptim", optim: { optimizer: "adam", learningRate: 0.02, clipMaxNorm: 1 } });
    store.getState().setSetting("seqLength", "15");
    const s = await until(store, "a new run with T = 15", (st) => st.snapshot?.T === 15);
    expect(s.snapshot!.step).toBe(0);
    expect(s.snapshot!.cells[0].profile.dhNorm).toHaveLength(15);
  });

  it("a preset sets its settings, marks itself, and starts a fresh run", async () => {
    const { store } = makeStore();
    await until(store, "ready", ready);
    store.getState().step();
    await until(store, "step 1", (s) => stepOf(s) === 1);
    store.getState().applyPreset("exploding");
    expect(store.getState().preset).toBe("exploding");
    expect(store.getState().settings).toMatchObject({ whh: "radius", whhValue: 3, optimizer: "sgd", clip: false, seqLength: 50 });
    const s = await until(store, "the exploding run at step 0", (st) => st.snapshot?.T === 50 && stepOf(st) === 0);
    const dh = s.snapshot!.cells[0].profile.dhNorm;
    expect(dh[0] / dh[49]).toBeGreaterThan(1);
    // Changing a setting by hand makes it a custom run.
    store.getState().setSetting("seed", "2");
    expect(store.getState().preset).toBeNull();
  });

  it("after the tanh-RNN diverges, 'turn on clipping' replays the same run with clipping, and it survives", async () => {
    const { store } = makeStore({ ...{ seqLength: 30, hidden: 16 }, whh: "radius", whhValue: 3, optimizer: "sgd", lr: 0.1, clip: false });
    await until(store, "ready", ready);
    store.getState().step();
    const s = await until(store, "the tanh-RNN diverged", (st) => st.snapshot?.cells[0].divergence != null);
    expect(s.snapshot!.cells[0].divergence!.step).toBe(1);
    expect(s.snapshot!.cells[1].divergence).toBeNull();
    store.getState().restartWithClipping();
    expect(store.getState().settings).toMatchObject({ clip: true, clipNorm: 1, seed: 1 });
    await until(store, "back at step 0", (st) => stepOf(st) === 0 && st.snapshot!.cells[0].divergence === null);
    for (let i = 1; i <= 3; i++) {
      store.getState().step();
      await until(store, `step ${i}`, (st) => stepOf(st) === i);
    }
    expect(store.getState().snapshot!.cells[0].divergence).toBeNull();
    expect(store.getState().snapshot!.cells[0].clipped).toBe(true);
  });

  it("restarts a crashed worker from its last checkpoint and says so", async () => {
    const { store, workers } = makeStore();
    await until(store, "ready", ready);
    store.getState().train();
    await until(store, "a checkpoint past step 5", (s) => (s.checkpoint?.step ?? 0) > 5);
    store.getState().pause();
    const at = (await until(store, "paused with its checkpoint", (s) => s.status === "idle" && s.checkpoint?.step === stepOf(s))).checkpoint!.step;
    store.getState().simulateCrash();
    const s = await until(store, "restarted", (st) => workers.made.length === 2 && st.status === "idle" && st.snapshot?.step === at);
    expect(workers.made[0].isTerminated).toBe(true);
    expect(en(s.notice)).toMatch(new RegExp(`restarted from step ${at}`));
  });

  it("says so, instead of breaking the page, when no worker can be made", () => {
    const store = createGradStore({
      settings: { ...GRAD_DEFAULTS, ...SMALL },
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
