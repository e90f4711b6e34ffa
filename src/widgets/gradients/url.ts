// src/widgets/gradients/url.ts: the visualizer's settings in the hash query ("#/visualizer/gradients?seqLength=60").
import { fromParams, toParams } from "../../store/schema";
import { EMBED_PARAMS } from "../../embed/params";
import {
  crossCheck, GRAD_DEFAULTS, GRAD_SCHEMA, PRESETS, presetSettings,
  type GradKey, type GradSettings, type PresetName,
} from "../../store/gradSettings";

/** Parameters the page reads itself (not settings): left alone, never warned about. */
export const PAGE_PARAMS = ["testHooks", "preset", ...EMBED_PARAMS] as const;

export function paramsOfHash(hash: string): URLSearchParams {
  const q = hash.indexOf("?");
  return new URLSearchParams(q >= 0 ? hash.slice(q + 1) : "");
}

function isPresetName(v: string): v is PresetName {
  return PRESETS.some((p) => p.name === v);
}

/**
 * The settings a link asks for: `preset=…` first (if any), then each setting over it. Unknown parameters,
 * values out of range and contradictions are listed in `warnings`, and the preset's or default value stands.
 */
export function readGradUrl(hash: string): { settings: GradSettings; warnings: string[]; preset: PresetName | null } {
  const params = paramsOfHash(hash);
  const warnings: string[] = [];
  let preset: PresetName | null = null;
  let base = GRAD_DEFAULTS;
  const presetParam = params.get("preset");
  if (presetParam !== null) {
    if (isPresetName(presetParam)) {
      preset = presetParam;
      base = presetSettings(presetParam, GRAD_DEFAULTS.seed);
    } else {
      warnings.push(`preset=${presetParam.slice(0, 20)}: there is no such preset; the presets are ${PRESETS.map((p) => p.name).join(", ")}.`);
    }
  }
  const { values, warnings: fieldWarnings } = fromParams(GRAD_SCHEMA, params, base, PAGE_PARAMS);
  warnings.push(...fieldWarnings);
  const settings: GradSettings = { ...values };
  for (const [key, message] of Object.entries(crossCheck(settings)) as [GradKey, string][]) {
    (settings as Record<GradKey, unknown>)[key] = base[key];
    warnings.push(`${message} Using ${String(base[key])} for “${GRAD_SCHEMA[key].label}”.`);
  }
  // Settings given next to a preset that change it: the page shows them as a custom run, not as the preset.
  if (preset && (Object.keys(GRAD_SCHEMA) as GradKey[]).some((k) => settings[k] !== base[k])) preset = null;
  return { settings, warnings, preset };
}

/** The hash for `settings` on the current route: its path, the page's own parameters (not preset), then the non-defaults. */
export function gradHash(currentHash: string, settings: GradSettings): string {
  const q = currentHash.indexOf("?");
  const path = q >= 0 ? currentHash.slice(0, q) : currentHash;
  const old = paramsOfHash(currentHash);
  const next = new URLSearchParams();
  for (const key of PAGE_PARAMS) {
    const v = old.get(key);
    // The settings below say everything a preset did; keeping preset= would make the link mean something else.
    if (v !== null && key !== "preset") next.set(key, v);
  }
  for (const [k, v] of toParams(GRAD_SCHEMA, settings)) next.set(k, v);
  const query = next.toString();
  return query ? `${path}?${query}` : path;
}
