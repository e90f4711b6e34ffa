// src/store/classifyStore.ts: the classification lab's state: settings, data, status, the latest snapshot, the
// example under the cursor and the Compare; owns its worker through the training kit.
import { createStore, type StoreApi } from "zustand/vanilla";
import { parseLabelledLines, parseNamesTsv, parseSpamTsv, type ClassDataset } from "../data/classify";
import { DataInputError, describeProblem } from "../data/messages";
import { msgOf, untranslated, type Msg, type MsgLike } from "../i18n";
import { CLASSIFY } from "../i18n/classify";
import {
  CLASSIFY_PROTOCOL_VERSION,
  type Checkpoint, type ClassifyCommand, type ClassifyData, type ClassifyReport, type ClassifySnapshot, type CompareRow,
  type DivergenceInfo, type InspectTarget, type Inspection,
} from "../worker/classify/protocol";
import type { FaultKind, WorkerLike } from "../worker/kit/protocol";
import { createConnection } from "./kit/connection";
import { followConnection, statusAfterSnapshot } from "./kit/lifecycle";
import { parseField } from "./schema";
import { isLockedKey, lockedRefusal, withLocks } from "./locks";
import {
  CLASSIFY_DATASETS, CLASSIFY_LIVE_KEYS, CLASSIFY_PAGE_KEYS, CLASSIFY_SCHEMA, classifyOptimOf, toClassifySetup,
  type BuiltinDataset, type ClassifyKey, type ClassifySettings,
} from "./classifySettings";

export type ClassifyWorkerLike = WorkerLike<ClassifyCommand, ClassifyReport>;
export type ClassifyStatus = "loading" | "noData" | "starting" | "idle" | "training" | "restarting" | "diverged" | "failed";

export interface LoadedData {
  dataset: "names" | "spam" | "own";
  data: ClassifyData;
}

export interface CompareState {
  rows: CompareRow[];
  running: Extract<ClassifyReport, { type: "compare" }>["running"];
  done: boolean;
}

export interface ClassifyState {
  settings: ClassifySettings;
  fieldErrors: Partial<Record<ClassifyKey, MsgLike>>;
  urlWarnings: readonly MsgLike[];
  status: ClassifyStatus;
  loaded: LoadedData | null;
  /** Why the last pasted or opened lines were refused (the data in use is kept). */
  dataError: MsgLike | null;
  snapshot: ClassifySnapshot | null;
  checkpoint: Checkpoint | null;
  inspection: Inspection | null;
  target: InspectTarget;
  compare: CompareState | null;
  divergence: DivergenceInfo | null;
  error: MsgLike | null;
  notice: MsgLike | null;

  start(): Promise<void>;
  dispose(): void;
  train(): void;
  pause(): void;
  toggleTraining(): void;
  step(): void;
  reset(): void;
  setSetting(key: ClassifyKey, raw: unknown): void;
  /** The learner's own `label<TAB>text` lines: used when valid, refused with a reason (nothing lost) when not. */
  useOwnLines(text: string): boolean;
  inspect(target: InspectTarget): void;
  runCompare(): void;
  cancelCompare(): void;
  dismissError(): void;
  fault(kind: FaultKind): void;
}

export interface ClassifyStoreOptions {
  settings: ClassifySettings;
  urlWarnings?: readonly MsgLike[];
  createWorker: () => ClassifyWorkerLike;
  /** Fetches a built-in data file (the page's `fetch` by default; tests give the file from disk). */
  loadFile?: (path: string) => Promise<string>;
  locked?: Partial<ClassifySettings>;
  now?: () => number;
  every?: (ms: number, fn: () => void) => () => void;
}

async function fetchText(path: string): Promise<string> {
  const r = await fetch(path);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return r.text();
}

function toData(d: ClassDataset): ClassifyData {
  return { classes: [...d.classes], texts: d.examples.map((e) => e.text), labels: Int32Array.from(d.examples, (e) => e.label) };
}

function problemMsg(e: unknown): Msg {
  if (e instanceof DataInputError) return { en: describeProblem(e.problem, "en"), zh: describeProblem(e.problem, "zh") };
  return untranslated(e instanceof Error ? e.message : String(e));
}

