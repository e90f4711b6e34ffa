// src/store/sineStore.ts: one sine playground's state: settings, status, latest snapshot; owns its worker.
import { createStore, type StoreApi } from "zustand/vanilla";
import { makeSeriesDataset, parseCsvColumn, SeriesInputError } from "../data/csv";
import { PROTOCOL_VERSION, transferablesOf, type Checkpoint, type Command, type DivergenceInfo, type Report, type Snapshot } from "../worker/protocol";
import { parseField } from "./schema";
import { crossCheck, LIVE_KEYS, optimOf, SINE_SCHEMA, toSetup, type SeriesInput, type SineKey, type SineSettings } from "./sineSettings";

/** What the store needs of a Worker (a real one in the browser, an in-process one in tests). */
export interface WorkerLike {
  postMessage(command: Command, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<Report>) => void) | null;
  onerror: ((event: Event) => void) | null;
}

export type Status = "starting" | "idle" | "training" | "diverged" | "restarting" | "failed";

/** No message for this long while training means the worker hung. */
export const WATCHDOG_MS = 6000;
/** More crashes than this within CRASH_WINDOW_MS and the store stops restarting. */
const MAX_CRASHES = 3;
const CRASH_WINDOW_MS = 60_000;

export interface SineState {
  settings: SineSettings;
  series: SeriesInput | null;
  /** Per control: why the last value typed there was refused (the previous valid value is kept). */
  fieldErrors: Partial<Record<SineKey | "series", string>>;
  /** Settings in the URL that were ignored, and why. */
  urlWarnings: string[];
  status: Status;
  snapshot: Snapshot | null;
  divergence: DivergenceInfo | null;
  /** A problem the learner must know about (worker error, refused setup). */
  error: string | null;
  /** Something that happened and was handled (a restarted worker). */
  notice: string | null;
  /** The timestep hovered in any chart, highlighted in all of them. */
  hoverT: number | null;

  start(): void;
  dispose(): void;
  train(): void;
  pause(): void;
  toggleTraining(): void;
  step(): void;
  reset(): void;
  setSetting(key: SineKey, raw: unknown): void;
  loadSeries(text: string, fileName: string | null): void;
  clearSeries(): void;
  applyRemedy(remedy: "halveLearningRate" | "enableClipping"): void;
  setHoverT(t: number | null): void;
  dismissNotice(): void;
  /** Test hook: crash the worker to exercise recovery. */
  simulateCrash(): void;
}

export interface SineStoreOptions {
  settings: SineSettings;
  urlWarnings?: string[];
  createWorker: () => WorkerLike;
  now?: () => number;
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
  let worker: WorkerLike | null = null;
  let watchdog: ReturnType<typeof setInterval> | null = null;
  let lastMessageAt = now();
  let crashTimes: number[] = [];
  /** Set when the worker crashed mid-training: the restarted one trains on as soon as it is ready. */
  let shouldResumeTraining = false;

