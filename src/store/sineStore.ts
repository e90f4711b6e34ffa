// src/store/sineStore.ts: one sine playground's state: settings, status, latest snapshot; owns its worker.
import { createStore, type StoreApi } from "zustand/vanilla";
import { makeSeriesDataset, parseCsvColumn, SeriesInputError } from "../data/csv";
import { PROTOCOL_VERSION, type Checkpoint, type Command, type DivergenceInfo, type Report, type Snapshot } from "../worker/sine/protocol";
import type { FaultKind, WorkerLike as KitWorkerLike } from "../worker/kit/protocol";
import { msgOf, type Msg, type MsgLike } from "../i18n";
import { createConnection } from "./kit/connection";
import { estimateStepMs, SLOW_STEP_MS, TOO_SLOW_STEP_MS } from "../worker/kit/cost";
import { slowStepMsg, tooSlowMsg } from "../i18n/kit";
import { PytorchRequests, type PytorchReport } from "./kit/pytorch";
import { safeLearningRate } from "./kit/remedy";
import { followConnection, statusAfterSnapshot } from "./kit/lifecycle";
import { SINE } from "../i18n/sine";
import { parseField } from "./schema";
import { countParams, type CellType } from "../engine";
import { SAVED } from "../i18n/saved";
import { indexedDbRecord, sameSettings, saveQueue, type SavedRecord } from "./persist";
import { isLockedKey, lockedChanges, lockedRefusal, lockedRemedyRefusal, withLocks } from "./locks";
import { builtinFor, crossCheck, LIVE_KEYS, optimOf, seriesOfData, SINE_SCHEMA, toSetup, type BuiltinSeries, type SeriesInput, type SineKey, type SineSettings } from "./sineSettings";
import { parseSeriesCsv, SERIES } from "../data/forecast";
import { SERIES_CATALOG, type FetchText } from "../data/catalog";
import { describeProblem, DataInputError } from "../data/messages";

/** What the store needs of a Worker (a real one in the browser, an in-process one in tests). */
export type WorkerLike = KitWorkerLike<Command, Report>;

export type Status = "starting" | "idle" | "training" | "diverged" | "restarting" | "failed";


export interface SineState {
  settings: SineSettings;
  series: SeriesInput | null;
  /** The built-in series the settings name (fetched on demand, or the generated walk); null on sines. */
  builtin: BuiltinSeries | null;
  /** The `data` choice whose file is being fetched, or null. */
  dataLoading: string | null;
  /** Per control: why the last value typed there was refused (the previous valid value is kept). */
  fieldErrors: Partial<Record<SineKey | "series", MsgLike>>;
  /** Settings in the URL that were ignored, and why. */
  urlWarnings: readonly MsgLike[];
  status: Status;
  snapshot: Snapshot | null;
  divergence: DivergenceInfo | null;
  /** A problem the learner must know about (worker error, refused setup). */
  error: MsgLike | null;
  /** Something that happened and was handled (a restarted worker). */
  notice: MsgLike | null;
  /** The timestep hovered in any chart, highlighted in all of them. */
  hoverT: number | null;
  /** Whether the run is kept across reloads (false where the browser has no IndexedDB). */
  canPersist: boolean;
  /** The run kept in this browser: its step, and whether this page continued from it; null when none is known. */
  saved: { step: number; isRestored: boolean } | null;

  start(): void;
  dispose(): void;
  train(): void;
  pause(): void;
  toggleTraining(): void;
  step(): void;
  reset(): void;
  setSetting(key: SineKey, raw: unknown): void;
  loadSeries(text: string, fileName: string | null): void;
  /** A column already parsed (a file read by the parsing worker); checked against the settings like loadSeries. */
  loadColumn(values: Float64Array, name: string | null, fileName: string | null): void;
  /** A series the page refused before it reached the store (a file too large, unreadable or not numbers). */
  refuseSeries(message: MsgLike): void;
  clearSeries(): void;
  /**
   * After a divergence: continue from the kept (last good) weights with a change. "safeLearningRate" sets a learning
   * rate known to work for the optimiser (src/store/kit/remedy.ts): one click is enough.
   */
  applyRemedy(remedy: "safeLearningRate" | "halveLearningRate" | "enableClipping"): void;
  /** A run that is not learning (saturated, stuck): new weights with a learning rate known to work. */
  restartWithSafeLearningRate(): void;
  setHoverT(t: number | null): void;
  dismissNotice(): void;
  /** Deletes the saved run and starts a new network with the current settings. */
  forgetSaved(): Promise<void>;
  /** Test hook: crash the worker to exercise recovery. */
  simulateCrash(): void;
  /** Test hook: make the worker fail in one of the ways a real one can (throw, reject, hang, exit). */
  fault(kind: FaultKind): void;
  /** "Export to PyTorch": the Python file that continues this run, made by the worker (or why it cannot be). */
  requestPytorch(): Promise<PytorchReport>;
}

