// src/widgets/chars/Messages.tsx: what the learner must know: ignored link settings, worker errors, divergence, notices.
import { useChar, useCharStore } from "./CharStoreProvider";

export function Messages() {
  const store = useCharStore();
  const urlWarnings = useChar((s) => s.urlWarnings);
  const error = useChar((s) => s.error);
  const notice = useChar((s) => s.notice);
  const divergence = useChar((s) => s.divergence);
  return (
    <>
      {urlWarnings.length > 0 && (
        <div className="chars-message chars-warning">
          <p>Some settings in the link were ignored:</p>
          <ul>
            {urlWarnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <p className="chars-message chars-error" role="alert">
          {error}
        </p>
      )}
      {divergence && (
        <div className="chars-message chars-error" role="alert">
          <p>
            Training stopped at step {divergence.step}: the loss became {divergence.cause === "blowUp" ? "huge" : divergence.cause === "nan" ? "NaN" : "infinite"}.
            The weights from step {divergence.lastGoodStep}
            {Number.isFinite(divergence.lastGoodLoss) ? ` (loss ${divergence.lastGoodLoss.toFixed(2)} bits/char)` : ""} are kept. Lower the
            learning rate (now {divergence.learningRate}) or {divergence.clipMaxNorm === null ? "turn on gradient clipping" : "clip harder"}.
          </p>
          <div className="chars-row">
            <button type="button" onClick={() => { store.getState().applyRemedy("halveLearningRate"); }}>
              Halve the learning rate and go on
            </button>
            <button type="button" onClick={() => { store.getState().applyRemedy("enableClipping"); }}>
              Clip at norm 1 and go on
            </button>
          </div>
        </div>
      )}
      {notice && (
        <div className="chars-message chars-notice">
          <p>{notice}</p>
          <button type="button" onClick={() => { store.getState().dismissNotice(); }}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
