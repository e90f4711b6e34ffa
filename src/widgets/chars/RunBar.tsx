// src/widgets/chars/RunBar.tsx: Train/Pause, Step, Reset, and the status line (step, loss, speed).
import { useT } from "../../i18n";
import { CHARS } from "../../i18n/chars";
import { CONTROLS } from "../../i18n/controls";
import { useChar, useCharStore } from "./CharStoreProvider";
import { statusText } from "./text";

export function RunBar() {
  const store = useCharStore();
  const t = useT(CHARS);
  const tc = useT(CONTROLS);
  const status = useChar((s) => s.status);
  const isSampleOnly = useChar((s) => s.isSampleOnly);
  const text = useChar((s) => statusText(t, s.status, s.snapshot, s.isSampleOnly));
  const isTraining = status === "training";
  const canTrain = !isSampleOnly && (status === "idle" || status === "training");
  const canReset = status === "idle" || status === "training" || status === "diverged" || status === "failed";
  return (
    <div className="chars-runbar">
      <div className="chars-row">
        <button
          type="button"
          className="chars-primary"
          disabled={!canTrain}
          onClick={() => {
            store.getState().toggleTraining();
          }}
        >
          {isTraining ? tc("pause") : tc("train")}
        </button>
        <button
          type="button"
          disabled={isSampleOnly || status !== "idle"}
          onClick={() => {
            store.getState().step();
          }}
        >
          {tc("step")}
        </button>
        <button
          type="button"
          disabled={!canReset}
          onClick={() => {
            store.getState().reset();
          }}
        >
          {tc("reset")}
        </button>
      </div>
      {/* Silent while training: 20 updates a second would drown a screen reader; read out once training pauses. */}
      <p className="chars-status" role="status" aria-live={isTraining ? "off" : "polite"} aria-atomic="true">
        {text}
      </p>
    </div>
  );
}
