// src/store/speechStore.ts: the speech lab's state: settings, status, the data the worker made, the latest snapshot,
// the example under the cursor, the learner's recordings and "Listen"; owns its worker.
import { createStore, type StoreApi } from "zustand/vanilla";
import type { CellType, OptimizerKind } from "../engine";
import {
  SPEECH_PROTOCOL_VERSION,
  type SpeechCheckpoint, type SpeechCommand, type SpeechData, type SpeechDataInfo, type SpeechInspection, type SpeechReport,
  type SpeechSetup, type SpeechSnapshot, type SpeechSource,
} from "../worker/speech/protocol";
import type { WorkerLike } from "../worker/kit/protocol";
import { msgOf, type MsgLike } from "../i18n";
import { SPEECH } from "../i18n/speech";
import { AudioError } from "../audio/errors";
import { audioErrorMsg } from "../audio/messages";
import { trimSilence } from "../audio/level";
import type { Recording, RecordingStore } from "../audio/recordings";
import { createConnection } from "./kit/connection";
import { followConnection, statusAfterSnapshot } from "./kit/lifecycle";

export type SpeechWorkerLike = WorkerLike<SpeechCommand, SpeechReport>;
export type SpeechStatus = "starting" | "idle" | "training" | "restarting" | "failed";

export interface SpeechSettings {
  cell: CellType;
  hidden: number;
  layers: number;
  batch: number;
  lr: number;
  optimizer: OptimizerKind;
  clip: number;
  source: SpeechSource;
  seed: number;
}

export const SPEECH_DEFAULTS: SpeechSettings = { cell: "gru", hidden: 32, layers: 1, batch: 32, lr: 0.01, optimizer: "adam", clip: 5, source: "builtin", seed: 1 };

/** Allowed range of each number setting. */
export const SPEECH_RANGES = { hidden: [2, 128], layers: [1, 2], batch: [1, 128], lr: [1e-5, 1], clip: [0, 100], seed: [0, 1e9] } as const;
type NumberKey = keyof typeof SPEECH_RANGES;

export function toSpeechSetup(s: SpeechSettings): SpeechSetup {
  return {
    cell: s.cell, hiddenSize: s.hidden, numLayers: s.layers, batchSize: s.batch, source: s.source, seed: s.seed,
    optim: { optimizer: s.optimizer, learningRate: s.lr, clipMaxNorm: s.clip > 0 ? s.clip : null },
  };
}

/** The built-in words' files, fetched on the page (the worker decodes them); a test passes its own. */
export type PackLoader = () => Promise<{ index: unknown; bytes: Uint8Array }>;

export function fetchSpeechPack(base: string): PackLoader {
  return async () => {
    const indexUrl = new URL("data/speech/index.json", base);
    const res = await fetch(indexUrl);
    if (!res.ok) throw new AudioError("decodeFailed", `index.json: HTTP ${res.status}`, { why: `index.json: HTTP ${res.status}` });
    const index = (await res.json()) as { file?: unknown };
    const file = typeof index.file === "string" && /^[\w.-]+$/.test(index.file) ? index.file : "clips.bin";
    const bin = await fetch(new URL(`data/speech/${file}`, base));
    if (!bin.ok) throw new AudioError("decodeFailed", `${file}: HTTP ${bin.status}`, { why: `${file}: HTTP ${bin.status}` });
    return { index, bytes: new Uint8Array(await bin.arrayBuffer()) };
  };
}

/** What the microphone offers the store: a recording of a few seconds, and a live stream (tests mock both). */
export interface Microphone {
  record(seconds: number, onLevel: (db: number) => void): Promise<Float32Array>;
  stream(onChunk: (samples: Float32Array) => void, onLevel: (db: number) => void): Promise<{ stop(): void }>;
}

export interface Heard {
  probs: Float64Array;
  isFinal: boolean;
  ms: number;
}

