// src/widgets/chars/CharStoreProvider.tsx: gives each character lab its own store (and worker) through React context.
import { createCharStore, indexedDbStorage, type CharWorkerLike, type LabStorage } from "../../store/charStore";
import type { CharSettings } from "../../store/charSettings";
import type { MsgLike } from "../../i18n";
import type { CharCommand, CharReport } from "../../worker/chars/protocol";
import { browserWorker } from "../kit/browserWorker";
import { createWidgetContext } from "../kit/widgetContext";

/** The real training worker: a module Worker running src/worker/chars/worker.ts. */
export function createCharWorker(): CharWorkerLike {
  return browserWorker<CharCommand, CharReport>(() => new Worker(new URL("../../worker/chars/worker.ts", import.meta.url), { type: "module", name: "rnn-notebook character lab" }));
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
}

const chars = createWidgetContext("The character lab", (p: CharStoreProviderProps) =>
  createCharStore({
    settings: p.settings,
    urlWarnings: p.urlWarnings,
    hasUrlSettings: p.hasUrlSettings,
    createWorker: p.createWorker ?? createCharWorker,
    fetchText: p.fetchText ?? fetchCorpus,
    storage: p.storage === undefined ? indexedDbStorage() : p.storage,
    download: p.download ?? downloadText,
    locked: p.locked,
  }),
);

/** One store per lab, made once; the worker starts after mount and is terminated on unmount. */
export const CharStoreProvider = chars.Provider;
export const useCharStore = chars.useStoreApi;
export const useChar = chars.useSlice;
