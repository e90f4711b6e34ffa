// @vitest-environment jsdom
// test/components/persist.test.tsx: the sine playground keeps its run across reloads: saved while training (every few
// seconds) and on pause, restored only for the same settings, forgotten on request; and the ordered save queue under it.
import { fireEvent, render, screen } from "@testing-library/react";
import type { StoreApi } from "zustand/vanilla";
import { saveQueue, type SavedRecord } from "../../src/store/persist";
import { defaults } from "../../src/store/schema";
import { SINE_SCHEMA, type SineSettings } from "../../src/store/sineSettings";
import { createSineStore, SAVE_INTERVAL_MS, type SavedRun, type SineState } from "../../src/store/sineStore";
import { SinePlayground } from "../../src/widgets/sine/SinePlayground";
import { fakeWorkers } from "./workers";

/** Small enough that a few hundred steps take well under a second in jsdom. */
const SMALL: SineSettings = { ...defaults(SINE_SCHEMA), hidden: 8, seqLength: 20, batch: 8 };

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

function makeStore(storage: SavedRecord<SavedRun>, settings: SineSettings = SMALL, now?: () => number) {
  const store = createSineStore({ settings, createWorker: fakeWorkers().createWorker, storage, now });
  store.getState().start();
  onTestFinished(() => {
    store.getState().dispose();
  });
  return store;
}

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
const ready = (s: SineState) => s.status === "idle" && s.snapshot !== null;

async function trainFor(store: StoreApi<SineState>, steps: number): Promise<number> {
  store.getState().train();
  await until(store, `step ≥ ${steps}`, (s) => stepOf(s) >= steps);
  store.getState().pause();
  return stepOf(await until(store, "paused", (s) => s.status === "idle"));
}