export interface SpeechState {
  settings: SpeechSettings;
  fieldErrors: Partial<Record<NumberKey, MsgLike>>;
  status: SpeechStatus;
  /** While the built-in words load (before the worker starts). */
  isLoading: boolean;
  info: SpeechDataInfo | null;
  snapshot: SpeechSnapshot | null;
  checkpoint: SpeechCheckpoint | null;
  inspection: SpeechInspection | null;
  selected: number;
  error: MsgLike | null;
  notice: MsgLike | null;
  /** The learner's recordings (IndexedDB); null until read. */
  recordings: Recording[];
  /** The microphone's problem (refused, absent, silent, too long…): shown by the record and listen panels. */
  micError: MsgLike | null;
  /** dBFS of the latest chunk while recording or listening, else null. */
  level: number | null;
  isRecording: boolean;
  isListening: boolean;
  heard: Heard | null;

  start(): Promise<void>;
  dispose(): void;
  train(): void;
  pause(): void;
  toggleTraining(): void;
  step(): void;
  reset(): void;
  setSetting<K extends keyof SpeechSettings>(key: K, value: SpeechSettings[K]): void;
  select(index: number): void;
  record(word: string): Promise<void>;
  deleteRecording(id: string): Promise<void>;
  listen(): Promise<void>;
  stopListening(): void;
}

export interface SpeechStoreOptions {
  settings?: SpeechSettings;
  createWorker: () => SpeechWorkerLike;
  loadPack: PackLoader;
  recordingStore: RecordingStore | null;
  microphone: Microphone;
  /** Seconds a recording lasts before trimming. */
  recordSeconds?: number;
}

const LIVE_KEYS: readonly (keyof SpeechSettings)[] = ["lr", "optimizer", "clip"];

