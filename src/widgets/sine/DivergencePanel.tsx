// src/widgets/sine/DivergencePanel.tsx: after a divergence: what happened, in words, and one-click remedies.
import { useT } from "../../i18n";
import { SINE } from "../../i18n/sine";
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
  const canHalve = !useIsLocked("lr");
  const isClipLocked = useIsLocked("clip");
  const isClipNormLocked = useIsLocked("clipNorm");
  const canClip = !isClipLocked && !isClipNormLocked;
  if (status !== "diverged" || !divergence) return null;
  const remedy = (r: "halveLearningRate" | "enableClipping") => () => {
    store.getState().applyRemedy(r);
  };
  return (
    <div role="alert" className="sine-alert sine-alert-danger">
      <p>
        <strong>{divergenceText(t, divergence)}</strong>
      </p>
      <p>{divergenceAdvice(t, settings)}</p>
      <div className="sine-row">
        {canHalve && (
          <button type="button" onClick={remedy("halveLearningRate")}>
            {t("halveLr")}
          </button>
        )}
        {!canClip ? null : !settings.clip ? (
          <button type="button" onClick={remedy("enableClipping")}>
            {t("turnOnClipping")}
          </button>
        ) : settings.clipNorm > 1 ? (
          <button type="button" onClick={remedy("enableClipping")}>
            {t("clipAtOne")}
          </button>
        ) : null}
      </div>
    </div>
  );
}
