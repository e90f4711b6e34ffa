// src/widgets/chars/CharStoreProvider.tsx: gives each character lab its own store (and worker) through React context.
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { useStore, type StoreApi } from "zustand";
import { createCharStore, indexedDbStorage, type CharState, type CharWorkerLike, type LabStorage } from "../../store/charStore";
import type { CharSettings } from "../../store/charSettings";
import type { MsgLike } from "../../i18n";
import type { CharReport } from "../../worker/protocol";

const CharStoreContext = createContext<StoreApi<CharState> | null>(null);

/** The real training worker: a module Worker running src/worker/charWorker.ts. */
export function createCharWorker(): CharWorkerLike {
  if (typeof Worker === "undefined") throw new Error("this browser has no Web Workers, which training needs");
  const worker = new Worker(new URL("../../worker/charWorker.ts", import.meta.url), { type: "module", name: "rnn-notebook character lab" });
  const like: CharWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(command, transfer) {
      worker.postMessage(command, transfer);
    },
    terminate() {
      worker.terminate();
    },
  };
  worker.onmessage = (event: MessageEvent<CharReport>) => {
    like.onmessage?.(event);
  };
  worker.onerror = (event) => {
    like.onerror?.(event);
  };
  return like;
}

/** Fetches a built-in text from the site (relative to the page, so any static host path works). */
export async function fetchCorpus(path: string): Promise<string> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${path}`);
  return response.text();
}

/** Hands a text file to the learner as a download. */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  // The click has started the download; the URL can go once the current task is done.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  });
}

export interface CharStoreProviderProps {
  settings: CharSettings;
  urlWarnings?: readonly MsgLike[];
  hasUrlSettings?: boolean;
  /** Tests pass an in-process worker, a fake fetch and storage; the browser gets the real ones. */
  createWorker?: () => CharWorkerLike;
  fetchText?: (path: string) => Promise<string>;
  storage?: LabStorage | null;
  download?: (fileName: string, text: string) => void;
  /** Settings the course locked (lock=… in the link): the store keeps these values. */
  locked?: Partial<CharSettings>;
  children: ReactNode;
}

/** One store per lab, made once; the worker starts after mount and is terminated on unmount. */
export function CharStoreProvider({
  settings, urlWarnings, hasUrlSettings, createWorker = createCharWorker, fetchText = fetchCorpus, storage, download = downloadText, locked, children,
}: CharStoreProviderProps) {
  const [store] = useState(() =>
    createCharStore({ settings, urlWarnings, hasUrlSettings, createWorker, fetchText, storage: storage === undefined ? indexedDbStorage() : storage, download, locked }),
  );
  useEffect(() => {
    void store.getState().start();
    return () => {
      store.getState().dispose();
    };
  }, [store]);
  return <CharStoreContext.Provider value={store}>{children}</CharStoreContext.Provider>;
}

export function useCharStore(): StoreApi<CharState> {
  const store = useContext(CharStoreContext);
  if (!store) throw new Error("useChar needs a <CharStoreProvider> around the lab");
  return store;
}

/** A slice of the lab's state; the component re-renders only when that slice changes. */
export function useChar<T>(selector: (state: CharState) => T): T {
  return useStore(useCharStore(), selector);
}
