// src/store/sineUrl.ts: the sine playground's settings in the hash query ("#/playground/sine?cell=gru&hidden=32").
import { msgOf, msgPer, type Msg } from "../i18n";
import { CONTROLS } from "../i18n/controls";
import { SINE_LINK } from "../i18n/sineLink";
import { defaults, fromParams, labelOf } from "./schema";
import { paramsOfHash, settingsHash } from "./hash";
import { EMBED_PARAMS } from "./embedParams";
import { crossCheck, SINE_SCHEMA, type SineKey, type SineSettings } from "./sineSettings";

/** Parameters the page reads itself (not settings): left alone, never warned about. */
export const PAGE_PARAMS = ["testHooks", "lang", ...EMBED_PARAMS] as const;

/** Settings that are checked against each other; a conflict in the URL resets the pair. */
const PARTNERS: Partial<Record<SineKey, SineKey[]>> = {
  periodMin: ["periodMin", "periodMax"],
  ampMin: ["ampMin", "ampMax"],
  horizon: ["horizon", "seqLength"],
};

export { paramsOfHash };

/**
 * The settings a link asks for. Unknown parameters, values out of range and pairs that contradict each other
 * (horizon ≥ sequence length) are listed, and the defaults stand in for them: in `messages` in both languages,
 * and in `warnings` in English (the same list).
 */
export function readSineUrl(hash: string): { settings: SineSettings; warnings: string[]; messages: Msg[] } {
  const base = defaults(SINE_SCHEMA);
  const { values, messages } = fromParams(SINE_SCHEMA, paramsOfHash(hash), base, PAGE_PARAMS);
  const settings: SineSettings = { ...values };
  const conflicts = crossCheck(settings, null);
  for (const [key, message] of Object.entries(conflicts) as [SineKey, Msg][]) {
    const pair = PARTNERS[key] ?? [key];
    for (const k of pair) (settings as Record<SineKey, unknown>)[k] = base[k];
    messages.push(
      msgPer(SINE_LINK, "usingDefaultsFor", (lang) => ({
        message: message[lang],
        // English names go lower-case inside the sentence; Chinese has no case.
        labels: pair.map((k) => (lang === "en" ? labelOf(SINE_SCHEMA[k], lang).toLowerCase() : labelOf(SINE_SCHEMA[k], lang))).join(msgOf(CONTROLS, "and")[lang]),
      })),
    );
  }
  return { settings, warnings: messages.map((m) => m.en), messages };
}

/** The hash for `settings` on the current route: its path, the page's own parameters, then the non-default settings. */
export function sineHash(currentHash: string, settings: SineSettings): string {
  return settingsHash(currentHash, PAGE_PARAMS, SINE_SCHEMA, settings);
}
