// src/widgets/sine/RunBar.tsx: Train/Pause, Step, Reset, and the status line (step, loss, speed).
import { useSine, useSineStore } from "../../store/WidgetStoreProvider";
import { statusText } from "./text";

export function RunBar() {
  const store = useSineStore();
  const status = useSine((s) => s.status);
  const text = useSine((s) => statusText(s.status, s.snapshot));
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
          {isTraining ? "Pause" : "Train"}
        </button>
        <button
          type="button"
          aria-keyshortcuts="ArrowRight"
          disabled={status !== "idle"}
          onClick={() => {
            store.getState().step();
          }}
        >
          Step
        </button>
        <button
          type="button"
          disabled={!hasWorker}
          onClick={() => {
            store.getState().reset();
          }}
        >
          Reset
        </button>
      </div>
      {/* Polite, but silent while training: 30 updates a second would drown a screen reader; the figures are
          read out once training pauses or stops. */}
      <p className="sine-status" role="status" aria-live={isTraining ? "off" : "polite"} aria-atomic="true">
        {text}
      </p>
      <p className="sine-keys">
        Keys: <kbd>Space</kbd> trains or pauses, <kbd>→</kbd> takes one step, while the focus is in the playground and
        not in a text box.
      </p>
    </div>
  );
}
