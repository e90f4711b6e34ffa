// src/widgets/sine/NotLearningPanel.tsx: a run that does not diverge but does not learn either (saturated units, a
// flat prediction, a loss stuck at or above where it started): say so, and offer the one change that helps.
import { useMemo } from "react";
import { useT } from "../../i18n";
import { SINE } from "../../i18n/sine";
import { notLearning, safeLearningRate } from "../../store/kit/remedy";
import { formatCount, formatValue } from "../../viz/format";
import { useSine, useSineStore } from "./SineStoreProvider";
import { useIsLocked } from "../../embed/EmbedContext";

export function NotLearningPanel() {
  const store = useSineStore();
  const t = useT(SINE);
  const status = useSine((s) => s.status);
  const history = useSine((s) => s.snapshot?.history ?? null);
  const settings = useSine((s) => s.settings);
  const isLrLocked = useIsLocked("lr");
  const problem = useMemo(() => (history ? notLearning(history.step, history.train) : null), [history]);
  if (!problem || status === "diverged" || status === "failed") return null;
  const safe = safeLearningRate(settings.optimizer, Infinity);
  return (
    <div role="alert" className="sine-alert sine-alert-warning">
      <p>
        <strong>{t("notLearningTitle")}</strong>
      </p>
      <p>
        {t("notLearning", { step: formatCount(problem.step), recent: formatValue(problem.recentLoss), start: formatValue(problem.startLoss), lr: String(settings.lr) })}
      </p>
      {isLrLocked ? (
        <p>{t("notLearningLocked")}</p>
      ) : safe === settings.lr ? (
        <p>{t("notLearningSameLr")}</p>
      ) : (
        <div className="sine-row">
          <button type="button" onClick={() => { store.getState().restartWithSafeLearningRate(); }}>
            {t("restartSafeLr", { lr: String(safe) })}
          </button>
        </div>
      )}
    </div>
  );
}
