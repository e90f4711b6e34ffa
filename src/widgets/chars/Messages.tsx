// src/widgets/chars/Messages.tsx: what the learner must know: ignored link settings, worker errors, divergence, notices.
import { inLang, useT } from "../../i18n";
import { CHARS } from "../../i18n/chars";
import { CONTROLS } from "../../i18n/controls";
import { useChar, useCharStore } from "./CharStoreProvider";
import { useIsLocked } from "../../embed/EmbedContext";

export function Messages() {
  const store = useCharStore();
  const t = useT(CHARS);
  const tc = useT(CONTROLS);
  const urlWarnings = useChar((s) => s.urlWarnings);
  const error = useChar((s) => s.error);
  const notice = useChar((s) => s.notice);
  const divergence = useChar((s) => s.divergence);
  // A remedy that would change a setting the course locked is not offered (the store would refuse it).
  const canHalve = !useIsLocked("lr");
  const isClipLocked = useIsLocked("clip");
  const isClipNormLocked = useIsLocked("clipNorm");
  const canClip = !isClipLocked && !isClipNormLocked;
  return (
    <>
      {urlWarnings.length > 0 && (
        <div className="chars-message chars-warning">
          <p>{t("urlIgnored")}</p>
          <ul>
            {urlWarnings.map((w) => (
              <li key={inLang(w, "en")}>{inLang(w, t.lang)}</li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <p className="chars-message chars-error" role="alert">
          {inLang(error, t.lang)}
        </p>
      )}
      {divergence && (
        <div className="chars-message chars-error" role="alert">
          <p>
            {t("diverged", {
              step: divergence.step,
              cause: divergence.cause,
              goodStep: divergence.lastGoodStep,
              goodLoss: Number.isFinite(divergence.lastGoodLoss) ? divergence.lastGoodLoss.toFixed(2) : null,
              lr: String(divergence.learningRate),
              isClipping: divergence.clipMaxNorm !== null,
            })}
          </p>
          <div className="chars-row">
            {canHalve && (
              <button type="button" onClick={() => { store.getState().applyRemedy("halveLearningRate"); }}>
                {t("halveLr")}
              </button>
            )}
            {canClip && (
              <button type="button" onClick={() => { store.getState().applyRemedy("enableClipping"); }}>
                {t("clipAtOne")}
              </button>
            )}
          </div>
        </div>
      )}
      {notice && (
        <div className="chars-message chars-notice">
          <p>{inLang(notice, t.lang)}</p>
          <button type="button" onClick={() => { store.getState().dismissNotice(); }}>
            {tc("dismiss")}
          </button>
        </div>
      )}
    </>
  );
}
