// src/store/gradStore.ts: the gradient visualizer's state: settings, status, latest snapshot; owns its worker.
import { createStore, type StoreApi } from "zustand/vanilla";
import type { CellType } from "../engine";
import {
  GRAD_PROTOCOL_VERSION,
  type GradCheckpoint, type GradCommand, type GradDivergence, type GradReport, type GradSnapshot,
} from "../worker/gradients/protocol";
import type { FaultKind, WorkerLike } from "../worker/kit/protocol";
import { msgOf, type MsgLike } from "../i18n";
import { createConnection } from "./kit/connection";
import { PytorchRequests, type PytorchReport } from "./kit/pytorch";
import { followConnection, statusAfterSnapshot } from "./kit/lifecycle";
import { GRADS } from "../i18n/gradients";
import { parseField } from "./schema";
import { indexedDbRecord, sameSettings, saveQueue, type SavedRecord } from "./persist";
import { isLockedKey, lockedChanges, lockedRefusal, lockedRemedyRefusal, withLocks } from "./locks";
import {
  crossCheck, GRAD_LIVE_KEYS, GRAD_SCHEMA, optimOf, presetSettings, toGradSetup,
  type GradKey, type GradSettings, type PresetName,
} from "./gradSettings";

/** What the store needs of a Worker (a real one in the browser, an in-process one in tests). */
export type GradWorkerLike = WorkerLike<GradCommand, GradReport>;

export type GradStatus = "starting" | "idle" | "training" | "restarting" | "failed";


export interface GradState {
  settings: GradSettings;
  /** Per control: why the last value offered there was refused (the previous valid value is kept). */
  fieldErrors: Partial<Record<GradKey, MsgLike>>;
  /** Settings in the URL that were ignored, and why. */
  urlWarnings: readonly MsgLike[];
  status: GradStatus;
  snapshot: GradSnapshot | null;
  /** The latest weights the worker reported, to restart it from if it crashes. */
  checkpoint: GradCheckpoint | null;
  /** The preset last chosen, while the settings still match it. */
  preset: PresetName | null;
  /** A problem the learner must know about (worker error, refused setup). */
  error: MsgLike | null;
  /** Something that happened and was handled (a restarted worker). */
  notice: MsgLike | null;
  /** The timestep hovered in any ‖∂L/∂h_t‖ chart, highlighted in all of them. */
  hoverT: number | null;
  /** Whether this widget keeps its run across reloads (false: no IndexedDB, an embed, locked settings). */
  canPersist: boolean;
  /** The step last saved in this browser, and whether it was restored on load; null when nothing is kept. */
  saved: { step: number; isRestored: boolean } | null;

  start(): void;
  dispose(): void;
  train(): void;
  pause(): void;
  toggleTraining(): void;
  step(): void;
  reset(): void;
  setSetting(key: GradKey, raw: unknown): void;
  applyPreset(name: PresetName): void;
  /** The remedy a divergence offers: clipping on (max norm 1 at most), and the same run from step 0. */
  restartWithClipping(): void;
  setHoverT(t: number | null): void;
  dismissNotice(): void;
  /** Test hook: crash the worker to exercise recovery. */
  simulateCrash(): void;
  /** Test hook: make the worker fail in one of the ways a real one can (throw, reject, hang, exit). */
  fault(kind: FaultKind): void;
  /** "Export to PyTorch" of one cell: the Python file that continues its run, made by the worker (or why it cannot be). */
  requestPytorch(cell: CellType): Promise<PytorchReport>;
  /** Deletes the saved run and starts three new networks with the current settings. */
  forgetSaved(): Promise<void>;
}

export interface GradStoreOptions {
  settings: GradSettings;
  urlWarnings?: readonly MsgLike[];
  /** The preset the settings came from (a link with preset=…), if any. */
  preset?: PresetName | null;
  createWorker: () => GradWorkerLike;
  now?: () => number;
  /** Runs the watchdog (setInterval by default; tests may pass their own clock). */
  every?: (ms: number, fn: () => void) => () => void;
  /** Settings the course locked (lock=… in the link): they start at these values and no action changes them. */
  locked?: Partial<GradSettings>;
  /** Where the run is kept across reloads (gradRunStorage() in the browser); null or absent: nothing is kept. */
  storage?: SavedRecord<GradSavedRun> | null;
}

/** What survives a reload: the settings the three networks were trained with, and their latest checkpoint. */
export interface GradSavedRun {
  version: 1;
  settings: GradSettings;
  checkpoint: GradCheckpoint;
  savedAt: number;
}

