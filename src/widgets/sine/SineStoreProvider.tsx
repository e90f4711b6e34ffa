// src/widgets/sine/SineStoreProvider.tsx: gives each sine playground its own store (and worker) through React context.
import type { MsgLike } from "../../i18n";
import type { Command, Report } from "../../worker/sine/protocol";
import type { SineSettings } from "../../store/sineSettings";
import type { SavedRecord } from "../../store/persist";
import { createSineStore, sineRunStorage, type SavedRun, type WorkerLike } from "../../store/sineStore";
import type { FetchText } from "../../data/catalog";
import { browserWorker } from "../kit/browserWorker";
import { createWidgetContext } from "../kit/widgetContext";

/** The real training worker: a module Worker running src/worker/sine/worker.ts. */
export function createBrowserWorker(): WorkerLike {
  return browserWorker<Command, Report>(() => new Worker(new URL("../../worker/sine/worker.ts", import.meta.url), { type: "module", name: "rnn-notebook trainer" }));
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
  /** Fetches a built-in series' file (tests read the disk); fetch() by default. */
  fetchText?: FetchText;
}

const sine = createWidgetContext("The sine playground", (p: SineStoreProviderProps) =>
  createSineStore({
    settings: p.settings,
    urlWarnings: p.urlWarnings,
    createWorker: p.createWorker ?? createBrowserWorker,
    locked: p.locked,
    storage: p.storage === undefined ? sineRunStorage() : p.storage,
    fetchText: p.fetchText,
  }),
);

/** One store per widget instance, made once; the worker starts after mount and is terminated on unmount. */
export const SineStoreProvider = sine.Provider;
export const useSineStore = sine.useStoreApi;
export const useSine = sine.useSlice;
