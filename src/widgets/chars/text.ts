// src/widgets/chars/text.ts: the lab's sentences built from its state (status line, captions), kept out of the markup.
import type { Translate } from "../../i18n";
import type { CHARS } from "../../i18n/chars";
import type { CharStatus } from "../../store/charStore";
import type { CharInspection, CharSnapshot } from "../../worker/chars/protocol";

type T = Translate<typeof CHARS>;

const grouped = (n: number): string => Math.round(n).toLocaleString("en");
const bits = (v: number): string => (Number.isFinite(v) ? v.toFixed(2) : "—");

/** The status line: "Step 120 · loss 2.31 bits/char · validation 2.40 bits/char · 9,800 tokens/s". */
export function statusText(t: T, status: CharStatus, s: CharSnapshot | null, isSampleOnly: boolean): string {
  switch (status) {
    case "loadingText":
      return t("loadingText");
    case "noText":
      return t("noText");
    case "starting":
      return t("starting");
    case "restarting":
      return t("restarting");
    default:
      break;
  }
  if (!s) return status === "failed" ? t("couldNotStartStatus") : t("starting");
  const parts = [t("stepN", { step: grouped(s.step) })];
  if (Number.isFinite(s.lossBits)) parts.push(t("lossBits", { bits: bits(s.lossBits) }));
  parts.push(t("validationBits", { bits: bits(s.valLossBits) }));
  if (status === "training") parts.push(t("tokensPerSec", { rate: grouped(s.tokensPerSec) }));
  if (s.step > 0) parts.push(t("epoch", { epoch: s.epoch.toFixed(2) }));
  if (isSampleOnly) parts.push(t("sampleOnly"));
  else if (status === "diverged") parts.push(t("stoppedDiverged"));
  else if (status === "failed") parts.push(t("stopped"));
  else if (status === "idle") parts.push(s.step === 0 ? t("readyToTrain") : t("paused"));
  return parts.join(" · ");
}

/** How a symbol reads in a list or a bar label: invisible ones get a name (src/data/text.ts describeSymbol, translated). */
export function symbolName(t: T, s: string): string {
  switch (s) {
    case "\n":
      return t("symbolNewLine");
    case " ":
      return t("symbolSpace");
    case "\t":
      return t("symbolTab");
    default:
      return s;
  }
}

/** What the network reads in the "Inside" panel, worded from the worker's code and count. */
export function inspectSourceText(t: T, source: CharInspection["source"]): string {
  const n = source.n.toLocaleString("en");
  return t(source.kind === "heldOut" ? "sourceHeldOut" : source.kind === "known" ? "sourceKnown" : "sourceText", { n });
}