/** While training, a checkpoint is saved at most this often (and at once on pause or step). */
export const GRAD_SAVE_INTERVAL_MS = 3000;

/** The browser's IndexedDB record for the gradient visualizer's run, or null where there is none. */
export function gradRunStorage(): SavedRecord<GradSavedRun> | null {
  return indexedDbRecord<GradSavedRun>("rnn-notebook-gradient-visualizer", "runs");
}

function without<T extends object>(o: T, key: keyof T): T {
  return Object.fromEntries(Object.entries(o).filter(([k]) => k !== key)) as T;
}

/** Which cells have diverged, for messages: "the tanh-RNN and the LSTM". */
export function divergedCells(snapshot: GradSnapshot | null): { cell: CellType; divergence: GradDivergence }[] {
  if (!snapshot) return [];
  return snapshot.cells.flatMap((c) => (c.divergence ? [{ cell: c.cell, divergence: c.divergence }] : []));
}

export function createGradStore(options: GradStoreOptions): StoreApi<GradState> {
  const now = options.now ?? (() => Date.now());
  const storage = options.storage ?? null;
  const saves = storage ? saveQueue(storage) : null;
  /** False until the learner changes the run (train, step, reset, settings): merely opening a link saves nothing. */
  let isDirty = false;
  let lastSavedAt = -Infinity;
  /** Resets sent whose fresh step-0 snapshot has not come back: checkpoints until then belong to the old networks. */
  let resetsInFlight = 0;
  /** Bumped by start() and dispose(): a saved run read after either belongs to a start that is over. */
  let startToken = 0;

  return createStore<GradState>()((set, get) => {
    const connection = createConnection<GradCommand, GradReport, GradCheckpoint>({
      createWorker: options.createWorker,
      now,
      every: options.every,
      init: (resume) => {
        resetsInFlight = 0;
        return { type: "init", version: GRAD_PROTOCOL_VERSION, setup: toGradSetup(get().settings), ...(resume ? { resume } : {}) };
      },
      latest: () => get().checkpoint ?? undefined,
      isTraining: () => get().status === "training",
      onReport: (report) => {
        onReport(report);
      },
      onEvent: followConnection(get, set),
    });
    const send = (cmd: GradCommand): void => {
      if (cmd.type === "reset" && connection.isRunning) resetsInFlight++;
      connection.send(cmd);
    };
    const pytorch = new PytorchRequests();

    /** Saves a checkpoint: every few seconds while training, at once when training stops (pause, step). */
    const maybeSave = (checkpoint: GradCheckpoint): void => {
      if (!saves || !isDirty || resetsInFlight > 0) return;
      const t = now();
      if (get().status === "training" && t - lastSavedAt < GRAD_SAVE_INTERVAL_MS) return;
      lastSavedAt = t;
      const { settings } = get();
      saves.save({ version: 1, settings, checkpoint, savedAt: t }).then(
        () => {
          if (isDirty) set({ saved: { step: checkpoint.step, isRestored: false } });
        },
        (e: unknown) => {
          set({ notice: msgOf(GRADS, "savedCouldNotSave", { why: (e as Error).message }) });
        },
      );
    };

    /** Spawns the worker on the saved run when it was trained with these very settings, else on new networks. */
    const restoreThenSpawn = async (token: number): Promise<void> => {
      let resume: GradCheckpoint | undefined;
      try {
        const saved = await storage?.load();
        if (token !== startToken) return;
        if (saved?.version === 1) {
          if (sameSettings(saved.settings, get().settings) && saved.checkpoint.params.length === 3) {
            resume = saved.checkpoint;
            set({ checkpoint: resume, saved: { step: resume.step, isRestored: true } });
          } else if (saved.checkpoint.step > 0) {
            set({ notice: msgOf(GRADS, "savedOtherSettings") });
          }
        }
      } catch (e) {
        if (token !== startToken) return;
        set({ notice: msgOf(GRADS, "savedCouldNotRead", { why: (e as Error).message }) });
      }
      spawn(resume);
    };

    const onReport = (report: GradReport): void => {
      switch (report.type) {
        case "pytorch":
          pytorch.settle(report);
          return;
        case "snapshot": {
          const s = report.snapshot;
          if (resetsInFlight > 0 && s.step === 0 && !s.isTraining) resetsInFlight--;
          set({ snapshot: s, status: statusAfterSnapshot(s.isTraining, get().status) as GradStatus });
          return;
        }
        case "checkpoint":
          set({ checkpoint: report.checkpoint });
          maybeSave(report.checkpoint);
          return;
        default:
          // "diverged": the snapshot that follows carries the divergence with the cell; nothing to keep here.
          return;
      }
    };

    const spawn = (resume?: GradCheckpoint): void => {
      connection.start(resume);
    };

    /** Puts new settings in force: live ones go to the running networks, the rest start three new ones. */
    const applySettings = (next: GradSettings, changed: readonly GradKey[], preset: PresetName | null, forceReset = false): void => {
      const wasTraining = get().status === "training";
      isDirty = true;
      set({ settings: next, preset, error: null, checkpoint: null });
      if (!forceReset && changed.every((k) => GRAD_LIVE_KEYS.includes(k))) {
        send({ type: "setOptim", optim: optimOf(next) });
        return;
      }
      send({ type: "reset", setup: toGradSetup(next) });
      if (wasTraining) send({ type: "train" });
    };

    return {
      settings: withLocks(options.settings, options.locked),
      fieldErrors: {},
      urlWarnings: options.urlWarnings ?? [],
      status: "starting",
      snapshot: null,
      checkpoint: null,
      preset: options.preset ?? null,
      error: null,
      notice: null,
      hoverT: null,
      canPersist: storage !== null,
      saved: null,

      start() {
        if (connection.isRunning) return;
        // Started again after dispose() (React's StrictMode mounts twice): a fresh worker, so a fresh status.
        if (get().status !== "starting") set({ status: "starting", notice: null });
        const token = ++startToken;
        if (storage) void restoreThenSpawn(token);
        else spawn();
      },
      dispose() {
        startToken++;
        connection.stop();
      },
      train() {
        if (get().status !== "idle") return;
        isDirty = true;
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
        isDirty = true;
        send({ type: "step" });
      },
      reset() {
        isDirty = true;
        set({ error: null, notice: null, checkpoint: null });
        send({ type: "reset", setup: toGradSetup(get().settings) });
        if (get().status === "training") send({ type: "train" });
      },
      setSetting(key, raw) {
        const parsed = parseField(GRAD_SCHEMA[key], raw);
        if (!parsed.ok) {
          set({ fieldErrors: { ...get().fieldErrors, [key]: parsed.message } });
          return;
        }
        const next = { ...get().settings, [key]: parsed.value } as GradSettings;
        if (next[key] === get().settings[key]) {
          set({ fieldErrors: without(get().fieldErrors, key) });
          return;
        }
        if (isLockedKey(options.locked, key)) {
          set({ fieldErrors: { ...get().fieldErrors, [key]: lockedRefusal(GRAD_SCHEMA[key], get().settings[key]) } });
          return;
        }
        const problem = crossCheck(next)[key];
        if (problem) {
          set({ fieldErrors: { ...get().fieldErrors, [key]: problem } });
          return;
        }
        set({ fieldErrors: without(get().fieldErrors, key) });
        applySettings(next, [key], null);
      },
      applyPreset(name) {
        const next = presetSettings(name, get().settings.seed);
        const refused = lockedChanges(get().settings, next, options.locked);
        if (refused.length > 0) {
          set({ error: lockedRemedyRefusal(GRAD_SCHEMA, refused) });
          return;
        }
        set({ fieldErrors: {} });
        // Always a fresh run, even when only live settings differ: a preset shows its picture from step 0.
        applySettings(next, [], name, true);
      },
      restartWithClipping() {
        const s = get().settings;
        const next: GradSettings = { ...s, clip: true, clipNorm: s.clip ? Math.min(s.clipNorm, 1) : 1 };
        const refused = lockedChanges(s, next, options.locked);
        if (refused.length > 0) {
          set({ error: lockedRemedyRefusal(GRAD_SCHEMA, refused) });
          return;
        }
        set({ fieldErrors: {} });
        applySettings(next, [], null, true);
      },
      setHoverT(t) {
        if (get().hoverT !== t) set({ hoverT: t });
      },
      dismissNotice() {
        set({ notice: null });
      },
      simulateCrash() {
        connection.fault("throw");
      },
      fault(kind) {
        connection.fault(kind);
      },
      requestPytorch(cell) {
        return pytorch.request(send, cell);
      },
      async forgetSaved() {
        if (!saves) return;
        // Nothing is saved again until the learner trains the new networks.
        isDirty = false;
        lastSavedAt = -Infinity;
        try {
          await saves.clear();
        } catch (e) {
          set({ notice: msgOf(GRADS, "savedCouldNotForget", { why: (e as Error).message }) });
          return;
        }
        set({ saved: null, checkpoint: null, error: null, notice: msgOf(GRADS, "savedForgot") });
        send({ type: "reset", setup: toGradSetup(get().settings) });
      },
    };
  });
}
