// src/store/classifyUrl.ts: the lab's settings in the hash query ("#/lab/classify?dataset=spam&tokens=word").
import { msgOf, type Msg } from "../i18n";
import { CLASSIFY_LINK } from "../i18n/classifyLink";
import { defaults, fromParams } from "./schema";
import { paramsOfHash, settingsHash } from "./hash";
import { EMBED_PARAMS } from "./embedParams";
import { CLASSIFY_SCHEMA, type ClassifySettings } from "./classifySettings";

/** Parameters the page reads itself (not settings): left alone, never warned about. */
export const PAGE_PARAMS = ["lang", ...EMBED_PARAMS] as const;

export function readClassifyUrl(hash: string): { settings: ClassifySettings; messages: Msg[]; warnings: string[] } {
  const { values, messages } = fromParams(CLASSIFY_SCHEMA, paramsOfHash(hash), defaults(CLASSIFY_SCHEMA), PAGE_PARAMS);
  let settings: ClassifySettings = { ...values };
  if (settings.dataset === "own") {
    // The learner's own lines live in this page, not in the link.
    messages.push(msgOf(CLASSIFY_LINK, "ownNotInLink"));
    settings = { ...settings, dataset: CLASSIFY_SCHEMA.dataset.default };
  }
  return { settings, messages, warnings: messages.map((m) => m.en) };
}

export function classifyHash(currentHash: string, settings: ClassifySettings): string {
  // The learner's own lines are not in the link: a shared link opens on the default data.
  const shared: ClassifySettings = settings.dataset === "own" ? { ...settings, dataset: CLASSIFY_SCHEMA.dataset.default } : settings;
  return settingsHash(currentHash, PAGE_PARAMS, CLASSIFY_SCHEMA, shared);
}
