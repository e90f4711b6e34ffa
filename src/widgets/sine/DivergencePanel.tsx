// src/widgets/sine/DivergencePanel.tsx: after a divergence: what happened, in words, and one-click remedies (the first,
// a learning rate known to work, is enough on its own). When the course locked the learning rate, the panel says what
// the learner can still do instead of pointing at controls that are not there.
import { useT } from "../../i18n";
import { optionLabel } from "../../i18n/controls";
import { SINE } from "../../i18n/sine";
import { safeLearningRate } from "../../store/kit/remedy";
import { useSine, useSineStore } from "./SineStoreProvider";
import { divergenceAdvice, divergenceText } from "./text";
import { useIsLocked } from "../../embed/EmbedContext";

export function DivergencePanel() {
  const store = useSineStore();
  const t = useT(SINE);
  const status = useSine((s) => s.status);
  const divergence = useSine((s) => s.divergence);
  const settings = useSine((s) => s.settings);
  // A remedy that would change a setting the course locked is not offered (the store would refuse it).
  const canChangeLr = !useIsLocked("lr");
  const isClipLocked = useIsLocked("clip");
  const isClipNormLocked = useIsLocked("clipNorm");
  const canClip = !isClipLocked && !isClipNormLocked;
  if (status !== "diverged" || !divergence) return null;
  const remedy = (r: "safeLearningRate" | "halveLearningRate" | "enableClipping") => () => {
    store.getState().applyRemedy(r);
  };
  const safe = safeLearningRate(settings.optimizer, settings.lr / 2);
  const clipButton = !canClip ? null : !settings.clip ? t("turnOnClipping") : settings.clipNorm > 1 ? t("clipAtOne") : null;
  const advice = canChangeLr
    ? divergenceAdvice(t, settings)
    : t("adviceLrLocked", {
        lr: String(settings.lr),
        optimizer: optionLabel(settings.optimizer, t.lang),
        clipping: settings.clip ? t("clippedAt", { norm: String(settings.clipNorm) }) : t("clippingOff"),
        options: clipButton ? t("adviceClipOption") : "",
      });
  return (
    <div role="alert" className="sine-alert sine-alert-danger">
      <p>
        <strong>{divergenceText(t, divergence)}</strong>
      </p>
      <p>{advice}</p>
      <div className="sine-row">
        {canChangeLr && (
          <button type="button" onClick={remedy("safeLearningRate")}>
            {t("safeLr", { lr: String(safe) })}
          </button>
        )}
        {canChangeLr && safe !== settings.lr / 2 && (
          <button type="button" onClick={remedy("halveLearningRate")}>
            {t("halveLr")}
          </button>
        )}
        {clipButton && (
          <button type="button" onClick={remedy("enableClipping")}>
            {clipButton}
          </button>
        )}
      </div>
    </div>
  );
}
