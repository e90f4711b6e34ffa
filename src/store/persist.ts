// src/store/persist.ts: a widget's saved state across reloads: one record in IndexedDB, written in order, newest wins.
// IndexedDB through its own API (no library): structured clone keeps Float64Array weights as they are, no JSON.

/** One saved value (a widget's settings and model) under one key. */
export interface SavedRecord<T> {
  load(): Promise<T | null>;
  save(value: T): Promise<void>;
  clear(): Promise<void>;
}

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

/**
 * The record `key` of object store `storeName` in database `dbName`, or null where the browser has no IndexedDB
 * (jsdom, some private modes): the widget then works as before and says nothing is kept.
 */
export function indexedDbRecord<T>(dbName: string, storeName: string, key = "current"): SavedRecord<T> | null {
  if (typeof indexedDB === "undefined") return null;
  let db: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    db ??= new Promise((resolve, reject) => {
      const r = indexedDB.open(dbName, 1);
      r.onupgradeneeded = () => {
        r.result.createObjectStore(storeName);
      };
      r.onsuccess = () => {
        resolve(r.result);
      };
      r.onerror = () => {
        db = null; // let a later call try again (a private window may refuse only at first)
        reject(r.error ?? new Error("IndexedDB could not be opened"));
      };
    });
    return db;
  };
  const tx = async <R>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<R>): Promise<R> => {
    const d = await open();
    return request(run(d.transaction(storeName, mode).objectStore(storeName)));
  };
  return {
    async load() {
      const v = await tx("readonly", (s) => s.get(key) as IDBRequest<T | undefined>);
      return v ?? null;
    },
    async save(value) {
      await tx("readwrite", (s) => s.put(value, key));
    },
    async clear() {
      await tx("readwrite", (s) => s.delete(key));
    },
  };
}

/** Writes to a record one at a time, in the order asked; a value waiting its turn is replaced by a newer one. */
export interface SaveQueue<T> {
  /** Resolves once this value, or a newer one that replaced it, is written. */
  save(value: T): Promise<void>;
  /** Drops any value waiting, then clears the record after the write in progress (so nothing stale lands after). */
  clear(): Promise<void>;
}

export function saveQueue<T>(record: SavedRecord<T>): SaveQueue<T> {
  let tail: Promise<unknown> = Promise.resolve();
  let waiting: { value: T } | null = null;
  let queuedWrite: Promise<void> = Promise.resolve();
  const enqueue = (op: () => Promise<void>): Promise<void> => {
    const p = tail.then(op);
    tail = p.catch(() => undefined); // one failed write does not block the next
    return p;
  };
  return {
    save(value) {
      const isQueued = waiting !== null;
      waiting = { value };
      if (!isQueued) {
        queuedWrite = enqueue(async () => {
          const w = waiting;
          waiting = null;
          if (w) await record.save(w.value);
        });
      }
      return queuedWrite;
    },
    clear() {
      waiting = null;
      return enqueue(() => record.clear());
    },
  };
}

/** Whether two settings objects hold the same value under every key (numbers, strings, booleans). */
export function sameSettings<S extends object>(a: S, b: S): boolean {
  const ka = Object.keys(a) as (keyof S)[];
  return ka.length === Object.keys(b).length && ka.every((k) => Object.is(a[k], b[k]));
}