export function createClassifyStore(options: ClassifyStoreOptions): StoreApi<ClassifyState> {
  const loadFile = options.loadFile ?? fetchText;
  const locked = options.locked;
  /** Built-in data sets already parsed (switching back and forth fetches once). */
  const cache = new Map<BuiltinDataset, ClassifyData>();
  /** The learner's own lines last accepted. */
  let own: ClassifyData | null = null;
  let disposed = false;

  return createStore<ClassifyState>()((set, get) => {
    const setupOf = () => toClassifySetup(get().settings, get().loaded!.data);
    const connection = createConnection<ClassifyCommand, ClassifyReport, Checkpoint>({
      createWorker: options.createWorker,
      now: options.now,
      every: options.every,
      init: (resume) => ({ type: "init", version: CLASSIFY_PROTOCOL_VERSION, setup: setupOf(), ...(resume ? { resume } : {}) }),
      latest: () => get().checkpoint ?? undefined,
      isTraining: () => get().status === "training",
      onReport: (report) => {
        switch (report.type) {
          case "snapshot":
            set({ snapshot: report.snapshot, status: statusAfterSnapshot(report.snapshot.isTraining, get().status) as ClassifyStatus });
            return;
          case "checkpoint":
            set({ checkpoint: report.checkpoint });
            return;
          case "inspection":
            set({ inspection: report.inspection });
            return;
          case "diverged":
            set({ divergence: report.divergence, status: "diverged", error: msgOf(CLASSIFY, "diverged", { step: report.divergence.step, good: report.divergence.lastGoodStep }) });
            return;
          case "compare":
            set({ compare: { rows: report.rows, running: report.running, done: report.done } });
            return;
        }
      },
      onEvent: followConnection(get, set),
    });
    const send = (cmd: ClassifyCommand): void => {
      connection.send(cmd);
    };
    /** New data or model settings: the worker rebuilds (a fresh run from step 0). */
    const rebuild = (): void => {
      if (!get().loaded) return;
      set({ checkpoint: null, divergence: null, compare: null });
      if (!connection.isRunning) {
        set({ status: "starting" });
        connection.start();
        return;
      }
      if (get().status === "diverged" || get().status === "training") set({ status: "idle" });
      send({ type: "reset", setup: setupOf() });
    };
    const load = async (dataset: string): Promise<void> => {
      if (dataset === "own") {
        if (!own) {
          set({ status: connection.isRunning ? get().status : "noData", loaded: get().loaded });
          if (!get().loaded) set({ status: "noData" });
          return;
        }
        set({ loaded: { dataset: "own", data: own } });
        rebuild();
        return;
      }
      const key = dataset as BuiltinDataset;
      let data = cache.get(key);
      if (!data) {
        set({ status: connection.isRunning ? get().status : "loading" });
        try {
          const text = await loadFile(CLASSIFY_DATASETS[key]);
          data = toData(key === "names" ? parseNamesTsv(text) : parseSpamTsv(text));
        } catch (e) {
          if (disposed) return;
          set({ error: msgOf(CLASSIFY, "couldNotLoad", { why: e instanceof Error ? e.message : String(e) }), status: get().loaded ? get().status : "failed" });
          return;
        }
        cache.set(key, data);
      }
      if (disposed || get().settings.dataset !== dataset) return;
      set({ loaded: { dataset: key, data } });
      rebuild();
    };

    return {
      settings: withLocks(options.settings, locked),
      fieldErrors: {},
      urlWarnings: options.urlWarnings ?? [],
      status: "loading",
      loaded: null,
      dataError: null,
      snapshot: null,
      checkpoint: null,
      inspection: null,
      target: { kind: "example", index: 0 },
      compare: null,
      divergence: null,
      error: null,
      notice: null,

      async start() {
        disposed = false;
        if (get().settings.dataset === "own") {
          set({ status: "noData" });
          return;
        }
        await load(get().settings.dataset);
      },
      dispose() {
        disposed = true;
        connection.stop();
      },
      train() {
        const s = get().status;
        if (s !== "idle" && s !== "diverged") return;
        set({ status: "training", error: null, divergence: null });
        send({ type: "train" });
      },
      pause() {
        if (get().status !== "training") return;
        set({ status: "idle" });
        send({ type: "pause" });
      },
      toggleTraining() {
        if (get().status === "training") get().pause();
        else get().train();
      },
      step() {
        if (get().status !== "idle") return;
        send({ type: "step" });
      },
      reset() {
        set({ error: null });
        rebuild();
      },
      setSetting(key, raw) {
        const spec = CLASSIFY_SCHEMA[key];
        let fieldErrors: ClassifyState["fieldErrors"] = { ...get().fieldErrors };
        if (isLockedKey(locked, key)) {
          fieldErrors[key] = lockedRefusal(spec, raw);
          set({ fieldErrors });
          return;
        }
        const r = parseField(spec, raw);
        if (!r.ok) {
          fieldErrors[key] = r.message;
          set({ fieldErrors });
          return;
        }
        fieldErrors = Object.fromEntries(Object.entries(fieldErrors).filter(([k]) => k !== key));
        const before = get().settings;
        if (before[key] === r.value) {
          set({ fieldErrors });
          return;
        }
        const settings = { ...before, [key]: r.value } as ClassifySettings;
        set({ settings, fieldErrors });
        if (CLASSIFY_PAGE_KEYS.includes(key)) return;
        if (CLASSIFY_LIVE_KEYS.includes(key)) {
          send({ type: "setOptim", optim: classifyOptimOf(settings) });
          return;
        }
        if (key === "dataset") {
          void load(String(r.value));
          return;
        }
        rebuild();
      },
      useOwnLines(text) {
        let data: ClassifyData;
        try {
          data = toData(parseLabelledLines(text));
        } catch (e) {
          set({ dataError: problemMsg(e) });
          return false;
        }
        own = data;
        set({ dataError: null, loaded: { dataset: "own", data }, settings: { ...get().settings, dataset: "own" } });
        rebuild();
        return true;
      },
      inspect(target) {
        set({ target });
        send({ type: "inspect", target });
      },
      runCompare() {
        const s = get().status;
        if (s !== "idle" && s !== "training") return;
        if (s === "training") set({ status: "idle" });
        set({ compare: { rows: [], running: null, done: false } });
        send({ type: "compare", steps: get().settings.compareSteps });
      },
      cancelCompare() {
        send({ type: "cancelCompare" });
      },
      dismissError() {
        set({ error: null, dataError: null });
      },
      fault(kind) {
        connection.fault(kind);
      },
    };
  });
}
