// src/widgets/sine/SinePlayground.tsx: the sine-wave prediction playground: controls, run bar and charts over one store.
import { useEffect, type KeyboardEvent } from "react";
import { useT, type MsgLike } from "../../i18n";
import { SINE } from "../../i18n/sine";
import type { SineSettings } from "../../store/sineSettings";
import type { SavedRun, WorkerLike } from "../../store/sineStore";
import type { SavedRecord } from "../../store/persist";
import type { FetchText } from "../../data/catalog";
import { SineStoreProvider, useSineStore } from "./SineStoreProvider";
import { DivergencePanel } from "./DivergencePanel";
import { Messages } from "./Messages";
import { NotLearningPanel } from "./NotLearningPanel";
import { PytorchExport } from "./PytorchExport";
import { RunBar } from "./RunBar";
import { SavedRunNote } from "./SavedRunNote";
import { SettingsPanel } from "./SettingsPanel";
import { SineCharts } from "./SineCharts";
import "./sine.css";

/** What end-to-end tests may call on the page (only when its URL asks for them with testHooks=1). */
export interface SineTestHooks {
  /** Crashes the training worker, as a bug would, to exercise the restart. */
  simulateCrash(): void;
}

declare global {
  interface Window {
    __rnnNotebookTestHooks?: SineTestHooks;
  }
}

export interface SinePlaygroundProps {
  /** Starting settings, already validated (defaults, or read from the URL). */
  settings: SineSettings;
  /** Settings from the URL that were ignored, and why. */
  urlWarnings?: readonly MsgLike[];
  /** Tests pass an in-process worker; by default the real Web Worker. */
  createWorker?: () => WorkerLike;
  /** Called after every accepted change of settings (the page writes them to the URL). */
  onSettingsChange?: (settings: SineSettings) => void;
  /** Puts window.__rnnNotebookTestHooks in place for the browser tests. */
  exposeTestHooks?: boolean;
  /** Settings the course locked (lock=… in the link): shown, but no control, key or remedy changes them. */
  locked?: Partial<SineSettings>;
  /** Where the run is kept across reloads: IndexedDB by default; tests pass their own, or null for none. */
  storage?: SavedRecord<SavedRun> | null;
  /** Fetches a built-in series' file (tests read the disk); fetch() by default. */
  fetchText?: FetchText;
}

export function SinePlayground({ settings, urlWarnings, createWorker, onSettingsChange, exposeTestHooks = false, locked, storage, fetchText }: SinePlaygroundProps) {
  return (
    <SineStoreProvider settings={settings} urlWarnings={urlWarnings} createWorker={createWorker} locked={locked} storage={storage} fetchText={fetchText}>
      <SineWidget onSettingsChange={onSettingsChange} exposeTestHooks={exposeTestHooks} />
    </SineStoreProvider>
  );
}

/** Keys typed into these are text, not shortcuts. */
function isTextEntry(el: Element): boolean {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !["checkbox", "radio", "button", "submit", "reset", "file", "range", "color"].includes(el.type);
  return el instanceof HTMLElement && el.isContentEditable;
}

/** Space already means "press" on these. */
function isPressable(el: Element): boolean {
  return el instanceof HTMLButtonElement || el instanceof HTMLAnchorElement || el.tagName === "SUMMARY" || el instanceof HTMLInputElement;
}

function SineWidget({ onSettingsChange, exposeTestHooks }: { onSettingsChange: ((s: SineSettings) => void) | undefined; exposeTestHooks: boolean }) {
  const store = useSineStore();
  const t = useT(SINE);

  useEffect(() => {
    if (!onSettingsChange) return;
    return store.subscribe((state, prev) => {
      if (state.settings !== prev.settings) onSettingsChange(state.settings);
    });
  }, [store, onSettingsChange]);

  useEffect(() => {
    if (!exposeTestHooks) return;
    window.__rnnNotebookTestHooks = {
      simulateCrash: () => {
        store.getState().simulateCrash();
      },
    };
    return () => {
      delete window.__rnnNotebookTestHooks;
    };
  }, [store, exposeTestHooks]);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    // A chart that used the key (→ moves its hover) has called preventDefault; modifiers belong to the browser.
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (!(e.target instanceof Element) || isTextEntry(e.target)) return;
    if (e.key === " " && !isPressable(e.target)) {
      e.preventDefault(); // Space would scroll the page
      store.getState().toggleTraining();
    } else if (e.key === "ArrowRight") {
      e.preventDefault();
      store.getState().step();
    }
  };

  return (
    // tabIndex -1: a click anywhere in the widget puts the focus in it, so the shortcuts work without tabbing.
    <section className="sine-widget" aria-label={t("widgetName")} tabIndex={-1} onKeyDown={onKeyDown}>
      <div className="sine-top">
        <RunBar />
        <DivergencePanel />
        <NotLearningPanel />
        <Messages />
        <SavedRunNote />
      </div>
      <div className="sine-layout">
        <div className="sine-side">
          <SettingsPanel />
          <PytorchExport />
        </div>
        <SineCharts />
      </div>
    </section>
  );
}
