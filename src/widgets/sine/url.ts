// src/widgets/sine/url.ts: the sine playground's settings in the hash query ("#/playground/sine?cell=gru&hidden=32").
import { defaults, fromParams, toParams } from "../../store/schema";
import { crossCheck, SINE_SCHEMA, type SineKey, type SineSettings } from "../../store/sineSettings";

/** Parameters the page reads itself (not settings): left alone, never warned about. */
export const PAGE_PARAMS = ["testHooks", "embed"] as const;

/** Settings that are checked against each other; a conflict in the URL resets the pair. */
const PARTNERS: Partial<Record<SineKey, SineKey[]>> = {
  periodMin: ["periodMin", "periodMax"],
  ampMin: ["ampMin", "ampMax"],
  horizon: ["horizon", "seqLength"],
};

export function paramsOfHash(hash: string): URLSearchParams {
  const q = hash.indexOf("?");
  return new URLSearchParams(q >= 0 ? hash.slice(q + 1) : "");
}

/**
 * The settings a link asks for. Unknown parameters, values out of range and pairs that contradict each other
 * (horizon ≥ sequence length) are listed in `warnings`, and the defaults stand in for them.
 */
export function readSineUrl(hash: string): { settings: SineSettings; warnings: string[] } {
  const base = defaults(SINE_SCHEMA);
  const { values, warnings } = fromParams(SINE_SCHEMA, paramsOfHash(hash), base, PAGE_PARAMS);
  const settings: SineSettings = { ...values };
  const conflicts = crossCheck(settings, null);
  for (const [key, message] of Object.entries(conflicts) as [SineKey, string][]) {
    const pair = PARTNERS[key] ?? [key];
    for (const k of pair) (settings as Record<SineKey, unknown>)[k] = base[k];
    warnings.push(`${message} Using the defaults for ${pair.map((k) => SINE_SCHEMA[k].label.toLowerCase()).join(" and ")}.`);
  }
  return { settings, warnings };
}

/** The hash for `settings` on the current route: its path, the page's own parameters, then the non-default settings. */
export function sineHash(currentHash: string, settings: SineSettings): string {
  const q = currentHash.indexOf("?");
  const path = q >= 0 ? currentHash.slice(0, q) : currentHash;
  const old = paramsOfHash(currentHash);
  const next = new URLSearchParams();
  for (const key of PAGE_PARAMS) {
    const v = old.get(key);
    if (v !== null) next.set(key, v);
  }
  for (const [k, v] of toParams(SINE_SCHEMA, settings)) next.set(k, v);
  const query = next.toString();
  return query ? `${path}?${query}` : path;
}
