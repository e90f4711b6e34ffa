// src/store/translateStore.ts: the translation lab's state: settings, status, latest snapshot, typed translation;
// owns its worker, fetches the CMUdict extract when the task needs it, and keeps the run across reloads.
import { createStore, type StoreApi } from "zustand/vanilla";
import { buildSymbolVocabulary, checkTypedInput, normaliseDate, normaliseWord } from "../data/seq2seq";
import { describeProblem, type DataProblem } from "../data/messages";
import { msgOf, type MsgLike } from "../i18n";
import { TRANSLATE_TEXT } from "../i18n/translate";
import { isLockedKey, lockedRefusal, withLocks } from "./locks";
import type { FaultKind, WorkerLike } from "../worker/kit/protocol";
import {
  TRANSLATE_PROTOCOL_VERSION,
  type DecodedExample, type ExampleView, type TranslateCheckpoint, type TranslateCommand, type TranslateReport, type TranslateSnapshot,
} from "../worker/translate/protocol";
import { createConnection } from "./kit/connection";
import { followConnection, statusAfterSnapshot } from "./kit/lifecycle";
import { indexedDbRecord, sameSettings, saveQueue, type SavedRecord } from "./persist";
import { parseField } from "./schema";
import {
  corpusFileOf, optimOf, toTranslateSetup, TRANSLATE_DECODING_KEYS, TRANSLATE_OPTIM_KEYS, TRANSLATE_SCHEMA,
  type TranslateKey, type TranslateSettings,
} from "./translateSettings";

export type TranslateWorkerLike = WorkerLike<TranslateCommand, TranslateReport>;
export type TranslateStatus = "starting" | "loading" | "idle" | "training" | "restarting" | "failed";

/** What the type-a-word box shows: nothing yet, a refusal, or the decoding. */
export type Translation =
  | { kind: "none" }
  | { kind: "pending"; text: string }
  | { kind: "problem"; text: string; message: MsgLike }
  | { kind: "done"; text: string; result: DecodedExample; view: ExampleView };

export interface TranslateSavedRun {
  version: 1;
  settings: TranslateSettings;
  checkpoint: TranslateCheckpoint;
  savedAt: number;
}

export interface TranslateState {
  settings: TranslateSettings;
  fieldErrors: Partial<Record<TranslateKey, MsgLike>>;
  urlWarnings: readonly MsgLike[];
  status: TranslateStatus;
  snapshot: TranslateSnapshot | null;
  checkpoint: TranslateCheckpoint | null;
  error: MsgLike | null;
  notice: MsgLike | null;
  translation: Translation;
  /** The output step hovered in the attention matrix (its row and the inputs it attends to light up). */
  hoverRow: number | null;
  canPersist: boolean;
  saved: { step: number; isRestored: boolean } | null;

  start(): Promise<void>;
  dispose(): void;
  train(): void;
  pause(): void;
  toggleTraining(): void;
  step(): void;
  reset(): void;
  setSetting(key: TranslateKey, raw: unknown): void;
  setExample(index: number): void;
  translate(text: string): void;
  setHoverRow(row: number | null): void;
  dismissNotice(): void;
  forgetSaved(): Promise<void>;
  fault(kind: FaultKind): void;
}

export interface TranslateStoreOptions {
  settings: TranslateSettings;
  urlWarnings?: readonly MsgLike[];
  createWorker: () => TranslateWorkerLike;
  /** Fetches a data file under the site root (cmudict.tsv). */
  fetchText: (path: string) => Promise<string>;
  now?: () => number;
  every?: (ms: number, fn: () => void) => () => void;
  locked?: Partial<TranslateSettings>;
  storage?: SavedRecord<TranslateSavedRun> | null;
}

export const TRANSLATE_SAVE_INTERVAL_MS = 3000;

export function translateRunStorage(): SavedRecord<TranslateSavedRun> | null {
  return indexedDbRecord<TranslateSavedRun>("rnn-notebook-translation-lab", "runs");
}

/** A saved run read back: the right shape, or null (a damaged or foreign record is ignored). */
export function validSavedRun(v: unknown): TranslateSavedRun | null {
  if (typeof v !== "object" || v === null) return null;
  const r = v as Partial<TranslateSavedRun>;
  const c = r.checkpoint;
  if (r.version !== 1 || typeof r.settings !== "object" || r.settings === null || typeof c !== "object" || c === null) return null;
  if (!Number.isSafeInteger(c.step) || c.step < 0 || !Array.isArray(c.params) || c.params.length < 1 || c.params.length > 2) return null;
  if (!c.params.every((p) => p instanceof Float64Array && p.every(Number.isFinite))) return null;
  for (const key of Object.keys(TRANSLATE_SCHEMA) as TranslateKey[]) {
    const parsed = parseField(TRANSLATE_SCHEMA[key], (r.settings as Record<string, unknown>)[key]);
    if (!parsed.ok || parsed.value !== (r.settings as Record<string, unknown>)[key]) return null;
  }
  return r as TranslateSavedRun;
}

