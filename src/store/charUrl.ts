// src/store/charUrl.ts: the lab's settings in the hash query ("#/lab/chars?cell=gru&hidden=256").
import { msgOf, type Msg } from "../i18n";
import { CHARS_LINK } from "../i18n/charsLink";
import { defaults, fromParams } from "./schema";
import { paramsOfHash, settingsHash } from "./hash";
import { EMBED_PARAMS } from "./embedParams";
import { CHAR_SCHEMA, type CharSettings } from "./charSettings";

/** Parameters the page reads itself (not settings): left alone, never warned about. */
export const PAGE_PARAMS = ["lang", ...EMBED_PARAMS] as const;


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
    messages.push(msgOf(CHARS_LINK, "customNotInLink"));
    settings = { ...settings, corpus: CHAR_SCHEMA.corpus.default };
  }
  const hasSettings = [...params.keys()].some((k) => Object.hasOwn(CHAR_SCHEMA, k));
  return { settings, warnings: messages.map((m) => m.en), messages, hasSettings };
}

/** The hash for `settings` on the current route: its path, the page's own parameters, then the non-default settings. */
export function charHash(currentHash: string, settings: CharSettings): string {
  // The learner's own text is not in the link: a shared link opens on the default text.
  const shared: CharSettings = settings.corpus === "custom" ? { ...settings, corpus: CHAR_SCHEMA.corpus.default } : settings;
  return settingsHash(currentHash, PAGE_PARAMS, CHAR_SCHEMA, shared);
}
