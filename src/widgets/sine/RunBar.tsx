// src/widgets/sine/RunBar.tsx: Train/Pause, Step, Reset, and the status line (step, loss, speed).
import { useT } from "../../i18n";
import { CONTROLS } from "../../i18n/controls";
import { SINE } from "../../i18n/sine";
import { useSine, useSineStore } from "./SineStoreProvider";
import { statusText } from "./text";

export function RunBar() {
  const store = useSineStore();
  const t = useT(SINE);
  const tc = useT(CONTROLS);
  const status = useSine((s) => s.status);
  const text = useSine((s) => statusText(t, s.status, s.snapshot));
  const isTraining = status === "training";
  const canTrain = status === "idle" || status === "training" || status === "diverged";
  const hasWorker = status !== "starting" && status !== "restarting" && status !== "failed";
  return (
    <div className="sine-runbar">
      <div className="sine-row">
        <button
          type="button"
          className="sine-primary"
          aria-keyshortcuts="Space"
          disabled={!canTrain}
          onClick={() => {
            store.getState().toggleTraining();
          }}
        >
          {isTraining ? tc("pause") : tc("train")}
        </button>
        <button
          type="button"
          aria-keyshortcuts="ArrowRight"
          disabled={status !== "idle"}
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
      {/* Polite, but silent while training: 30 updates a second would drown a screen reader; the figures are
          read out once training pauses or stops. */}
      <p className="sine-status" role="status" aria-live={isTraining ? "off" : "polite"} aria-atomic="true">
        {text}
      </p>
      <p className="sine-keys">
        {t("keysLead")} <kbd>Space</kbd> {t("keysSpace")} <kbd>→</kbd> {t("keysArrow")}
      </p>
    </div>
  );
}
