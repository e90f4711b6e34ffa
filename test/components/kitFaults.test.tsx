// @vitest-environment jsdom
// test/components/kitFaults.test.tsx: the training kit's recovery, the same in every widget. The real trainers run
// in-process (test/components/workers.ts) and fail on purpose in each way a worker can (an uncaught throw, an
// unhandled rejection, a hang, an exit); fake timers drive the watchdog, so no assertion depends on real time.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { normalizeText } from "../../src/data/text";
import { defaults } from "../../src/store/schema";
import { SINE_SCHEMA } from "../../src/store/sineSettings";
import { createSineStore } from "../../src/store/sineStore";
import { CHAR_SCHEMA } from "../../src/store/charSettings";
import { createCharStore } from "../../src/store/charStore";
import { GRAD_DEFAULTS } from "../../src/store/gradSettings";
import { createGradStore } from "../../src/store/gradStore";
import type { FaultKind } from "../../src/worker/kit/protocol";
import { inLang, type MsgLike } from "../../src/i18n";
import { charWorkers, fakeGradWorkers, fakeWorkers } from "./workers";

const SHAKESPEARE = normalizeText(readFileSync(join(__dirname, "../../public/corpora/shakespeare.txt"), "utf8"));
const en = (m: MsgLike | null): string => (m === null ? "" : inLang(m, "en"));
const zh = (m: MsgLike | null): string => (m === null ? "" : inLang(m, "zh"));

/** What the tests need of any widget's store. */
interface Widget {
  status(): string;
  step(): number;
  /** The loss-history steps the widget shows. */
  historySteps(): number[];
  notice(): MsgLike | null;
  error(): MsgLike | null;
  train(): void;
  pause(): void;
  fault(kind: FaultKind): void;
  start(): void;
  dispose(): void;
  workersMade(): number;
}

function sineWidget(): Widget {
  const workers = fakeWorkers();
  const store = createSineStore({ settings: { ...defaults(SINE_SCHEMA), hidden: 6, seqLength: 16, batch: 4 }, createWorker: workers.createWorker, storage: null });
  const s = () => store.getState();
  return {
    status: () => s().status,
    step: () => s().snapshot?.step ?? -1,
    historySteps: () => Array.from(s().snapshot?.history.step ?? []),
    notice: () => s().notice,
    error: () => s().error,
    train: () => { s().train(); },
    pause: () => { s().pause(); },
    fault: (k) => { s().fault(k); },
    start: () => { s().start(); },
    dispose: () => { s().dispose(); },
    workersMade: () => workers.made.length,
  };
}

function charWidget(): Widget {
  const workers = charWorkers();
  const store = createCharStore({
    settings: { ...defaults(CHAR_SCHEMA), hidden: 8, batch: 4, bptt: 12, sampleLength: 10 },
    createWorker: workers.createWorker,
    fetchText: () => Promise.resolve(SHAKESPEARE),
    storage: null,
  });
  const s = () => store.getState();
  return {
    status: () => s().status,
    step: () => s().snapshot?.step ?? -1,
    historySteps: () => Array.from(s().snapshot?.history.step ?? []),
    notice: () => s().notice,
    error: () => s().error,
    train: () => { s().train(); },
    pause: () => { s().pause(); },
    fault: (k) => { s().fault(k); },
    start: () => void s().start(),
    dispose: () => { s().dispose(); },
    workersMade: () => workers.made.length,
  };
}

function gradWidget(): Widget {
  const workers = fakeGradWorkers();
  const store = createGradStore({ settings: { ...GRAD_DEFAULTS, hidden: 6, seqLength: 8, batch: 4, classes: 3, distractors: 3 }, createWorker: workers.createWorker });
  const s = () => store.getState();
  return {
    status: () => s().status,
    step: () => s().snapshot?.step ?? -1,
    historySteps: () => Array.from(s().snapshot?.cells[0].history.step ?? []),
    notice: () => s().notice,
    error: () => s().error,
    train: () => { s().train(); },
    pause: () => { s().pause(); },
    fault: (k) => { s().fault(k); },
    start: () => { s().start(); },
    dispose: () => { s().dispose(); },
    workersMade: () => workers.made.length,
  };
}

