// src/widgets/chars/text.ts: the lab's sentences built from its state (status line, captions), kept out of the markup.
import type { CharStatus } from "../../store/charStore";
import type { CharSnapshot } from "../../worker/protocol";

const grouped = (n: number): string => Math.round(n).toLocaleString("en");
const bits = (v: number): string => (Number.isFinite(v) ? v.toFixed(2) : "—");

/** The status line: "Step 120 · loss 2.31 bits/char · validation 2.40 bits/char · 9,800 tokens/s". */
export function statusText(status: CharStatus, s: CharSnapshot | null, isSampleOnly: boolean): string {
  switch (status) {
    case "loadingText":
      return "Loading the text…";
    case "noText":
      return "No text to train on yet: pick a built-in text, or paste or open your own.";
    case "starting":
      return "Starting the training worker…";
    case "restarting":
      return "Restarting the training worker…";
    default:
      break;
  }
  if (!s) return status === "failed" ? "Training could not start: see the message above." : "Starting the training worker…";
  const parts = [`Step ${grouped(s.step)}`];
  if (Number.isFinite(s.lossBits)) parts.push(`loss ${bits(s.lossBits)} bits/char`);
  parts.push(`validation ${bits(s.valLossBits)} bits/char`);
  if (status === "training") parts.push(`${grouped(s.tokensPerSec)} tokens/s`);
  if (s.step > 0) parts.push(`epoch ${s.epoch.toFixed(2)}`);
  if (isSampleOnly) parts.push("sampling only (the model's vocabulary lacks characters of this text)");
  else if (status === "diverged") parts.push("stopped: the loss diverged");
  else if (status === "failed") parts.push("stopped");
  else if (status === "idle") parts.push(s.step === 0 ? "ready to train" : "paused");
  return parts.join(" · ");
}
