// src/widgets/classify/ClassifyStoreProvider.tsx: gives each classification lab its own store (and worker) through context.
import type { MsgLike } from "../../i18n";
import { createClassifyStore, type ClassifyWorkerLike } from "../../store/classifyStore";
import type { ClassifySettings } from "../../store/classifySettings";
import type { ClassifyCommand, ClassifyReport } from "../../worker/classify/protocol";
import { browserWorker } from "../kit/browserWorker";
import { createWidgetContext } from "../kit/widgetContext";

/** The real training worker: a module Worker running src/worker/classify/worker.ts. */
export function createClassifyWorker(): ClassifyWorkerLike {
  return browserWorker<ClassifyCommand, ClassifyReport>(() => new Worker(new URL("../../worker/classify/worker.ts", import.meta.url), { type: "module", name: "rnn-notebook classification lab" }));
}

export interface ClassifyStoreProviderProps {
  settings: ClassifySettings;
  urlWarnings?: readonly MsgLike[];
  /** Tests pass an in-process worker; the browser gets the real one. */
  createWorker?: () => ClassifyWorkerLike;
  /** Tests read the data files from disk; the browser fetches them. */
  loadFile?: (path: string) => Promise<string>;
  locked?: Partial<ClassifySettings>;
}

const classify = createWidgetContext("The classification lab", (p: ClassifyStoreProviderProps) =>
  createClassifyStore({
    settings: p.settings,
    urlWarnings: p.urlWarnings,
    createWorker: p.createWorker ?? createClassifyWorker,
    loadFile: p.loadFile,
    locked: p.locked,
  }),
);

export const ClassifyStoreProvider = classify.Provider;
export const useClassifyStore = classify.useStoreApi;
export const useClassify = classify.useSlice;

const NO_CLASSES: readonly string[] = [];

/** The class names of the data in use (a stable empty list before any). */
export function useClasses(): readonly string[] {
  return classify.useSlice((s) => s.loaded?.data.classes ?? NO_CLASSES);
}
