// src/widgets/classify/text.ts: the lab's status line and number formats (pure: tested without a page).
import type { Translate } from "../../i18n";
import type { CLASSIFY } from "../../i18n/classify";
import type { ClassifyStatus } from "../../store/classifyStore";
import type { ClassifySnapshot } from "../../worker/classify/protocol";

export const pct = (x: number): string => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : "–");
export const num = (x: number, digits = 4): string => (Number.isFinite(x) ? x.toPrecision(digits) : "–");

/** "Step 120 · loss 0.4123 · validation accuracy 81.0%" and the like. */
export function statusText(t: Translate<typeof CLASSIFY>, status: ClassifyStatus, s: ClassifySnapshot | null): string {
  switch (status) {
    case "loading":
      return t("loadingData");
    case "noData":
      return t("noData");
    case "starting":
      return t("starting");
    case "restarting":
      return t("restarting");
    case "failed":
      return t("failedStatus");
    default:
      break;
  }
  if (!s) return t("starting");
  const parts = [t("stepN", { step: s.step })];
  if (Number.isFinite(s.loss)) parts.push(t("lossIs", { loss: num(s.loss) }));
  parts.push(t("valAccIs", { acc: pct(s.validation.accuracy) }));
  if (status === "training" && s.examplesPerSec > 0) parts.push(t("perSec", { rate: Math.round(s.examplesPerSec) }));
  else parts.push(status === "diverged" ? t("stoppedDiverged") : s.step === 0 ? t("readyToTrain") : t("paused"));
  return parts.join(" · ");
}