export interface SineStoreOptions {
  settings: SineSettings;
  urlWarnings?: readonly MsgLike[];
  createWorker: () => WorkerLike;
  now?: () => number;
  /** Runs the watchdog (setInterval by default; tests may pass their own clock). */
  every?: (ms: number, fn: () => void) => () => void;
  /** Settings the course locked (lock=… in the link): they start at these values and no action changes them. */
  locked?: Partial<SineSettings>;
  /** Where the run is kept across reloads (IndexedDB in the browser); null or absent: not kept. */
  storage?: SavedRecord<SavedRun> | null;
  /** Fetches a data file by its path under the site root (built-in series); fetch() by default. */
  fetchText?: FetchText;
}

/** Fetches a file under the site root (relative to the page, so it works under any base path). */
export async function fetchDataFile(path: string): Promise<string> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${path}`);
  return response.text();
}

/**
 * What survives a reload: the settings and data the run was trained with, and its latest checkpoint (weights,
 * step, loss history). It is restored only when the settings equal those of the link being opened.
 */
export interface SavedRun {
  version: 1;
  settings: SineSettings;
  series: SeriesInput | null;
  checkpoint: Checkpoint;
  savedAt: number;
}

/** While training, a checkpoint is saved this often (and at once on pause or step). */
export const SAVE_INTERVAL_MS = 3000;
/** Above this many weights a checkpoint is megabytes: saved less often, so the page stays smooth. */
const LARGE_MODEL_PARAMS = 500_000;
const LARGE_SAVE_INTERVAL_MS = 15_000;

/** The browser's IndexedDB record for the sine playground's run, or null where there is none. */
export function sineRunStorage(): SavedRecord<SavedRun> | null {
  return indexedDbRecord<SavedRun>("rnn-notebook-sine-playground", "runs");
}

function paramCountOf(s: SineSettings): number {
  return countParams({ cell: s.cell as CellType, inputSize: 1, hiddenSize: s.hidden, numLayers: s.layers, outputSize: 1 });
}

function without<T extends object>(o: T, key: keyof T): T {
  return Object.fromEntries(Object.entries(o).filter(([k]) => k !== key)) as T;
}

export function checkpointOf(s: Snapshot): Checkpoint {
  const size = s.params.reduce((n, p) => n + p.value.length, 0);
  const params = new Float64Array(size);
  let off = 0;
  for (const p of s.params) {
    params.set(p.value, off);
    off += p.value.length;
  }
  const h = s.history;
  return { step: s.step, params, history: { step: h.step.slice(), train: h.train.slice(), valStep: h.valStep.slice(), val: h.val.slice() } };
}

export function createSineStore(options: SineStoreOptions): StoreApi<SineState> {
  const now = options.now ?? (() => Date.now());
  const fetchText = options.fetchText ?? fetchDataFile;
  /** Series fetched so far, by id: choosing one again does not fetch it again. */
  const fetched = new Map<string, BuiltinSeries>();
  /** Bumped by each change of data that waits for a fetch, and by dispose(): only the latest answer applies. */
  let dataRequest = 0;
  const storage = options.storage ?? null;
  const saves = storage ? saveQueue(storage) : null;
  /** False until the learner changes the run (train, step, reset, settings): merely opening a link saves nothing. */
  let isDirty = false;
  let lastSaved: { at: number; step: number; settings: SineSettings | null; series: SeriesInput | null } = { at: -Infinity, step: -1, settings: null, series: null };
  /** Bumped by start() and dispose(): a saved run read after either belongs to a start that is over. */
  let startToken = 0;

  return createStore<SineState>()((set, get) => {
    const connection = createConnection<Command, Report, Checkpoint>({
      createWorker: options.createWorker,
      now,
      every: options.every,
      init: (resume) => {
        const { settings, series, builtin } = get();
        return { type: "init", version: PROTOCOL_VERSION, setup: toSetup(settings, series, builtin), ...(resume ? { resume } : {}) };
      },
      latest: () => {
        const snap = get().snapshot;
        return snap ? checkpointOf(snap) : undefined;
      },
      isTraining: () => get().status === "training",
      onReport: (report) => {
        onReport(report);
      },
      onEvent: followConnection(get, set),
    });
    const send = (cmd: Command): void => {
      connection.send(cmd);
    };
    const pytorch = new PytorchRequests();

    /** Saves the snapshot's checkpoint: every few seconds while training, at once when it stops (pause, step). */
    const maybeSave = (s: Snapshot): void => {
      if (!saves || !isDirty) return;
      const { settings, series } = get();
      const t = now();
      const count = paramCountOf(settings);
      if (s.isTraining && t - lastSaved.at < (count > LARGE_MODEL_PARAMS ? LARGE_SAVE_INTERVAL_MS : SAVE_INTERVAL_MS)) return;
      if (!s.isTraining && s.step === lastSaved.step && settings === lastSaved.settings && series === lastSaved.series) return;
      const checkpoint = checkpointOf(s);
      // A snapshot of the network from before a reset to other sizes: not the run these settings describe.
      if (checkpoint.params.length !== count) return;
      lastSaved = { at: t, step: s.step, settings, series };
      saves.save({ version: 1, settings, series, checkpoint, savedAt: t }).then(
        () => {
          if (isDirty) set({ saved: { step: checkpoint.step, isRestored: false } });
        },
        (e: unknown) => {
          set({ notice: msgOf(SAVED, "couldNotSave", { why: (e as Error).message }) });
        },
      );
    };

    /** Spawns the worker on the saved run when it was trained with these very settings, else on a new network. */
    const restoreThenSpawn = async (token: number): Promise<void> => {
      let resume: Checkpoint | undefined;
      try {
        const saved = await storage?.load();
        if (token !== startToken) return;
        if (saved && saved.version === 1) {
          const { settings } = get();
          if (sameSettings(saved.settings, settings) && saved.checkpoint.params.length === paramCountOf(settings)) {
            resume = saved.checkpoint;
            set({ series: saved.series, saved: { step: resume.step, isRestored: true } });
          } else if (saved.checkpoint.step > 0) {
            // Only a run that was trained is worth a word; an untouched one at step 0 is simply replaced later.
            set({ notice: msgOf(SAVED, "otherSettings") });
          }
        }
      } catch (e) {
        if (token !== startToken) return;
        set({ notice: msgOf(SAVED, "couldNotRead", { why: (e as Error).message }) });
      }
      spawn(resume);
    };

    const onReport = (report: Report): void => {
      switch (report.type) {
        case "snapshot": {
          const s = report.snapshot;
          set({ snapshot: s, status: statusAfterSnapshot(s.isTraining, get().status) as Status });
          maybeSave(s);
          return;
        }
        case "diverged":
          set({ status: "diverged", divergence: report.divergence });
          return;
        case "pytorch":
          pytorch.settle(report);
          return;
        default:
          return;
      }
    };

    const spawn = (resume?: Checkpoint): void => {
      connection.start(resume);
    };

    /**
     * The built-in series `settings` name, fetched if need be (null for sines), or why it cannot be had (the file
     * could not be fetched or read), in both languages. Never rejects.
     */
    const seriesFor = async (settings: SineSettings): Promise<{ builtin: BuiltinSeries | null } | { problem: Msg }> => {
      const id = seriesOfData(settings.data);
      if (id === null) return { builtin: null };
      const file = SERIES[id].file;
      if (file === null) return { builtin: builtinFor(settings, null) };
      const known = fetched.get(id);
      if (known) return { builtin: known };
      set({ dataLoading: settings.data });
      try {
        const parsed = parseSeriesCsv(await fetchText(SERIES_CATALOG[id].path!), file);
        const loaded: BuiltinSeries = { id, values: parsed.values, labels: parsed.labels };
        fetched.set(id, loaded);
        return { builtin: loaded };
      } catch (e) {
        const why = (lang: "en" | "zh"): string => (e instanceof DataInputError ? describeProblem(e.problem, lang) : e instanceof Error ? e.message : String(e));
        const name = SERIES_CATALOG[id].name;
        return { problem: { en: msgOf(SINE, "dataNotLoaded", { name: name.en, why: why("en") }).en, zh: msgOf(SINE, "dataNotLoaded", { name: name.zh, why: why("zh") }).zh } };
      } finally {
        set({ dataLoading: null });
      }
    };

    const applySettings = (next: SineSettings, series: SeriesInput | null, changed: SineKey | "series"): void => {
      const wasTraining = get().status === "training";
      isDirty = true;
      if (changed !== "series" && LIVE_KEYS.includes(changed)) {
        // After a divergence the kept weights stay, and so does the explanation: Train resumes from them with
        // these settings (see train()). Clearing the divergence here left the status "diverged" with no panel
        // and a Train button that did nothing.
        set({ settings: next, series, error: null });
        send({ type: "setOptim", optim: optimOf(next) });
        return;
      }
      const builtin = builtinFor(next, get().builtin);
      set({ settings: next, series, builtin, error: null, divergence: null });
      send({ type: "reset", setup: toSetup(next, series, builtin) });
      if (get().status === "diverged") set({ status: "idle", divergence: null });
      if (wasTraining) send({ type: "train" });
    };

    return {
      settings: withLocks(options.settings, options.locked),
      series: null,
      builtin: null,
      dataLoading: null,
      fieldErrors: {},
      urlWarnings: options.urlWarnings ?? [],
      status: "starting",
      snapshot: null,
      divergence: null,
      error: null,
      notice: null,
      hoverT: null,
      canPersist: storage !== null,
      saved: null,

      start() {
        if (connection.isRunning) return;
        // Started again after dispose() (React's StrictMode mounts twice): a fresh worker, so a fresh status.
        if (get().status !== "starting") set({ status: "starting", divergence: null, notice: null });
        const token = ++startToken;
        const go = (): void => {
          if (storage) void restoreThenSpawn(token);
          else spawn();
        };
        if (seriesOfData(get().settings.data) === null) {
          go();
          return;
        }
        // A built-in series: its values first (fetched once), then the worker. If the file cannot be had, the
        // page says so and trains on sines.
        void seriesFor(get().settings).then((got) => {
          if (token !== startToken) return;
          if ("problem" in got) set({ settings: { ...get().settings, data: "sines" }, builtin: null, error: got.problem });
          else set({ builtin: got.builtin });
          go();
        });
      },
      dispose() {
        startToken++;
        dataRequest++;
        connection.stop();
      },
      train() {
        const s = get().status;
        isDirty = true;
        if (s === "diverged") {
          // Continue from the kept weights with the settings as they are now (moments cleared, as a remedy does).
          set({ status: "training", divergence: null, error: null, notice: null });
          send({ type: "resume", optim: optimOf(get().settings) });
          return;
        }
        // Too slow to train here: refused before it starts, with the expected time per step; slow: said, then trained.
        const { settings } = get();
        const stepMs = estimateStepMs(paramCountOf(settings), settings.seqLength, settings.batch);
        if (stepMs > TOO_SLOW_STEP_MS) {
          set({ error: tooSlowMsg(stepMs) });
          return;
        }
        if (s !== "idle") return;
        set({ status: "training", notice: stepMs > SLOW_STEP_MS ? slowStepMsg(stepMs) : null, error: null });
        send({ type: "train" });
      },
      pause() {
        send({ type: "pause" });
      },
      toggleTraining() {
        if (get().status === "training") get().pause();
        else get().train();
      },
      step() {
        if (get().status !== "idle") return;
        isDirty = true;
        send({ type: "step" });
      },
      reset() {
        const { settings, series, builtin } = get();
        isDirty = true;
        set({ divergence: null, error: null, notice: null, status: get().status === "diverged" ? "idle" : get().status });
        send({ type: "reset", setup: toSetup(settings, series, builtin) });
      },
      setSetting(key, raw) {
        const parsed = parseField(SINE_SCHEMA[key], raw);
        if (!parsed.ok) {
          set({ fieldErrors: { ...get().fieldErrors, [key]: parsed.message } });
          return;
        }
        const next = { ...get().settings, [key]: parsed.value } as SineSettings;
        if (next[key] === get().settings[key]) {
          set({ fieldErrors: without(get().fieldErrors, key) });
          return;
        }
        if (isLockedKey(options.locked, key)) {
          set({ fieldErrors: { ...get().fieldErrors, [key]: lockedRefusal(SINE_SCHEMA[key], get().settings[key]) } });
          return;
        }
        const cross = crossCheck(next, get().series?.values.length ?? null);
        const problem = cross[key] ?? Object.values(cross)[0];
        if (problem) {
          set({ fieldErrors: { ...get().fieldErrors, [key]: problem } });
          return;
        }
        set({ fieldErrors: without(get().fieldErrors, key) });
        dataRequest++;
        const id = seriesOfData(next.data);
        if (id !== null && SERIES[id].file !== null && builtinFor(next, get().builtin) === null) {
          // A series not fetched yet: fetched now; the setting changes once it is here (refused if it cannot be had).
          const request = dataRequest;
          void seriesFor(next).then((got) => {
            // Another choice since (or the widget gone): this answer is no longer wanted.
            if (request !== dataRequest) return;
            if ("problem" in got) {
              set({ fieldErrors: { ...get().fieldErrors, [key]: got.problem } });
              return;
            }
            set({ builtin: got.builtin });
            applySettings({ ...get().settings, [key]: next[key] }, get().series, key);
          });
          return;
        }
        applySettings(next, get().series, key);
      },
      loadSeries(text, fileName) {
        try {
          const col = parseCsvColumn(text);
          get().loadColumn(col.values, col.name, fileName);
        } catch (e) {
          if (!(e instanceof SeriesInputError)) throw e;
          set({ fieldErrors: { ...get().fieldErrors, series: msgOf(SINE, "seriesRefused", { file: fileName, message: e.message }) } });
        }
      },
      refuseSeries(message) {
        set({ fieldErrors: { ...get().fieldErrors, series: message } });
      },
      loadColumn(values, name, fileName) {
        try {
          const { settings } = get();
          makeSeriesDataset(values, settings.seqLength, settings.horizon, settings.validation); // checks it is usable
          set({ fieldErrors: without(get().fieldErrors, "series") });
          applySettings(settings, { values, name, fileName }, "series");
        } catch (e) {
          if (!(e instanceof SeriesInputError)) throw e;
          set({ fieldErrors: { ...get().fieldErrors, series: msgOf(SINE, "seriesRefused", { file: fileName, message: e.message }) } });
        }
      },
      clearSeries() {
        if (!get().series) return;
        set({ fieldErrors: without(get().fieldErrors, "series") });
        applySettings(get().settings, null, "series");
      },
      applyRemedy(remedy) {
        const s = get().settings;
        const next: SineSettings =
          remedy === "safeLearningRate"
            ? { ...s, lr: safeLearningRate(s.optimizer, s.lr / 2) }
            : remedy === "halveLearningRate"
              ? { ...s, lr: s.lr / 2 }
              : { ...s, clip: true, clipNorm: Math.min(s.clipNorm, 1) };
        const refused = lockedChanges(s, next, options.locked);
        if (refused.length > 0) {
          set({ error: lockedRemedyRefusal(SINE_SCHEMA, refused) });
          return;
        }
        isDirty = true;
        set({ settings: next, divergence: null, status: "training", error: null });
        send({ type: "resume", optim: optimOf(next) });
      },
      restartWithSafeLearningRate() {
        const s = get().settings;
        const next: SineSettings = { ...s, lr: safeLearningRate(s.optimizer, Infinity) };
        const refused = lockedChanges(s, next, options.locked);
        if (refused.length > 0) {
          set({ error: lockedRemedyRefusal(SINE_SCHEMA, refused) });
          return;
        }
        isDirty = true;
        set({ settings: next, divergence: null, error: null, status: get().status === "diverged" ? "idle" : get().status });
        send({ type: "reset", setup: toSetup(next, get().series) });
        send({ type: "train" });
        set({ status: "training" });
      },
      setHoverT(t) {
        if (get().hoverT !== t) set({ hoverT: t });
      },
      dismissNotice() {
        set({ notice: null });
      },
      async forgetSaved() {
        if (!saves) return;
        // Nothing is saved again until the learner trains the new network.
        isDirty = false;
        lastSaved = { at: -Infinity, step: -1, settings: null, series: null };
        try {
          await saves.clear();
        } catch (e) {
          set({ notice: msgOf(SAVED, "couldNotForget", { why: (e as Error).message }) });
          return;
        }
        const { settings, series, builtin, status } = get();
        set({ saved: null, divergence: null, error: null, notice: msgOf(SAVED, "forgot"), status: status === "diverged" ? "idle" : status });
        send({ type: "reset", setup: toSetup(settings, series, builtin) });
      },
      simulateCrash() {
        connection.fault("throw");
      },
      fault(kind) {
        connection.fault(kind);
      },
      requestPytorch() {
        return pytorch.request(send);
      },
    };
  });
}
