// src/widgets/speech/url.ts: the speech lab's settings in its link (#/lab/speech?cell=lstm&hidden=48&lr=0.005).
// Values that are missing, unknown or out of range take their defaults.
import { SPEECH_DEFAULTS, SPEECH_RANGES, type SpeechSettings } from "../../store/speechStore";

const CELLS = ["gru", "lstm", "rnn"] as const;
const OPTIMIZERS = ["adam", "adamw", "sgd", "momentum", "rmsprop", "adagrad"] as const;
const SOURCES = ["builtin", "mine", "both"] as const;

function paramsOf(hash: string): URLSearchParams {
  const q = hash.indexOf("?");
  return new URLSearchParams(q >= 0 ? hash.slice(q + 1) : "");
}

const oneOf = <T extends string>(list: readonly T[], v: string | null, fallback: T): T => (list as readonly string[]).includes(v ?? "") ? (v as T) : fallback;

export function readSpeechUrl(hash: string): SpeechSettings {
  const p = paramsOf(hash);
  const s: SpeechSettings = { ...SPEECH_DEFAULTS };
  s.cell = oneOf(CELLS, p.get("cell"), s.cell);
  s.optimizer = oneOf(OPTIMIZERS, p.get("optimizer"), s.optimizer);
  s.source = oneOf(SOURCES, p.get("source"), s.source);
  for (const key of Object.keys(SPEECH_RANGES) as (keyof typeof SPEECH_RANGES)[]) {
    const raw = p.get(key);
    if (raw === null || raw.trim() === "") continue;
    const v = Number(raw);
    const [min, max] = SPEECH_RANGES[key];
    const whole = key !== "lr" && key !== "clip";
    if (Number.isFinite(v) && v >= min && v <= max && (!whole || Number.isInteger(v))) s[key] = v;
  }
  return s;
}

/** The hash with these settings (only those that differ from the defaults), keeping other parameters. */
export function speechHash(hash: string, s: SpeechSettings): string {
  const q = hash.indexOf("?");
  const path = q >= 0 ? hash.slice(0, q) : hash || "#/lab/speech";
  const p = paramsOf(hash);
  for (const key of Object.keys(SPEECH_DEFAULTS) as (keyof SpeechSettings)[]) {
    if (s[key] === SPEECH_DEFAULTS[key]) p.delete(key);
    else p.set(key, String(s[key]));
  }
  const query = p.toString();
  return query ? `${path}?${query}` : path;
}
