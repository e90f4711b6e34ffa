// src/widgets/classify/url.ts: the lab's settings in the hash query ("#/lab/classify?dataset=spam&tokens=word").
import { msgOf, type Msg } from "../../i18n";
import { CLASSIFY } from "../../i18n/classify";
import { defaults, fromParams, toParams } from "../../store/schema";
import { CLASSIFY_SCHEMA, type ClassifySettings } from "../../store/classifySettings";
import { PAGE_PARAMS, paramsOfHash } from "../chars/url";

export function readClassifyUrl(hash: string): { settings: ClassifySettings; messages: Msg[]; warnings: string[] } {
  const { values, messages } = fromParams(CLASSIFY_SCHEMA, paramsOfHash(hash), defaults(CLASSIFY_SCHEMA), PAGE_PARAMS);
  let settings: ClassifySettings = { ...values };
  if (settings.dataset === "own") {
    // The learner's own lines live in this page, not in the link.
    messages.push(msgOf(CLASSIFY, "ownNotInLink"));
    settings = { ...settings, dataset: CLASSIFY_SCHEMA.dataset.default };
  }
  return { settings, messages, warnings: messages.map((m) => m.en) };
}

export function classifyHash(currentHash: string, settings: ClassifySettings): string {
  const q = currentHash.indexOf("?");
  const path = q >= 0 ? currentHash.slice(0, q) : currentHash;
  const old = paramsOfHash(currentHash);
  const next = new URLSearchParams();
  for (const key of PAGE_PARAMS) {
    const v = old.get(key);
    if (v !== null) next.set(key, v);
  }
  const shared: ClassifySettings = settings.dataset === "own" ? { ...settings, dataset: CLASSIFY_SCHEMA.dataset.default } : settings;
  for (const [k, v] of toParams(CLASSIFY_SCHEMA, shared)) next.set(k, v);
  const query = next.toString();
  return query ? `${path}?${query}` : path;
}
