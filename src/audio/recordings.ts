// src/audio/recordings.ts: the learner's recordings, kept in this browser only (IndexedDB), checked when read back.
import { AudioError } from "./errors";

/** One recorded word. */
export interface Recording {
  readonly id: string;
  /** The word it is an example of (one of the lab's words). */
  readonly word: string;
  /** Milliseconds since 1970, when it was recorded. */
  readonly createdAt: number;
  readonly sampleRate: number;
  /** Trimmed samples in −1 … 1. */
  readonly samples: Float32Array;
}

/** Most samples a stored recording may have (10 s at 8 kHz); longer ones are refused on write and skipped on read. */
export const MAX_STORED_SAMPLES = 80_000;

/** Why a stored value is not a usable recording, or null if it is one. */
export function recordingProblem(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return "not an object";
  const r = value as Partial<Record<keyof Recording, unknown>>;
  if (typeof r.id !== "string" || r.id.length === 0) return "no id";
  if (typeof r.word !== "string" || r.word.length === 0) return "no word";
  if (typeof r.createdAt !== "number" || !Number.isFinite(r.createdAt)) return "no date";
  if (typeof r.sampleRate !== "number" || !Number.isInteger(r.sampleRate) || r.sampleRate < 1000 || r.sampleRate > 384_000) {
    return "no valid sample rate";
  }
  if (!(r.samples instanceof Float32Array)) return "samples are not a Float32Array";
  if (r.samples.length === 0 || r.samples.length > MAX_STORED_SAMPLES) return `${r.samples.length} samples`;
  for (let i = 0; i < r.samples.length; i++) {
    const s = r.samples[i];
    if (!(s >= -1 && s <= 1)) return `sample ${i} is ${s}`;
  }
  return null;
}

export interface RecordingList {
  readonly recordings: Recording[];
  /** Stored entries that failed the checks (left in place, not shown): their ids and why. */
  readonly skipped: { readonly id: string; readonly problem: string }[];
}

export interface RecordingStore {
  /** Every valid recording, oldest first. */
  list(): Promise<RecordingList>;
  /** Adds or replaces (same id) a recording; refuses an invalid one with AudioError "storageFailed". */
  put(recording: Recording): Promise<void>;
  remove(id: string): Promise<void>;
  clear(): Promise<void>;
}

const STORE = "recordings";

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => {
      resolve(r.result);
    };
    r.onerror = () => {
      reject(r.error ?? new Error("IndexedDB request failed"));
    };
  });
}

const storageError = (what: string, e: unknown): AudioError =>
  new AudioError("storageFailed", `The browser would not ${what} (${e instanceof Error ? e.message : String(e)}). Recordings are kept only in this browser; check that site data is allowed.`, { what });

/**
 * The recordings kept in this browser under `dbName`. Returns null where IndexedDB does not exist (some private
 * modes, jsdom): the lab then keeps recordings for the session only and says so.
 */
export function openRecordingStore(dbName = "rnn-notebook-speech"): RecordingStore | null {
  if (typeof indexedDB === "undefined") return null;
  let db: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    db ??= new Promise((resolve, reject) => {
      const r = indexedDB.open(dbName, 1);
      r.onupgradeneeded = () => {
        r.result.createObjectStore(STORE, { keyPath: "id" });
      };
      r.onsuccess = () => {
        resolve(r.result);
      };
      r.onerror = () => {
        db = null; // a later call may try again
        reject(r.error ?? new Error("IndexedDB could not be opened"));
      };
    });
    return db;
  };
  const run = async <R>(what: string, mode: IDBTransactionMode, body: (s: IDBObjectStore) => IDBRequest<R>): Promise<R> => {
    try {
      const d = await open();
      return await request(body(d.transaction(STORE, mode).objectStore(STORE)));
    } catch (e) {
      throw storageError(what, e);
    }
  };
  return {
    async list() {
      const all = await run("read the recordings", "readonly", (s) => s.getAll() as IDBRequest<unknown[]>);
      const recordings: Recording[] = [];
      const skipped: { id: string; problem: string }[] = [];
      for (const value of all) {
        const problem = recordingProblem(value);
        if (problem === null) recordings.push(value as Recording);
        else {
          const id = (value as { id?: unknown } | null)?.id;
          skipped.push({ id: typeof id === "string" ? id : "?", problem });
        }
      }
      recordings.sort((a, b) => a.createdAt - b.createdAt);
      return { recordings, skipped };
    },
    async put(recording) {
      const problem = recordingProblem(recording);
      if (problem !== null) throw new AudioError("storageFailed", `This recording cannot be kept: ${problem}.`, { problem });
      await run("keep the recording", "readwrite", (s) => s.put(recording));
    },
    async remove(id) {
      await run("delete the recording", "readwrite", (s) => s.delete(id));
    },
    async clear() {
      await run("delete the recordings", "readwrite", (s) => s.clear());
    },
  };
}
