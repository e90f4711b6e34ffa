// src/widgets/chars/url.ts: the lab's settings in the hash query ("#/lab/chars?cell=gru&hidden=256").
import { msgOf, type Msg } from "../../i18n";
import { CHARS } from "../../i18n/chars";
import { defaults, fromParams, toParams } from "../../store/schema";
import { EMBED_PARAMS } from "../../embed/params";
import { CHAR_SCHEMA, type CharSettings } from "../../store/charSettings";

/** Parameters the page reads itself (not settings): left alone, never warned about. */
export const PAGE_PARAMS = ["lang", ...EMBED_PARAMS] as const;

export function paramsOfHash(hash: string): URLSearchParams {
  const q = hash.indexOf("?");
  return new URLSearchParams(q >= 0 ? hash.slice(q + 1) : "");
}

/**
 * The settings a link asks for; bad or unknown parameters are listed, the defaults standing in: in `messages` in
 * both languages, and in `warnings` in English (the same list).
 */
export function readCharUrl(hash: string): { settings: CharSettings; warnings: string[]; messages: Msg[]; hasSettings: boolean } {
  const params = paramsOfHash(hash);
  const { values, messages } = fromParams(CHAR_SCHEMA, params, defaults(CHAR_SCHEMA), PAGE_PARAMS);
  let settings: CharSettings = { ...values };
  if (settings.corpus === "custom") {
    // The learner's own text lives in this browser, not in the link.
    messages.push(msgOf(CHARS, "customNotInLink"));
    settings = { ...settings, corpus: CHAR_SCHEMA.corpus.default };
  }
  const hasSettings = [...params.keys()].some((k) => k in CHAR_SCHEMA);
  return { settings, warnings: messages.map((m) => m.en), messages, hasSettings };
}

/** The hash for `settings` on the current route: its path, the page's own parameters, then the non-default settings. */
export function charHash(currentHash: string, settings: CharSettings): string {
  const q = currentHash.indexOf("?");
  const path = q >= 0 ? currentHash.slice(0, q) : currentHash;
  const old = paramsOfHash(currentHash);
  const next = new URLSearchParams();
  for (const key of PAGE_PARAMS) {
    const v = old.get(key);
    if (v !== null) next.set(key, v);
  }
  // The learner's own text is not in the link: a shared link opens on the default text.
  const shared: CharSettings = settings.corpus === "custom" ? { ...settings, corpus: CHAR_SCHEMA.corpus.default } : settings;
  for (const [k, v] of toParams(CHAR_SCHEMA, shared)) next.set(k, v);
  const query = next.toString();
  return query ? `${path}?${query}` : path;
}