/** Advances the fake clock in small steps until `cond` holds; fails after `maxMs` of fake time. */
async function until(cond: () => boolean, maxMs = 30_000): Promise<number> {
  let waited = 0;
  while (!cond()) {
    if (waited >= maxMs) throw new Error(`not within ${maxMs} ms of fake time`);
    await vi.advanceTimersByTimeAsync(20);
    waited += 20;
  }
  return waited;
}

const WIDGETS: [string, () => Widget][] = [
  ["sine playground", sineWidget],
  ["character lab", charWidget],
  ["gradient visualizer", gradWidget],
];
const FAULTS: FaultKind[] = ["throw", "reject", "hang", "exit"];

beforeEach(() => {
  // performance.now stays real: the slice loop measures real work with it.
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe.each(WIDGETS)("%s: a worker that fails while training", (_, make) => {
  it.each(FAULTS)("%s: detected within 10 s, restarted from the latest checkpoint with its history, and training goes on", async (fault) => {
    const w = make();
    w.start();
    await until(() => w.status() === "idle");
    w.train();
    await until(() => w.step() >= 3);
    // Pause, so the latest checkpoint is known exactly (a pause always sends one), then train on.
    w.pause();
    await until(() => w.status() === "idle");
    const checkpointStep = w.step();
    const historyBefore = w.historySteps();
    w.train();
    await until(() => w.status() === "training");
    w.fault(fault);
    const detectedIn = await until(() => w.workersMade() === 2, 10_000);
    expect(detectedIn).toBeLessThanOrEqual(10_000);
    await until(() => w.status() === "training" && w.step() > checkpointStep);
    expect(en(w.notice())).toMatch(/It was restarted from step [\d,]+ and training continues\./);
    expect(zh(w.notice())).toMatch(/训练继续进行/);
    const restartedFrom = Number(/from step ([\d,]+)/.exec(en(w.notice()))![1].replace(/,/g, ""));
    expect(restartedFrom).toBeGreaterThanOrEqual(checkpointStep);
    // The history goes on from where it was. How many steps run before and after the fault depends on the
    // machine's speed (slices measure real work), and a long history is thinned (every other point dropped), so
    // the check is what thinning keeps: the points up to the checkpoint are points shown before (nothing
    // invented), starting at the same first point, and about as dense as the rest of the history.
    const after = w.historySteps();
    const shown = historyBefore.filter((s) => s <= checkpointStep);
    const kept = after.filter((s) => s <= checkpointStep);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept[0]).toBe(shown[0]);
    for (const step of kept) expect(shown).toContain(step);
    const stride = after.length > 1 ? (after[after.length - 1] - after[0]) / (after.length - 1) : 1;
    expect(kept.length).toBeGreaterThanOrEqual(Math.floor(shown.length / (2 * Math.max(1, stride))));
    expect(new Set(after).size).toBe(after.length);
    expect(after).toEqual([...after].sort((a, b) => a - b));
    w.dispose();
  }, 60_000);
});

describe("the kit's connection", () => {
  it("an idle worker that died is noticed too (pings), and the widget is ready again without training", async () => {
    const w = sineWidget();
    w.start();
    await until(() => w.status() === "idle");
    w.fault("exit");
    await until(() => w.workersMade() === 2, 10_000);
    await until(() => w.status() === "idle");
    expect(en(w.notice())).toMatch(/restarted from step 0; press Train to continue\./);
    w.dispose();
  });

  it("stops restarting after too many crashes, and says so in both languages", async () => {
    const w = gradWidget();
    w.start();
    await until(() => w.status() === "idle");
    for (let i = 0; i < 4; i++) {
      w.fault("throw");
      await until(() => w.workersMade() === i + 2 || w.status() === "failed", 10_000);
      if (w.status() !== "failed") await until(() => w.status() === "idle");
    }
    expect(w.status()).toBe("failed");
    expect(en(w.error())).toMatch(/crashed 4 times in a minute/);
    expect(zh(w.error())).toMatch(/崩溃了 4 次/);
    w.dispose();
  });

  it.each([
    ["sine playground", () => createSineStore({ settings: defaults(SINE_SCHEMA), createWorker: () => { throw new Error("blocked by policy"); }, storage: null })],
    ["gradient visualizer", () => createGradStore({ settings: GRAD_DEFAULTS, createWorker: () => { throw new Error("blocked by policy"); } })],
  ] as const)("%s: createWorker() throwing is reported on the page", (_, make) => {
    const store = make();
    store.getState().start();
    expect(store.getState().status).toBe("failed");
    expect(en(store.getState().error)).toBe("The training worker could not be started: blocked by policy");
    store.getState().dispose();
  });

  it("character lab: createWorker() throwing is reported, with no unhandled rejection", async () => {
    const store = createCharStore({
      settings: defaults(CHAR_SCHEMA),
      createWorker: () => {
        throw new Error("blocked by policy");
      },
      fetchText: () => Promise.resolve(SHAKESPEARE),
      storage: null,
    });
    // start() resolves (it used to reject when the worker could not be made).
    await expect(Promise.all([store.getState().start(), until(() => store.getState().status === "failed")])).resolves.toBeDefined();
    expect(en(store.getState().error)).toBe("The training worker could not be started: blocked by policy");
    store.getState().dispose();
  });

  it("a long step announced by the worker is not taken for a hang", async () => {
    const w = sineWidget();
    w.start();
    await until(() => w.status() === "idle");
    const before = w.workersMade();
    // Six seconds of silence after a "busy" of 20 s: the watchdog waits.
    const { createConnection } = await import("../../src/store/kit/connection");
    let ready = 0;
    let post: ((r: { type: string; expectedMs?: number }) => void) | null = null;
    const conn = createConnection<{ type: "init" }, { type: "x" }, { step: number }>({
      createWorker: () => {
        const like = {
          onmessage: null as ((e: MessageEvent) => void) | null,
          onerror: null,
          postMessage: () => undefined,
          terminate: () => undefined,
        };
        post = (r) => like.onmessage?.(new MessageEvent("message", { data: r }));
        return like;
      },
      init: () => ({ type: "init" }),
      latest: () => undefined,
      isTraining: () => true,
      onReport: () => undefined,
      onEvent: (e) => {
        if (e.type === "ready") ready++;
        if (e.type === "restarting") ready = -100;
      },
    });
    conn.start();
    post!({ type: "ready" });
    post!({ type: "busy", expectedMs: 20_000 });
    await vi.advanceTimersByTimeAsync(15_000);
    expect(ready).toBe(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(ready).toBe(-100); // past the announced time: a hang after all
    conn.stop();
    expect(w.workersMade()).toBe(before);
    w.dispose();
  });
});

describe("settings too slow to train interactively", () => {
  it("are refused before training starts, with the expected time per step, in both languages", () => {
    const sent: string[] = [];
    const store = createSineStore({
      settings: { ...defaults(SINE_SCHEMA), hidden: 256, layers: 4, batch: 128, seqLength: 200, horizon: 50 },
      // A worker that takes the commands and never answers: the refusal needs no worker.
      createWorker: () => ({ onmessage: null, onerror: null, postMessage: (c: { type: string }) => void sent.push(c.type), terminate: () => undefined }),
      storage: null,
    });
    store.getState().start();
    store.getState().train();
    expect(store.getState().status).not.toBe("training");
    expect(en(store.getState().error)).toMatch(/too large to train in the browser: one step would take about \d+ s/);
    expect(zh(store.getState().error)).toMatch(/每一步大约需要 \d+ 秒/);
    expect(sent).not.toContain("train");
    store.getState().dispose();
  });
});
