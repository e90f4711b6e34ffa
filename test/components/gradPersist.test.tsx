// @vitest-environment jsdom
// test/components/gradPersist.test.tsx: the gradient visualizer keeps its three networks across reloads: saved on
// pause and step, restored (same step, same weights) only for the same settings, forgotten on request.
import type { StoreApi } from "zustand/vanilla";
import type { SavedRecord } from "../../src/store/persist";
import { GRAD_DEFAULTS, type GradSettings } from "../../src/store/gradSettings";
import { createGradStore, type GradSavedRun, type GradState } from "../../src/store/gradStore";
import { fakeGradWorkers } from "./workers";

/** Small enough that a few dozen steps of three networks take well under a second in jsdom. */
const SMALL: GradSettings = { ...GRAD_DEFAULTS, hidden: 8, seqLength: 12, batch: 8, classes: 3, distractors: 3 };

/** IndexedDB's part, in memory: what a reload would find, and every write in order. */
function memoryRecord<T>(): SavedRecord<T> & { value: T | null; writes: T[] } {
  const r = {
    value: null as T | null,
    writes: [] as T[],
    load: () => Promise.resolve(r.value),
    save: (v: T) => {
      r.value = v;
      r.writes.push(v);
      return Promise.resolve();
    },
    clear: () => {
      r.value = null;
      return Promise.resolve();
    },
  };
  return r;
}

/** A new store on the same storage: what a reload of the page makes. */
function makeStore(storage: SavedRecord<GradSavedRun>, settings: GradSettings = SMALL) {
  const store = createGradStore({ settings, createWorker: fakeGradWorkers().createWorker, storage });
  store.getState().start();
  onTestFinished(() => {
    store.getState().dispose();
  });
  return store;
}

async function until(store: StoreApi<GradState>, what: string, ok: (s: GradState) => boolean): Promise<GradState> {
  await vi.waitFor(
    () => {
      if (!ok(store.getState())) throw new Error(`Still waiting for: ${what} (status ${store.getState().status}, step ${store.getState().snapshot?.step})`);
    },
    { timeout: 30_000, interval: 5 },
  );
  return store.getState();
}

const ready = (s: GradState) => s.status === "idle" && s.snapshot !== null;

/** Trains at least `steps` steps, pauses, and returns the step it paused at. */
async function trainFor(store: StoreApi<GradState>, steps: number): Promise<number> {
  await until(store, "ready", ready);
  store.getState().train();
  await until(store, `step ≥ ${steps}`, (s) => (s.snapshot?.step ?? 0) >= steps);
  store.getState().pause();
  return (await until(store, "paused", (s) => s.status === "idle")).snapshot!.step;
}

describe("gradient visualizer: the run kept across reloads", () => {
  it("saves nothing for a link merely opened, then the paused run", async () => {
    const storage = memoryRecord<GradSavedRun>();
    const store = makeStore(storage);
    await until(store, "ready", ready);
    expect(store.getState().canPersist).toBe(true);
    expect(storage.writes).toHaveLength(0);
    const paused = await trainFor(store, 5);
    await until(store, "saved on pause", (s) => s.saved?.step === paused);
    expect(storage.value!.checkpoint.step).toBe(paused);
    expect(storage.value!.settings).toEqual(SMALL);
  });

  it("restores a trained run after a reload: same step, same weights", async () => {
    const storage = memoryRecord<GradSavedRun>();
    const first = makeStore(storage);
    const paused = await trainFor(first, 5);
    await until(first, "saved", () => storage.value?.checkpoint.step === paused);
    const weights = first.getState().checkpoint!.params.map((p) => Array.from(p));
    first.getState().dispose();

    const second = makeStore(storage);
    const s = await until(second, "restored", ready);
    expect(s.snapshot!.step).toBe(paused);
    expect(s.saved).toEqual({ step: paused, isRestored: true });
    // The worker's own weights: a step saves them again, one update on from the restored ones.
    second.getState().step();
    await until(second, "stepped", (x) => x.snapshot?.step === paused + 1 && x.checkpoint?.step === paused + 1);
    const third = makeStore(storage);
    await until(third, "restored again", (x) => ready(x) && x.snapshot!.step === paused + 1);
    expect(storage.value!.checkpoint.params.map((p) => p.length)).toEqual(weights.map((w) => w.length));
    expect(storage.value!.checkpoint.params.some((p, k) => p.some((v, i) => v !== weights[k][i]))).toBe(true);
  });

  it("sends the saved weights themselves to the worker", async () => {
    const storage = memoryRecord<GradSavedRun>();
    const first = makeStore(storage);
    const paused = await trainFor(first, 3);
    await until(first, "saved", () => storage.value?.checkpoint.step === paused);
    const weights = storage.value!.checkpoint.params.map((p) => Array.from(p));
    first.getState().dispose();
    const second = makeStore(storage);
    await until(second, "restored", ready);
    second.getState().pause(); // posts a checkpoint of the weights the worker holds
    const s = await until(second, "checkpoint", (x) => x.checkpoint !== null && x.checkpoint.step === paused);
    expect(s.checkpoint!.params.map((p) => Array.from(p))).toEqual(weights);
  });

  it("starts afresh when the link's settings differ from the saved run's, and keeps the saved run", async () => {
    const storage = memoryRecord<GradSavedRun>();
    const first = makeStore(storage);
    const paused = await trainFor(first, 3);
    await until(first, "saved", () => storage.value?.checkpoint.step === paused);
    const kept = storage.value;
    first.getState().dispose();
    const other = makeStore(storage, { ...SMALL, hidden: 9 });
    const s = await until(other, "fresh", ready);
    expect(s.snapshot!.step).toBe(0);
    expect(s.saved).toBeNull();
    expect(storage.value).toBe(kept);
  });

  it("Forget saved run clears it and starts new networks at step 0", async () => {
    const storage = memoryRecord<GradSavedRun>();
    const store = makeStore(storage);
    const paused = await trainFor(store, 3);
    await until(store, "saved", (s) => s.saved?.step === paused);
    await store.getState().forgetSaved();
    expect(storage.value).toBeNull();
    const s = await until(store, "fresh", (x) => ready(x) && x.snapshot!.step === 0);
    expect(s.saved).toBeNull();
    const reloaded = makeStore(storage);
    expect((await until(reloaded, "fresh after reload", ready)).snapshot!.step).toBe(0);
    expect(storage.value).toBeNull();
  });
});
