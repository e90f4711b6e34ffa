// src/widgets/translate/TranslateStoreProvider.tsx: gives each translation lab its own store (and worker) through context.
import type { MsgLike } from "../../i18n";
import { createTranslateStore, translateRunStorage, type TranslateSavedRun, type TranslateWorkerLike } from "../../store/translateStore";
import type { SavedRecord } from "../../store/persist";
import type { TranslateSettings } from "../../store/translateSettings";
import type { TranslateCommand, TranslateReport } from "../../worker/translate/protocol";
import { browserWorker } from "../kit/browserWorker";
import { createWidgetContext } from "../kit/widgetContext";

/** The real training worker: a module Worker running src/worker/translate/worker.ts. */
export function createTranslateWorker(): TranslateWorkerLike {
  return browserWorker<TranslateCommand, TranslateReport>(() => new Worker(new URL("../../worker/translate/worker.ts", import.meta.url), { type: "module", name: "rnn-notebook translation lab" }));
}

/** A data file under the site root (public/data), fetched relative to the page. */
export async function fetchDataFile(path: string): Promise<string> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${path}`);
  return response.text();
}

export interface TranslateStoreProviderProps {
  settings: TranslateSettings;
  urlWarnings?: readonly MsgLike[];
  createWorker?: () => TranslateWorkerLike;
  fetchText?: (path: string) => Promise<string>;
  locked?: Partial<TranslateSettings>;
  storage?: SavedRecord<TranslateSavedRun> | null;
}

const translate = createWidgetContext("The translation lab", (p: TranslateStoreProviderProps) =>
  createTranslateStore({
    settings: p.settings,
    urlWarnings: p.urlWarnings,
    createWorker: p.createWorker ?? createTranslateWorker,
    fetchText: p.fetchText ?? fetchDataFile,
    locked: p.locked,
    storage: p.storage === undefined ? translateRunStorage() : p.storage,
  }),
);

export const TranslateStoreProvider = translate.Provider;
export const useTranslateStore = translate.useStoreApi;
export const useTranslate = translate.useSlice;
