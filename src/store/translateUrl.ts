// src/store/translateUrl.ts: the lab's settings in the hash query ("#/lab/translate?task=cmudict&attention=none").
import type { Msg } from "../i18n";
import { fromParams, toParams } from "./schema";
import { EMBED_PARAMS } from "./embedParams";
import { TRANSLATE_DEFAULTS, TRANSLATE_SCHEMA, type TranslateSettings } from "./translateSettings";

/** Parameters the page reads itself (not settings): left alone, never warned about. */
export const PAGE_PARAMS = ["testHooks", "lang", ...EMBED_PARAMS] as const;

function paramsOfHash(hash: string): URLSearchParams {
  const q = hash.indexOf("?");
  return new URLSearchParams(q >= 0 ? hash.slice(q + 1) : "");
}

/** The settings a link asks for; unknown parameters and bad values are listed (both languages) and the default stands. */
export function readTranslateUrl(hash: string): { settings: TranslateSettings; warnings: string[]; messages: Msg[] } {
  const { values, messages } = fromParams(TRANSLATE_SCHEMA, paramsOfHash(hash), TRANSLATE_DEFAULTS, PAGE_PARAMS);
  return { settings: { ...values }, warnings: messages.map((m) => m.en), messages };
}

/** The hash for `settings` on the current route: its path, the page's own parameters, then the non-defaults. */
export function translateHash(currentHash: string, settings: TranslateSettings): string {
  const q = currentHash.indexOf("?");
  const path = q >= 0 ? currentHash.slice(0, q) : currentHash;
  const old = paramsOfHash(currentHash);
  const next = new URLSearchParams();
  for (const key of PAGE_PARAMS) {
    const v = old.get(key);
    if (v !== null) next.set(key, v);
  }
  for (const [k, v] of toParams(TRANSLATE_SCHEMA, settings)) next.set(k, v);
  const query = next.toString();
  return query ? `${path}?${query}` : path;
}
