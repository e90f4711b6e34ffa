// src/widgets/gradients/GradStoreProvider.tsx: gives each gradient visualizer its own store (and worker) through context.
import type { MsgLike } from "../../i18n";
import { createGradStore, gradRunStorage, type GradSavedRun, type GradWorkerLike } from "../../store/gradStore";
import type { SavedRecord } from "../../store/persist";
import type { GradSettings, PresetName } from "../../store/gradSettings";
import type { GradCommand, GradReport } from "../../worker/gradients/protocol";
import { browserWorker } from "../kit/browserWorker";
import { createWidgetContext } from "../kit/widgetContext";

/** The real training worker: a module Worker running src/worker/gradients/worker.ts. */
export function createGradWorker(): GradWorkerLike {
  return browserWorker<GradCommand, GradReport>(() => new Worker(new URL("../../worker/gradients/worker.ts", import.meta.url), { type: "module", name: "rnn-notebook gradient visualizer" }));
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
}

const gradients = createWidgetContext("The gradient visualizer", (p: GradStoreProviderProps) =>
  createGradStore({
    settings: p.settings,
    urlWarnings: p.urlWarnings,
    preset: p.preset,
    createWorker: p.createWorker ?? createGradWorker,
    locked: p.locked,
    storage: p.storage === undefined ? gradRunStorage() : p.storage,
  }),
);

/** One store per widget, made once; the worker starts after mount and is terminated on unmount. */
export const GradStoreProvider = gradients.Provider;
export const useGradStore = gradients.useStoreApi;
export const useGrad = gradients.useSlice;