export function createSpeechStore(o: SpeechStoreOptions): StoreApi<SpeechState> {
  let packData: SpeechData["pack"] = null;
  let stream: { stop(): void } | null = null;

  const dataOf = (s: SpeechState): SpeechData => ({
    pack: s.settings.source === "mine" ? null : packData,
    recordings: s.recordings.map((r) => ({ id: r.id, word: Math.max(0, (s.info?.words ?? WORDS).indexOf(r.word)), samples: r.samples })),
  });

  const store = createStore<SpeechState>()((set, get) => {
    const connection = createConnection<SpeechCommand, SpeechReport, SpeechCheckpoint>({
      createWorker: o.createWorker,
      init: (resume) => ({ type: "init", version: SPEECH_PROTOCOL_VERSION, setup: toSpeechSetup(get().settings), data: dataOf(get()), resume }),
      latest: () => get().checkpoint ?? undefined,
      isTraining: () => get().status === "training",
      onReport: (r) => {
        switch (r.type) {
          case "data":
            set({ info: r.info, error: null });
            connection.send({ type: "inspect", index: Math.min(get().selected, r.info.examples.length - 1) });
            return;
          case "snapshot":
            set({ snapshot: r.snapshot, status: statusAfterSnapshot(r.snapshot.isTraining, get().status) as SpeechStatus });
            if (!r.snapshot.isTraining && get().info) connection.send({ type: "inspect", index: get().selected });
            return;
          case "checkpoint":
            set({ checkpoint: r.checkpoint });
            return;
          case "inspection":
            set({ inspection: r.inspection });
            return;
          case "heard":
            set({ heard: { probs: r.probs, isFinal: r.isFinal, ms: r.ms } });
            return;
        }
      },
      onEvent: followConnection(get, (p) => {
        set(p);
      }),
    });

    const resetWorker = (): void => {
      set({ checkpoint: null, snapshot: null, inspection: null, error: null });
      if (connection.isRunning) connection.send({ type: "reset", setup: toSpeechSetup(get().settings), data: dataOf(get()) });
      else {
        set({ status: "starting" });
        connection.start();
      }
    };

    return {
      settings: o.settings ?? SPEECH_DEFAULTS,
      fieldErrors: {},
      status: "starting",
      isLoading: true,
      info: null,
      snapshot: null,
      checkpoint: null,
      inspection: null,
      selected: 0,
      error: null,
      notice: null,
      recordings: [],
      micError: null,
      level: null,
      isRecording: false,
      isListening: false,
      heard: null,

      async start() {
        if (o.recordingStore) {
          try {
            const list = await o.recordingStore.list();
            set({ recordings: list.recordings, notice: list.skipped.length > 0 ? msgOf(SPEECH, "skippedRecordings", { n: list.skipped.length }) : null });
          } catch {
            set({ notice: msgOf(SPEECH, "noStorage") });
          }
        }
        try {
          packData = await o.loadPack();
        } catch (e) {
          packData = null;
          set({ error: msgOf(SPEECH, "packFailed", { why: e instanceof Error ? e.message.slice(0, 300) : String(e) }) });
        }
        set({ isLoading: false });
        if (!packData && get().settings.source !== "mine" && get().recordings.length === 0) {
          set({ status: "failed" });
          return;
        }
        if (!packData && get().settings.source !== "mine") set({ settings: { ...get().settings, source: "mine" } });
        connection.start();
      },
      dispose() {
        stream?.stop();
        stream = null;
        connection.stop();
      },
      train() {
        const st = get().status;
        if (st !== "idle") return;
        set({ status: "training" });
        connection.send({ type: "train" });
      },
      pause() {
        if (get().status !== "training") return;
        connection.send({ type: "pause" });
      },
      toggleTraining() {
        if (get().status === "training") get().pause();
        else get().train();
      },
      step() {
        if (get().status === "idle") connection.send({ type: "step" });
      },
      reset() {
        resetWorker();
      },
      setSetting(key, value) {
        if (key in SPEECH_RANGES) {
          const [min, max] = SPEECH_RANGES[key as NumberKey];
          const v = value as number;
          const whole = key !== "lr" && key !== "clip";
          if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max || (whole && !Number.isInteger(v))) {
            set({ fieldErrors: { ...get().fieldErrors, [key]: msgOf(SPEECH, whole ? "rangeWhole" : "range", { min, max }) } });
            return;
          }
        }
        if (key === "source" && value !== "builtin" && get().recordings.length === 0) {
          set({ error: msgOf(SPEECH, "recordFirst") });
          return;
        }
        if (key === "source" && value !== "mine" && !packData) {
          set({ error: msgOf(SPEECH, "packMissing") });
          return;
        }
        const settings = { ...get().settings, [key]: value };
        const fieldErrors = Object.fromEntries(Object.entries(get().fieldErrors).filter(([k]) => k !== key));
        set({ settings, fieldErrors });
        if (LIVE_KEYS.includes(key)) {
          connection.send({ type: "setOptim", optim: toSpeechSetup(settings).optim });
          return;
        }
        resetWorker();
      },
      select(index) {
        const n = get().info?.examples.length ?? 0;
        if (!(Number.isInteger(index) && index >= 0 && index < n)) return;
        set({ selected: index });
        connection.send({ type: "inspect", index });
      },
      async record(word) {
        if (get().isRecording || get().isListening) return;
        set({ isRecording: true, micError: null, level: null });
        try {
          const raw = await o.microphone.record(o.recordSeconds ?? 2, (db) => {
            set({ level: db });
          });
          const samples = trimSilence(raw, 8000);
          const rec: Recording = { id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`, word, createdAt: Date.now(), sampleRate: 8000, samples };
          if (o.recordingStore) {
            try {
              await o.recordingStore.put(rec);
            } catch {
              set({ notice: msgOf(SPEECH, "notKept") });
            }
          } else set({ notice: msgOf(SPEECH, "notKept") });
          set({ recordings: [...get().recordings, rec] });
        } catch (e) {
          set({ micError: e instanceof AudioError ? audioErrorMsg(e) : msgOf(SPEECH, "micFailed", { why: e instanceof Error ? e.message : String(e) }) });
        } finally {
          set({ isRecording: false, level: null });
        }
      },
      async deleteRecording(id) {
        try {
          await o.recordingStore?.remove(id);
        } catch {
          set({ notice: msgOf(SPEECH, "notKept") });
        }
        set({ recordings: get().recordings.filter((r) => r.id !== id) });
      },
      async listen() {
        if (get().isListening || get().isRecording) return;
        set({ isListening: true, micError: null, heard: null });
        try {
          stream = await o.microphone.stream(
            (samples) => {
              connection.send({ type: "listen", samples });
            },
            (db) => {
              set({ level: db });
            },
          );
        } catch (e) {
          set({ isListening: false, level: null, micError: e instanceof AudioError ? audioErrorMsg(e) : msgOf(SPEECH, "micFailed", { why: e instanceof Error ? e.message : String(e) }) });
        }
      },
      stopListening() {
        stream?.stop();
        stream = null;
        connection.send({ type: "listenEnd" });
        set({ isListening: false, level: null });
      },
    };
  });
  return store;
}

const WORDS = ["yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go"];