describe("sine playground across reloads", () => {
  it("saves nothing for a run merely opened, then the paused run's weights, step and loss history", async () => {
    const storage = memoryRecord<SavedRun>();
    const store = makeStore(storage);
    await until(store, "ready", ready);
    store.getState().setHoverT(3); // looking is not changing the run
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(storage.writes).toHaveLength(0);

    const paused = await trainFor(store, 30);
    await until(store, "saved at the paused step", (s) => s.saved?.step === paused);
    const saved = storage.value!;
    expect(saved.settings).toEqual(SMALL);
    expect(saved.checkpoint.step).toBe(paused);
    const snap = store.getState().snapshot!;
    expect(Array.from(saved.checkpoint.params.subarray(0, 5))).toEqual(Array.from(snap.params[0].value.subarray(0, 5)));
    expect(Array.from(saved.checkpoint.history.train)).toEqual(Array.from(snap.history.train));
    expect(store.getState().saved).toEqual({ step: paused, isRestored: false });
  });

  it("while training, saves at most once per interval, and at once on pause", async () => {
    const storage = memoryRecord<SavedRun>();
    let clockMs = 0;
    const store = makeStore(storage, SMALL, () => clockMs);
    await until(store, "ready", ready);
    store.getState().train();
    await until(store, "first save", () => storage.writes.length === 1);
    const first = stepOf(store.getState());
    // Many more snapshots arrive, but the clock has not moved: no second write.
    await until(store, "50 more steps", (s) => stepOf(s) >= first + 50);
    expect(storage.writes).toHaveLength(1);
    clockMs += SAVE_INTERVAL_MS;
    await until(store, "a save once the interval has passed", () => storage.writes.length === 2);
    expect(storage.writes[1].checkpoint.step).toBeGreaterThan(storage.writes[0].checkpoint.step);
    store.getState().pause();
    const paused = stepOf(await until(store, "paused", (s) => s.status === "idle"));
    await until(store, "saved on pause", () => storage.value?.checkpoint.step === paused);
    expect(storage.writes).toHaveLength(3);
  });

  it("a reload with the same settings continues from the saved step, weights and history", async () => {
    const storage = memoryRecord<SavedRun>();
    const first = makeStore(storage);
    await until(first, "ready", ready);
    const paused = await trainFor(first, 40);
    await until(first, "saved", (s) => s.saved?.step === paused);
    const before = first.getState().snapshot!;
    first.getState().dispose();

    const second = makeStore(storage);
    const s = await until(second, "restored", ready);
    expect(s.snapshot!.step).toBe(paused);
    expect(s.saved).toEqual({ step: paused, isRestored: true });
    expect(Array.from(s.snapshot!.history.train)).toEqual(Array.from(before.history.train));
    // The very weights saved, to the bit (structured clone copies Float64Arrays exactly).
    for (const [k, p] of s.snapshot!.params.entries()) expect(Array.from(p.value), p.name).toEqual(Array.from(before.params[k].value));
    expect(s.notice).toBeNull();
    // Training goes on from there.
    second.getState().step();
    await until(second, "one more step", (st) => stepOf(st) === paused + 1);
  });

  it("a link with other settings starts a new network, says why, and leaves the saved run alone until trained", async () => {
    const storage = memoryRecord<SavedRun>();
    const first = makeStore(storage);
    await until(first, "ready", ready);
    await trainFor(first, 20);
    await until(first, "saved", (s) => s.saved !== null);
    first.getState().dispose();
    const kept = storage.value;

    const other = makeStore(storage, { ...SMALL, hidden: 9 });
    const s = await until(other, "ready", ready);
    expect(s.snapshot!.step).toBe(0);
    expect(s.saved).toBeNull();
    expect(typeof s.notice === "object" && s.notice !== null ? s.notice.en : s.notice).toMatch(/used other settings than this link, so a new network starts/);
    expect(storage.value).toBe(kept);
  });

  it("Forget saved run clears the record and starts a new network, which is saved again only once trained", async () => {
    const storage = memoryRecord<SavedRun>();
    const store = makeStore(storage);
    await until(store, "ready", ready);
    await trainFor(store, 20);
    await until(store, "saved", (s) => s.saved !== null);

    await store.getState().forgetSaved();
    expect(storage.value).toBeNull();
    const s = await until(store, "a new network at step 0", (st) => st.status === "idle" && stepOf(st) === 0);
    expect(s.saved).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(storage.value).toBeNull();

    await trainFor(store, 5);
    await until(store, "saved again", () => storage.value !== null);
  });

  it("the playground says the run was continued, and its button forgets it", async () => {
    const storage = memoryRecord<SavedRun>();
    const first = makeStore(storage);
    await until(first, "ready", ready);
    const paused = await trainFor(first, 10);
    await until(first, "saved", (s) => s.saved?.step === paused);
    first.getState().dispose();

    render(<SinePlayground settings={SMALL} createWorker={fakeWorkers().createWorker} storage={storage} />);
    expect(await screen.findByText(`Continued from your run saved in this browser (step ${paused}).`)).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Forget saved run" }));
    expect(await screen.findByText(/Forgot the saved run: a new network starts from step 0/)).toBeInTheDocument();
    expect(storage.value).toBeNull();
  });

  it("without storage the playground says nothing is kept", async () => {
    render(<SinePlayground settings={SMALL} createWorker={fakeWorkers().createWorker} storage={null} />);
    expect(await screen.findByText(/offers no storage \(IndexedDB\), so the run is not kept/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Forget saved run" })).toBeNull();
  });
});

describe("saveQueue", () => {
  it("writes one value at a time, the newest waiting value replacing older ones, and clears after the write in flight", async () => {
    const written: string[] = [];
    let release: () => void = () => undefined;
    const record: SavedRecord<string> = {
      load: () => Promise.resolve(null),
      save: (v) => {
        written.push(v);
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
      clear: () => {
        written.push("(cleared)");
        return Promise.resolve();
      },
    };
    const queue = saveQueue(record);
    const a = queue.save("a");
    await vi.waitFor(() => {
      expect(written).toEqual(["a"]);
    });
    const b = queue.save("b");
    const c = queue.save("c"); // replaces b, which has not started
    expect(c).toBe(b);
    release();
    await a;
    await vi.waitFor(() => {
      expect(written).toEqual(["a", "c"]);
    });
    const d = queue.save("d"); // waits behind c
    const cleared = queue.clear(); // drops d: nothing stale lands after the clear
    release();
    await Promise.all([c, d, cleared]);
    expect(written).toEqual(["a", "c", "(cleared)"]);
  });
});
