// src/widgets/gradients/GradStoreProvider.tsx: gives each gradient visualizer its own store (and worker) through context.
import type { MsgLike } from "../../i18n";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { useStore, type StoreApi } from "zustand";
import { createGradStore, gradRunStorage, type GradSavedRun, type GradState, type GradWorkerLike } from "../../store/gradStore";
import type { SavedRecord } from "../../store/persist";
import type { GradSettings, PresetName } from "../../store/gradSettings";
import type { GradReport } from "../../worker/protocol";

const GradStoreContext = createContext<StoreApi<GradState> | null>(null);

/** The real training worker: a module Worker running src/worker/gradWorker.ts. */
export function createGradWorker(): GradWorkerLike {
  if (typeof Worker === "undefined") throw new Error("this browser has no Web Workers, which training needs");
  const worker = new Worker(new URL("../../worker/gradWorker.ts", import.meta.url), { type: "module", name: "rnn-notebook gradient visualizer" });
  // A thin adapter rather than a cast: the DOM types the worker's events more narrowly than GradWorkerLike does.
  const like: GradWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(command, transfer) {
      worker.postMessage(command, transfer);
    },
    terminate() {
      worker.terminate();
    },
  };
  worker.onmessage = (event: MessageEvent<GradReport>) => {
    like.onmessage?.(event);
  };
  worker.onerror = (event) => {
    like.onerror?.(event);
  };
  return like;
}

export interface GradStoreProviderProps {
  /** The settings the widget starts from (already validated: defaults, a preset or the URL). */
  settings: GradSettings;
  urlWarnings?: readonly MsgLike[];
  preset?: PresetName | null;
  /** Tests pass an in-process worker; the browser gets the real one. */
  createWorker?: () => GradWorkerLike;
  /** Settings the course locked (lock=… in the link): the store keeps these values. */
  locked?: Partial<GradSettings>;
  /** Where the run is kept across reloads: IndexedDB by default; tests pass their own, or null for none. */
  storage?: SavedRecord<GradSavedRun> | null;
  children: ReactNode;
}

/** One store per widget, made once; the worker starts after mount and is terminated on unmount. */
export function GradStoreProvider({ settings, urlWarnings, preset, createWorker = createGradWorker, locked, storage, children }: GradStoreProviderProps) {
  const [store] = useState(() =>
    createGradStore({ settings, urlWarnings, preset, createWorker, locked, storage: storage === undefined ? gradRunStorage() : storage }),
  );
  useEffect(() => {
    store.getState().start();
    return () => {
      store.getState().dispose();
    };
  }, [store]);
  return <GradStoreContext.Provider value={store}>{children}</GradStoreContext.Provider>;
}

/** The widget's store itself, for actions and subscriptions outside rendering. */
export function useGradStore(): StoreApi<GradState> {
  const store = useContext(GradStoreContext);
  if (!store) throw new Error("useGrad needs a <GradStoreProvider> around the widget");
  return store;
}

/** A slice of the widget's state; the component re-renders only when that slice changes. */
export function useGrad<T>(selector: (state: GradState) => T): T {
  return useStore(useGradStore(), selector);
}
