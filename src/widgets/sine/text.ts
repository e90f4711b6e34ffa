// src/widgets/sine/text.ts: the sentences the sine playground shows: run status, divergence, parameter names.
import type { SineSettings } from "../../store/sineSettings";
import type { Status } from "../../store/sineStore";
import type { DivergenceInfo, Snapshot } from "../../worker/protocol";
import { formatCount, formatValue } from "../../viz/format";

/** "Step 120 · loss 0.0123 · validation loss 0.015 · 45,000 tokens/s": what the status region reads. */
export function statusText(status: Status, snapshot: Snapshot | null): string {
  switch (status) {
    case "starting":
      return "Starting the training worker…";
    case "restarting":
      return "Restarting the training worker…";
    case "failed":
      return "Stopped: the training worker is not running (see the message below).";
    default:
      break;
  }
  if (!snapshot) return "Preparing the data and the network…";
  const parts = [`Step ${formatCount(snapshot.step)}`];
  if (Number.isFinite(snapshot.loss)) parts.push(`loss ${formatValue(snapshot.loss)}`);
  if (Number.isFinite(snapshot.valLoss)) parts.push(`validation loss ${formatValue(snapshot.valLoss)}`);
  if (status === "training") {
    // The rate is measured over half a second of training; until then there is nothing honest to show.
    parts.push(snapshot.tokensPerSec > 0 ? `${formatCount(Math.round(snapshot.tokensPerSec))} tokens/s` : "training");
  } else if (status === "diverged") {
    parts.push("stopped: diverged");
  } else {
    parts.push(snapshot.step === 0 ? "press Train or Step to start" : "paused");
  }
  return parts.join(" · ");
}

const CAUSES: Record<DivergenceInfo["cause"], string> = {
  nan: "the loss became NaN (not a number)",
  inf: "the loss became infinite",
  blowUp: "the loss blew up, thousands of times above where it started",
};

/** "Training stopped at step 412: the loss became NaN. The weights from step 411 (loss 0.83) are kept." */
export function divergenceText(d: DivergenceInfo): string {
  const kept =
    d.lastGoodStep > 0 && Number.isFinite(d.lastGoodLoss)
      ? `The weights from step ${formatCount(d.lastGoodStep)} (loss ${formatValue(d.lastGoodLoss)}) are kept.`
      : "The initial weights are kept.";
  return `Training stopped at step ${formatCount(d.step)}: ${CAUSES[d.cause]}. ${kept}`;
}

/** What the learner can change, in terms of the settings now in force. */
export function divergenceAdvice(s: SineSettings): string {
  const clipping = s.clip ? `gradients are clipped at norm ${s.clipNorm}` : "gradient clipping is off";
  return (
    `The learning rate is ${s.lr} (${s.optimizer}) and ${clipping}. A smaller step or clipped gradients usually ` +
    "keep training stable. Pick a remedy below, or change the settings and press Train to continue from the kept weights."
  );
}

/** "rnn.weight_hh_l0" → "W_hh, layer 1": the names the lessons use, with the PyTorch name kept alongside. */
export function paramLabel(name: string): string {
  const m = /^rnn\.(weight|bias)_(ih|hh)_l(\d+)$/.exec(name);
  if (m) return `${m[1] === "weight" ? "W" : "b"}_${m[2]}, layer ${Number(m[3]) + 1}`;
  if (name === "head.weight") return "W_hy (output head)";
  if (name === "head.bias") return "b_y (output head)";
  return name;
}

/** Gate blocks stacked in a fused recurrent parameter (PyTorch order), or none for the head. */
export function gateBlocksOf(name: string, cell: string, H: number): { name: string; size: number }[] | undefined {
  if (!name.startsWith("rnn.")) return undefined;
  const gates = cell === "lstm" ? ["i", "f", "g", "o"] : cell === "gru" ? ["r", "z", "n"] : ["h"];
  return gates.map((g) => ({ name: g, size: H }));
}
