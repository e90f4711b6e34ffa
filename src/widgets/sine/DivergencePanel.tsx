// src/widgets/sine/DivergencePanel.tsx: after a divergence: what happened, in words, and one-click remedies.
import { useSine, useSineStore } from "../../store/WidgetStoreProvider";
import { divergenceAdvice, divergenceText } from "./text";

export function DivergencePanel() {
  const store = useSineStore();
  const status = useSine((s) => s.status);
  const divergence = useSine((s) => s.divergence);
  const settings = useSine((s) => s.settings);
  if (status !== "diverged" || !divergence) return null;
  const remedy = (r: "halveLearningRate" | "enableClipping") => () => {
    store.getState().applyRemedy(r);
  };
  return (
    <div role="alert" className="sine-alert sine-alert-danger">
      <p>
        <strong>{divergenceText(divergence)}</strong>
      </p>
      <p>{divergenceAdvice(settings)}</p>
      <div className="sine-row">
        <button type="button" onClick={remedy("halveLearningRate")}>
          Halve the learning rate and continue
        </button>
        {!settings.clip ? (
          <button type="button" onClick={remedy("enableClipping")}>
            Turn on clipping and continue
          </button>
        ) : settings.clipNorm > 1 ? (
          <button type="button" onClick={remedy("enableClipping")}>
            Clip at norm 1 and continue
          </button>
        ) : null}
      </div>
    </div>
  );
}
