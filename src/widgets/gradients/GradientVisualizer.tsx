// src/widgets/gradients/GradientVisualizer.tsx: tanh-RNN, LSTM and GRU side by side: run bar, presets, cells, maths.
import { useEffect, useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import { inLang, useT, type MsgLike } from "../../i18n";
import { CONTROLS } from "../../i18n/controls";
import { GRADS } from "../../i18n/gradients";
import type { GradSavedRun, GradWorkerLike } from "../../store/gradStore";
import type { SavedRecord } from "../../store/persist";
import { GRAD_DEFAULTS, PRESETS, presetSettings, type GradSettings, type PresetName } from "../../store/gradSettings";
import { CellPanel } from "./CellPanel";
import { ExplanationPanel } from "./ExplanationPanel";
import { GradStoreProvider, useGrad, useGradStore } from "./GradStoreProvider";
import { SettingsPanel } from "./SettingsPanel";
import { PytorchExport } from "./PytorchExport";
import { cellSummary, statusText } from "./text";
import "./gradients.css";
import { Panel, useEmbed } from "../../embed/EmbedContext";

export interface GradientVisualizerProps {
  /** Starting settings, already validated (defaults, a preset, or read from the URL). */
  settings: GradSettings;
  urlWarnings?: readonly MsgLike[];
  preset?: PresetName | null;
  /** Tests pass an in-process worker; by default the real Web Worker. */
  createWorker?: () => GradWorkerLike;
  /** Called after every accepted change of settings (the page writes them to the URL). */
  onSettingsChange?: (settings: GradSettings) => void;
  /** Settings the course locked (lock=… in the link): shown, but no control, preset or remedy changes them. */
  locked?: Partial<GradSettings>;
  /** Where the run is kept across reloads: IndexedDB by default; tests pass their own, or null for none. */
  storage?: SavedRecord<GradSavedRun> | null;
}

export function GradientVisualizer({ settings, urlWarnings, preset, createWorker, onSettingsChange, locked, storage }: GradientVisualizerProps) {
  return (
    <GradStoreProvider settings={settings} urlWarnings={urlWarnings} preset={preset} createWorker={createWorker} locked={locked} storage={storage}>
      <GradWidget onSettingsChange={onSettingsChange} />
    </GradStoreProvider>
  );
}

function GradWidget({ onSettingsChange }: { onSettingsChange: ((s: GradSettings) => void) | undefined }) {
  const store = useGradStore();
  const t = useT(GRADS);
  useEffect(() => {
    if (!onSettingsChange) return;
    return store.subscribe((state, prev) => {
      if (state.settings !== prev.settings) onSettingsChange(state.settings);
    });
  }, [store, onSettingsChange]);

  return (
    <section className="grad-widget" aria-label={t("widgetName")}>
      <div className="grad-top">
        <RunBar />
        <PresetBar />
        <Messages />
        <SavedRunNote />
      </div>
      <div className="grad-layout">
        <div className="grad-side">
          <SettingsPanel />
          <PytorchExport />
        </div>
        <div className="grad-main">
          <Panel id="summary">
            <Summary />
          </Panel>
          <Cells />
          <Panel id="explanation">
            <ExplanationPanel />
          </Panel>
        </div>
      </div>
    </section>
  );
}

/** Whether the run is kept in this browser across reloads, and the button to forget it (hidden where nothing is kept). */
function SavedRunNote() {
  const store = useGradStore();
  const t = useT(GRADS);
  const canPersist = useGrad((s) => s.canPersist);
  const saved = useGrad((s) => s.saved);
  if (!canPersist) return null;
  return (
    <div className="grad-saved">
      <p>{saved === null ? t("savedWillSave") : saved.isRestored ? t("savedRestored", { step: saved.step }) : t("savedAt", { step: saved.step })}</p>
      <button
        type="button"
        onClick={() => {
          void store.getState().forgetSaved();
        }}
      >
        {t("savedForget")}
      </button>
    </div>
  );
}

function RunBar() {
  const store = useGradStore();
  const t = useT(GRADS);
  const tc = useT(CONTROLS);
  const status = useGrad((s) => s.status);
  const text = useGrad((s) => statusText(t, s.status, s.snapshot));
  const allStopped = useGrad((s) => s.snapshot !== null && s.snapshot.cells.every((c) => c.divergence !== null));
  const isTraining = status === "training";
  const hasWorker = status !== "starting" && status !== "restarting" && status !== "failed";
  return (
    <div className="grad-runbar">
      <div className="grad-row">
        <button
          type="button"
          className="grad-primary"
          disabled={!(status === "idle" || status === "training") || (allStopped && !isTraining)}
          onClick={() => {
            store.getState().toggleTraining();
          }}
        >
          {isTraining ? tc("pause") : tc("train")}
        </button>
        <button
          type="button"
          disabled={status !== "idle" || allStopped}
          onClick={() => {
            store.getState().step();
          }}
        >
          {tc("step")}
        </button>
        <button
          type="button"
          disabled={!hasWorker}
          onClick={() => {
            store.getState().reset();
          }}
        >
          {tc("reset")}
        </button>
      </div>
      {/* Silent while training (ten updates a second would drown a screen reader); read once training stops. */}
      <p className="grad-status" role="status" aria-live={isTraining ? "off" : "polite"} aria-atomic="true">
        {text}
      </p>
    </div>
  );
}

function PresetBar() {
  const store = useGradStore();
  const t = useT(GRADS);
  const preset = useGrad((s) => s.preset);
  const chosen = PRESETS.find((p) => p.name === preset);
  const { locks } = useEmbed();
  const seed = useGrad((s) => s.settings.seed);
  const isDefaults = useGrad((s) => (Object.keys(GRAD_DEFAULTS) as (keyof GradSettings)[]).every((k) => k === "seed" || s.settings[k] === GRAD_DEFAULTS[k]));
  // A preset that would change a setting the course locked cannot run (the store refuses it): shown disabled.
  const clashes = (name: PresetName) => {
    const next = presetSettings(name, seed);
    return Object.entries(locks).some(([key, value]) => next[key as keyof GradSettings] !== value);
  };
  return (
    <div className="grad-presets" role="group" aria-labelledby="grad-presets-label">
      <span id="grad-presets-label" className="grad-presets-label">
        {t("presets")}
      </span>
      {PRESETS.map((p) => (
        <button
          key={p.name}
          type="button"
          aria-pressed={p.name === preset}
          disabled={clashes(p.name)}
          onClick={() => {
            store.getState().applyPreset(p.name);
          }}
        >
          {t(`preset_${p.name}`)}
        </button>
      ))}
      {chosen && <p className="grad-note grad-preset-expect">{t(`presetExpect_${chosen.name}`)}</p>}
      {!chosen && isDefaults && <p className="grad-note grad-preset-expect">{t("defaultsExpect")}</p>}
    </div>
  );
}

function Messages() {
  const store = useGradStore();
  const t = useT(GRADS);
  const tc = useT(CONTROLS);
  const urlWarnings = useGrad((s) => s.urlWarnings);
  const notice = useGrad((s) => s.notice);
  const error = useGrad((s) => s.error);
  return (
    <>
      {urlWarnings.length > 0 && (
        <div role="alert" className="grad-alert grad-alert-warning">
          <p>{t("urlIgnored")}</p>
          <ul>
            {urlWarnings.map((w) => (
              <li key={inLang(w, "en")}>{inLang(w, t.lang)}</li>
            ))}
          </ul>
        </div>
      )}
      {notice && (
        <div role="alert" className="grad-alert grad-alert-info">
          <p>{inLang(notice, t.lang)}</p>
          <button
            type="button"
            onClick={() => {
              store.getState().dismissNotice();
            }}
          >
            {tc("dismiss")}
          </button>
        </div>
      )}
      {error && (
        <div role="alert" className="grad-alert grad-alert-danger">
          <p>{inLang(error, t.lang)}</p>
        </div>
      )}
    </>
  );
}

/** The ratio ‖∂L/∂h_0‖ / ‖∂L/∂h_{T−1}‖ per cell, in words: the page's headline numbers. */
function Summary() {
  const t = useT(GRADS);
  const lines = useGrad(useShallow((s) => (s.snapshot ? s.snapshot.cells.map((c) => cellSummary(t, c, s.snapshot!.T)) : [])));
  const step = useGrad((s) => s.snapshot?.step ?? 0);
  if (lines.length === 0) return null;
  return (
    <section className="grad-summary" aria-labelledby="grad-summary-heading">
      <h2 id="grad-summary-heading">{t("summaryHeading", { step })}</h2>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}

function Cells() {
  const t = useT(GRADS);
  const count = useGrad((s) => s.snapshot?.cells.length ?? 0);
  // One colour scale for the three heatmaps, so "darker" means the same in each.
  const domainKey = useGrad((s) => {
    if (!s.snapshot) return "";
    let lo = Infinity;
    let hi = -Infinity;
    for (const c of s.snapshot.cells) {
      const v = c.rows.log10;
      for (let i = 0; i < v.length; i++) {
        if (!Number.isFinite(v[i])) continue;
        if (v[i] < lo) lo = v[i];
        if (v[i] > hi) hi = v[i];
      }
    }
    return lo <= hi ? `${lo}:${hi}` : "";
  });
  const domain = useMemo<[number, number] | undefined>(() => {
    if (!domainKey) return undefined;
    const [lo, hi] = domainKey.split(":").map(Number);
    return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
  }, [domainKey]);
  if (count === 0) return <p className="grad-note">{t("preparing")}</p>;
  return (
    <div className="grad-cells">
      {Array.from({ length: count }, (_, i) => (
        <CellPanel key={i} index={i} heatmapDomain={domain} />
      ))}
    </div>
  );
}