function without<T extends object>(o: T, key: keyof T): T {
  return Object.fromEntries(Object.entries(o).filter(([k]) => k !== key)) as T;
}

function problemMsg(p: DataProblem): MsgLike {
  return { en: describeProblem(p, "en"), zh: describeProblem(p, "zh") };
}

function normaliserOf(task: string): (s: string) => string {
  return task === "cmudict" ? normaliseWord : task === "dates" ? normaliseDate : (s) => s.trim();
}

export function createTranslateStore(options: TranslateStoreOptions): StoreApi<TranslateState> {
  const now = options.now ?? (() => Date.now());
  const storage = options.storage ?? null;
  const saves = storage ? saveQueue(storage) : null;
  let isDirty = false;
  let lastSavedAt = -Infinity;
  let resetsInFlight = 0;
  let startToken = 0;
  let translateId = 0;
  /** The CMUdict text once fetched (kept: a second reset does not fetch it again). */
  const corpora = new Map<string, string>();

  return createStore<TranslateState>()((set, get) => {
    const setupOf = (s: TranslateSettings) => {
      const file = corpusFileOf(s.task);
      return toTranslateSetup(s, file ? corpora.get(file) : undefined);
    };
    const connection = createConnection<TranslateCommand, TranslateReport, TranslateCheckpoint>({
      createWorker: options.createWorker,
      now,
      every: options.every,
      init: (resume) => {
        resetsInFlight = 0;
        return { type: "init", version: TRANSLATE_PROTOCOL_VERSION, setup: setupOf(get().settings), ...(resume ? { resume } : {}) };
      },
      latest: () => get().checkpoint ?? undefined,
      isTraining: () => get().status === "training",
      onReport: (report) => {
        onReport(report);
      },
      onEvent: followConnection(get, set),
    });
    const send = (cmd: TranslateCommand): void => {
      if (cmd.type === "reset" && connection.isRunning) resetsInFlight++;
      connection.send(cmd);
    };

    /** Fetches the file the task needs, if any; false (with the reason shown) when it could not be had. */
    const ensureCorpus = async (task: string): Promise<boolean> => {
      const file = corpusFileOf(task);
      if (!file || corpora.has(file)) return true;
      try {
        corpora.set(file, await options.fetchText(file));
        return true;
      } catch (e) {
        set({ error: msgOf(TRANSLATE_TEXT, "couldNotLoad", { file, why: (e as Error).message.slice(0, 200) }) });
        return false;
      }
    };

    const maybeSave = (checkpoint: TranslateCheckpoint): void => {
      if (!saves || !isDirty || resetsInFlight > 0) return;
      const t = now();
      if (get().status === "training" && t - lastSavedAt < TRANSLATE_SAVE_INTERVAL_MS) return;
      lastSavedAt = t;
      saves.save({ version: 1, settings: get().settings, checkpoint, savedAt: t }).then(
        () => {
          if (isDirty) set({ saved: { step: checkpoint.step, isRestored: false } });
        },
        (e: unknown) => {
          set({ notice: msgOf(TRANSLATE_TEXT, "savedCouldNotSave", { why: (e as Error).message }) });
        },
      );
    };

    const onReport = (report: TranslateReport): void => {
      switch (report.type) {
        case "snapshot": {
          const s = report.snapshot;
          if (resetsInFlight > 0 && s.step === 0 && !s.isTraining) resetsInFlight--;
          set({ snapshot: s, status: statusAfterSnapshot(s.isTraining, get().status) as TranslateStatus });
          return;
        }
        case "checkpoint":
          set({ checkpoint: report.checkpoint });
          maybeSave(report.checkpoint);
          return;
        case "translation": {
          if (report.id !== translateId) return;
          if (report.problem || !report.result || !report.view) {
            set({ translation: { kind: "problem", text: report.text, message: report.problem ? problemMsg(report.problem) : msgOf(TRANSLATE_TEXT, "emptyResult") } });
            return;
          }
          set({ translation: { kind: "done", text: report.text, result: report.result, view: report.view } });
          return;
        }
      }
    };

    /** Puts new settings in force: live ones go to the running networks, the rest start new ones. */
    const applySettings = async (next: TranslateSettings, changed: readonly TranslateKey[]): Promise<void> => {
      const wasTraining = get().status === "training";
      isDirty = true;
      set({ settings: next, error: null });
      if (changed.every((k) => TRANSLATE_OPTIM_KEYS.includes(k))) {
        send({ type: "setOptim", optim: optimOf(next) });
        return;
      }
      if (changed.every((k) => TRANSLATE_DECODING_KEYS.includes(k))) {
        send({ type: "setDecoding", teacherForcing: next.teacherForcing, beamWidth: next.beam });
        return;
      }
      set({ checkpoint: null, translation: { kind: "none" } });
      if (wasTraining) send({ type: "pause" });
      if (corpusFileOf(next.task) && !corpora.has(corpusFileOf(next.task)!)) {
        set({ status: "loading" });
        const ok = await ensureCorpus(next.task);
        if (get().settings !== next) return; // a later change won the race
        if (!ok) {
          set({ status: "idle" });
          return;
        }
        set({ status: "idle" });
      }
      send({ type: "reset", setup: setupOf(next) });
      if (wasTraining) {
        set({ status: "training" });
        send({ type: "train" });
      }
    };

    return {
      settings: withLocks(options.settings, options.locked),
      fieldErrors: {},
      urlWarnings: options.urlWarnings ?? [],
      status: "starting",
      snapshot: null,
      checkpoint: null,
      error: null,
      notice: null,
      translation: { kind: "none" },
      hoverRow: null,
      canPersist: storage !== null,
      saved: null,

      async start() {
        if (connection.isRunning) return;
        if (get().status !== "starting") set({ status: "starting", notice: null });
        const token = ++startToken;
        let resume: TranslateCheckpoint | undefined;
        if (storage) {
          try {
            const saved = validSavedRun(await storage.load());
            if (token !== startToken) return;
            if (saved && sameSettings(saved.settings, get().settings)) {
              resume = saved.checkpoint;
              set({ checkpoint: resume, saved: { step: resume.step, isRestored: true } });
            } else if (saved && saved.checkpoint.step > 0) {
              set({ notice: msgOf(TRANSLATE_TEXT, "savedOtherSettings") });
            }
          } catch (e) {
            if (token !== startToken) return;
            set({ notice: msgOf(TRANSLATE_TEXT, "savedCouldNotRead", { why: (e as Error).message }) });
          }
        }
        const ok = await ensureCorpus(get().settings.task);
        if (token !== startToken) return;
        if (!ok) {
          set({ status: "failed" });
          return;
        }
        connection.start(resume);
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
        set({ error: null, notice: null, checkpoint: null, translation: { kind: "none" } });
        send({ type: "reset", setup: setupOf(get().settings) });
        if (get().status === "training") send({ type: "train" });
      },
      setSetting(key, raw) {
        const parsed = parseField(TRANSLATE_SCHEMA[key], raw);
        if (!parsed.ok) {
          set({ fieldErrors: { ...get().fieldErrors, [key]: parsed.message } });
          return;
        }
        const next = { ...get().settings, [key]: parsed.value } as TranslateSettings;
        if (next[key] === get().settings[key]) {
          set({ fieldErrors: without(get().fieldErrors, key) });
          return;
        }
        if (isLockedKey(options.locked, key)) {
          set({ fieldErrors: { ...get().fieldErrors, [key]: lockedRefusal(TRANSLATE_SCHEMA[key], get().settings[key]) } });
          return;
        }
        set({ fieldErrors: without(get().fieldErrors, key) });
        void applySettings(next, [key]);
      },
      setExample(index) {
        send({ type: "setExample", index });
      },
      translate(text) {
        const snap = get().snapshot;
        translateId++;
        if (snap) {
          // Checked here first, so a refusal is immediate and never waits on a busy worker.
          const vocab = buildSymbolVocabulary([snap.sourceAlphabet]);
          const checked = checkTypedInput(text, vocab, snap.maxSourceLength, normaliserOf(snap.task));
          if (!checked.ok) {
            set({ translation: { kind: "problem", text, message: problemMsg(checked.problem) } });
            return;
          }
        }
        set({ translation: { kind: "pending", text } });
        send({ type: "translate", id: translateId, text });
      },
      setHoverRow(row) {
        if (get().hoverRow !== row) set({ hoverRow: row });
      },
      dismissNotice() {
        set({ notice: null });
      },
      async forgetSaved() {
        if (!saves) return;
        isDirty = false;
        lastSavedAt = -Infinity;
        try {
          await saves.clear();
        } catch (e) {
          set({ notice: msgOf(TRANSLATE_TEXT, "savedCouldNotForget", { why: (e as Error).message }) });
          return;
        }
        set({ saved: null, checkpoint: null, error: null, notice: msgOf(TRANSLATE_TEXT, "savedForgot") });
        send({ type: "reset", setup: setupOf(get().settings) });
      },
      fault(kind) {
        connection.fault(kind);
      },
    };
  });
}

