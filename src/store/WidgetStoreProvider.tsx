// src/store/WidgetStoreProvider.tsx: gives each sine widget its own store (and worker) through React context.
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { useStore, type StoreApi } from "zustand";
import type { MsgLike } from "../i18n";
import type { Report } from "../worker/protocol";
import type { SineSettings } from "./sineSettings";
import { createSineStore, sineRunStorage, type SavedRun, type SineState, type WorkerLike } from "./sineStore";
import type { SavedRecord } from "./persist";

const SineStoreContext = createContext<StoreApi<SineState> | null>(null);

/** The real training worker: a module Worker running src/worker/worker.ts. */
export function createBrowserWorker(): WorkerLike {
  if (typeof Worker === "undefined") throw new Error("this browser has no Web Workers, which training needs");
  const worker = new Worker(new URL("../worker/worker.ts", import.meta.url), { type: "module", name: "rnn-notebook trainer" });
  // A thin adapter rather than a cast: the DOM types the worker's events more narrowly than WorkerLike does.
  const like: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(command, transfer) {
      worker.postMessage(command, transfer);
    },
    terminate() {
      worker.terminate();
    },
  };
  worker.onmessage = (event: MessageEvent<Report>) => {
    like.onmessage?.(event);
  };
  worker.onerror = (event) => {
    like.onerror?.(event);
  };
  return like;
}

export interface SineStoreProviderProps {
  /** The settings the widget starts from (already validated: defaults, props or the URL). */
  settings: SineSettings;
  /** URL parameters that were ignored, shown to the learner. */
  urlWarnings?: readonly MsgLike[];
  /** Tests pass an in-process worker; the browser gets the real one. */
  createWorker?: () => WorkerLike;
  /** Settings the course locked (lock=… in the link): the store keeps these values. */
  locked?: Partial<SineSettings>;
  /** Where the run is kept across reloads: IndexedDB by default; tests pass their own, or null for none. */
  storage?: SavedRecord<SavedRun> | null;
  children: ReactNode;
}

/**
 * One store per widget instance, made once: a page can show several playgrounds, each with its own worker and
 * settings. The worker starts after mount and is terminated on unmount (StrictMode's second mount starts a new one).
 */
export function SineStoreProvider({ settings, urlWarnings, createWorker = createBrowserWorker, locked, storage, children }: SineStoreProviderProps) {
  const [store] = useState(() =>
    createSineStore({ settings, urlWarnings, createWorker, locked, storage: storage === undefined ? sineRunStorage() : storage }),
  );
  useEffect(() => {
    store.getState().start();
    return () => {
      store.getState().dispose();
    };
  }, [store]);
  return <SineStoreContext.Provider value={store}>{children}</SineStoreContext.Provider>;
}

/** The widget's store itself, for actions and subscriptions outside rendering. */
export function useSineStore(): StoreApi<SineState> {
  const store = useContext(SineStoreContext);
  if (!store) throw new Error("useSine needs a <SineStoreProvider> around the widget");
  return store;
}

/** A slice of the widget's state; the component re-renders only when that slice changes. */
export function useSine<T>(selector: (state: SineState) => T): T {
  return useStore(useSineStore(), selector);
}
