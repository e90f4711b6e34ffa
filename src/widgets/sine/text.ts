// src/widgets/sine/text.ts: the sentences the sine playground shows: run status, divergence, parameter names.
// Each takes the translate function of the current language (src/i18n/sine.ts holds the words).
import type { Translate } from "../../i18n";
import { optionLabel } from "../../i18n/controls";
import type { SINE } from "../../i18n/sine";
import type { SineSettings } from "../../store/sineSettings";
import type { Status } from "../../store/sineStore";
import type { DivergenceInfo } from "../../worker/kit/protocol";
import type { Snapshot } from "../../worker/sine/protocol";
import { formatCount, formatValue } from "../../viz/format";

type T = Translate<typeof SINE>;

/** "Step 120 · loss 0.0123 · validation loss 0.015 · 45,000 tokens/s": what the status region reads. */
export function statusText(t: T, status: Status, snapshot: Snapshot | null): string {
  switch (status) {
    case "starting":
      return t("starting");
    case "restarting":
      return t("restarting");
    case "failed":
      return t("failedStatus");
    default:
      break;
  }
  if (!snapshot) return t("preparing");
  const parts = [t("stepN", { step: formatCount(snapshot.step) })];
  if (Number.isFinite(snapshot.loss)) parts.push(t("lossV", { loss: formatValue(snapshot.loss) }));
  if (Number.isFinite(snapshot.valLoss)) parts.push(t("validationLossV", { loss: formatValue(snapshot.valLoss) }));
  if (status === "training") {
    // The rate is measured over half a second of training; until then there is nothing honest to show.
    parts.push(snapshot.tokensPerSec > 0 ? t("tokensPerSec", { rate: formatCount(Math.round(snapshot.tokensPerSec)) }) : t("training"));
  } else if (status === "diverged") {
    parts.push(t("stoppedDiverged"));
  } else {
    parts.push(snapshot.step === 0 ? t("pressTrain") : t("paused"));
  }
  return parts.join(" · ");
}

const CAUSES = { nan: "causeNan", inf: "causeInf", blowUp: "causeBlowUp" } as const satisfies Record<DivergenceInfo["cause"], keyof typeof SINE>;

/** "Training stopped at step 412: the loss became NaN. The weights from step 411 (loss 0.83) are kept." */
export function divergenceText(t: T, d: DivergenceInfo): string {
  const kept =
    d.lastGoodStep > 0 && Number.isFinite(d.lastGoodLoss)
      ? t("keptFrom", { step: formatCount(d.lastGoodStep), loss: formatValue(d.lastGoodLoss) })
      : t("keptInitial");
  return t("stoppedAt", { step: formatCount(d.step), cause: t(CAUSES[d.cause]), kept });
}

/** What the learner can change, in terms of the settings now in force. */
export function divergenceAdvice(t: T, s: SineSettings): string {
  const clipping = s.clip ? t("clippedAt", { norm: String(s.clipNorm) }) : t("clippingOff");
  return t("advice", { lr: String(s.lr), optimizer: optionLabel(s.optimizer, t.lang), clipping });
}

/** "rnn.weight_hh_l0" → "W_hh, layer 1": the names the lessons use, with the PyTorch name kept alongside. */
export function paramLabel(t: T, name: string): string {
  const m = /^rnn\.(weight|bias)_(ih|hh)_l(\d+)$/.exec(name);
  if (m) return t("paramOfLayer", { name: `${m[1] === "weight" ? "W" : "b"}_${m[2]}`, n: Number(m[3]) + 1 });
  if (name === "head.weight") return t("outputHeadW");
  if (name === "head.bias") return t("outputHeadB");
  return name;
}

/** Gate blocks stacked in a fused recurrent parameter (PyTorch order), or none for the head. */
export function gateBlocksOf(name: string, cell: string, H: number): { name: string; size: number }[] | undefined {
  if (!name.startsWith("rnn.")) return undefined;
  const gates = cell === "lstm" ? ["i", "f", "g", "o"] : cell === "gru" ? ["r", "z", "n"] : ["h"];
  return gates.map((g) => ({ name: g, size: H }));
}