  return createStore<SineState>()((set, get) => {
    const send = (cmd: Command): void => {
      worker?.postMessage(cmd, []);
    };

    const onReport = (report: Report): void => {
      lastMessageAt = now();
      switch (report.type) {
        case "ready":
          if (get().status === "starting" || get().status === "restarting") {
            if (shouldResumeTraining) {
              shouldResumeTraining = false;
              set({ status: "training" });
              send({ type: "train" });
            } else {
              set({ status: "idle" });
            }
          }
          return;
        case "snapshot": {
          const s = report.snapshot;
          const status = get().status;
          set({ snapshot: s, status: s.isTraining ? "training" : status === "diverged" ? "diverged" : status === "failed" ? "failed" : "idle" });
          return;
        }
        case "diverged":
          set({ status: "diverged", divergence: report.divergence });
          return;
        case "error":
          if (report.code === "crash") {
            restart(report.message);
            return;
          }
          {
            // A worker that fails before it is ready (a bad setup on init) has nothing to train: "failed".
            const status = get().status;
            set({ error: report.message, status: status === "training" ? "idle" : status === "starting" || status === "restarting" ? "failed" : status });
          }
          return;
      }
    };

    const spawn = (resume?: Checkpoint): void => {
      let w: WorkerLike;
      try {
        w = options.createWorker();
      } catch (e) {
        // No Worker support (an old browser, a test environment) or a blocked script: say so instead of throwing.
        set({ status: "failed", error: `The training worker could not be started: ${(e as Error).message}` });
        return;
      }
      worker = w;
      w.onmessage = (e) => {
        if (worker === w) onReport(e.data);
      };
      w.onerror = (e) => {
        if (worker !== w) return;
        e.preventDefault();
        restart(e instanceof ErrorEvent && e.message ? e.message : "the worker stopped");
      };
      lastMessageAt = now();
      const { settings, series } = get();
      const init: Command = { type: "init", version: PROTOCOL_VERSION, setup: toSetup(settings, series), ...(resume ? { resume } : {}) };
      w.postMessage(init, transferablesOf({ type: "ready", version: 0 }));
    };

    const restart = (why: string): void => {
      const t = now();
      crashTimes = [...crashTimes.filter((c) => t - c < CRASH_WINDOW_MS), t];
      worker?.terminate();
      worker = null;
      if (crashTimes.length > MAX_CRASHES) {
        set({ status: "failed", error: `The training worker crashed ${crashTimes.length} times in a minute (last: ${why}). Reload the page; if it happens again, lower the hidden size or sequence length.` });
        return;
      }
      const snap = get().snapshot;
      const resume = snap ? checkpointOf(snap) : undefined;
      shouldResumeTraining = get().status === "training";
      set({
        status: "restarting",
        notice:
          `The training worker stopped unexpectedly (${why}). It was restarted from step ${resume?.step ?? 0}` +
          (shouldResumeTraining ? " and training continues." : "; press Train to continue."),
      });
      spawn(resume);
    };

    const applySettings = (next: SineSettings, series: SeriesInput | null, changed: SineKey | "series"): void => {
      const wasTraining = get().status === "training";
      if (changed !== "series" && LIVE_KEYS.includes(changed)) {
        // After a divergence the kept weights stay, and so does the explanation: Train resumes from them with
        // these settings (see train()). Clearing the divergence here left the status "diverged" with no panel
        // and a Train button that did nothing.
        set({ settings: next, series, error: null });
        send({ type: "setOptim", optim: optimOf(next) });
        return;
      }
      set({ settings: next, series, error: null, divergence: null });
      send({ type: "reset", setup: toSetup(next, series) });
      if (get().status === "diverged") set({ status: "idle", divergence: null });
      if (wasTraining) send({ type: "train" });
    };

    return {
      settings: options.settings,
      series: null,
      fieldErrors: {},
      urlWarnings: options.urlWarnings ?? [],
      status: "starting",
      snapshot: null,
      divergence: null,
      error: null,
      notice: null,
      hoverT: null,

      start() {
        if (worker) return;
        // Started again after dispose() (React's StrictMode mounts twice): a fresh worker, so a fresh status.
        if (get().status !== "starting") set({ status: "starting", divergence: null, notice: null });
        spawn();
        watchdog = setInterval(() => {
          if (get().status === "training" && now() - lastMessageAt > WATCHDOG_MS) restart(`no answer for ${Math.round(WATCHDOG_MS / 1000)} s`);
        }, 1000);
      },
      dispose() {
        if (watchdog) clearInterval(watchdog);
        watchdog = null;
        worker?.terminate();
        worker = null;
      },
      train() {
        const s = get().status;
        if (s === "diverged") {
          // Continue from the kept weights with the settings as they are now (moments cleared, as a remedy does).
          set({ status: "training", divergence: null, error: null, notice: null });
          send({ type: "resume", optim: optimOf(get().settings) });
          return;
        }
        if (s !== "idle") return;
        set({ status: "training", notice: null });
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
        send({ type: "step" });
      },
      reset() {
        const { settings, series } = get();
        set({ divergence: null, error: null, notice: null, status: get().status === "diverged" ? "idle" : get().status });
        send({ type: "reset", setup: toSetup(settings, series) });
      },
      setSetting(key, raw) {
        const parsed = parseField(SINE_SCHEMA[key], raw);
        if (!parsed.ok) {
          set({ fieldErrors: { ...get().fieldErrors, [key]: parsed.error } });
          return;
        }
        const next = { ...get().settings, [key]: parsed.value } as SineSettings;
        if (next[key] === get().settings[key]) {
          set({ fieldErrors: without(get().fieldErrors, key) });
          return;
        }
        const cross = crossCheck(next, get().series?.values.length ?? null);
        const problem = cross[key] ?? Object.values(cross)[0];
        if (problem) {
          set({ fieldErrors: { ...get().fieldErrors, [key]: problem } });
          return;
        }
        set({ fieldErrors: without(get().fieldErrors, key) });
        applySettings(next, get().series, key);
      },
      loadSeries(text, fileName) {
        try {
          const col = parseCsvColumn(text);
          const { settings } = get();
          makeSeriesDataset(col.values, settings.seqLength, settings.horizon, settings.validation); // checks it is usable
          set({ fieldErrors: without(get().fieldErrors, "series") });
          applySettings(settings, { values: col.values, name: col.name, fileName }, "series");
        } catch (e) {
          if (!(e instanceof SeriesInputError)) throw e;
          set({ fieldErrors: { ...get().fieldErrors, series: `${fileName ? `${fileName}: ` : ""}${e.message} The current data is kept.` } });
        }
      },
      clearSeries() {
        if (!get().series) return;
        set({ fieldErrors: without(get().fieldErrors, "series") });
        applySettings(get().settings, null, "series");
      },
      applyRemedy(remedy) {
        const s = get().settings;
        const next: SineSettings = remedy === "halveLearningRate" ? { ...s, lr: s.lr / 2 } : { ...s, clip: true, clipNorm: Math.min(s.clipNorm, 1) };
        set({ settings: next, divergence: null, status: "training", error: null });
        send({ type: "resume", optim: optimOf(next) });
      },
      setHoverT(t) {
        if (get().hoverT !== t) set({ hoverT: t });
      },
      dismissNotice() {
        set({ notice: null });
      },
      simulateCrash() {
        send({ type: "simulateCrash" });
      },
    };
  });
}
