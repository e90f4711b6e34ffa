// src/store/gradUrl.ts: the visualizer's settings in the hash query ("#/visualizer/gradients?seqLength=60").
import { msgOf, msgPer, type Msg } from "../i18n";
import { GRADS_LINK } from "../i18n/gradientsLink";
import { fromParams, labelOf } from "./schema";
import { paramsOfHash, settingsHash } from "./hash";
import { EMBED_PARAMS } from "./embedParams";
import {
  crossCheck, GRAD_DEFAULTS, GRAD_SCHEMA, PRESETS, presetSettings,
  type GradKey, type GradSettings, type PresetName,
} from "./gradSettings";

/** Parameters the page reads itself (not settings): left alone, never warned about. */
export const PAGE_PARAMS = ["testHooks", "preset", "lang", ...EMBED_PARAMS] as const;


function isPresetName(v: string): v is PresetName {
  return PRESETS.some((p) => p.name === v);
}

/**
 * The settings a link asks for: `preset=…` first (if any), then each setting over it. Unknown parameters,
 * values out of range and contradictions are listed, and the preset's or default value stands: in `messages` in
 * both languages, and in `warnings` in English (the same list).
 */
export function readGradUrl(hash: string): { settings: GradSettings; warnings: string[]; messages: Msg[]; preset: PresetName | null } {
  const params = paramsOfHash(hash);
  const messages: Msg[] = [];
  let preset: PresetName | null = null;
  let base = GRAD_DEFAULTS;
  const presetParam = params.get("preset");
  if (presetParam !== null) {
    if (isPresetName(presetParam)) {
      preset = presetParam;
      base = presetSettings(presetParam, GRAD_DEFAULTS.seed);
    } else {
      messages.push(msgOf(GRADS_LINK, "noSuchPreset", { preset: presetParam.slice(0, 20), list: PRESETS.map((p) => p.name).join(", ") }));
    }
  }
  const { values, messages: fieldMessages } = fromParams(GRAD_SCHEMA, params, base, PAGE_PARAMS);
  messages.push(...fieldMessages);
  const settings: GradSettings = { ...values };
  for (const [key, message] of Object.entries(crossCheck(settings)) as [GradKey, Msg][]) {
    (settings as Record<GradKey, unknown>)[key] = base[key];
    messages.push(msgPer(GRADS_LINK, "usingInstead", (lang) => ({ message: message[lang], value: String(base[key]), label: labelOf(GRAD_SCHEMA[key], lang) })));
  }
  // Settings given next to a preset that change it: the page shows them as a custom run, not as the preset.
  if (preset && (Object.keys(GRAD_SCHEMA) as GradKey[]).some((k) => settings[k] !== base[k])) preset = null;
  return { settings, warnings: messages.map((m) => m.en), messages, preset };
}

/** The hash for `settings` on the current route: its path, the page's own parameters (not preset), then the non-defaults. */
export function gradHash(currentHash: string, settings: GradSettings): string {
  // The settings say everything a preset did; keeping preset= would make the link mean something else.
  return settingsHash(currentHash, PAGE_PARAMS.filter((k) => k !== "preset"), GRAD_SCHEMA, settings);
}
