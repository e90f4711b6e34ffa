// src/lessons/i18n.ts: the lessons' language: from ?lang= in the URL, else the learner's saved choice, else the browser's.
import { useSyncExternalStore } from "react";

export type Lang = "en" | "zh";
export const LANGS: readonly Lang[] = ["en", "zh"];

/** localStorage key of the learner's last choice. */
export const LANG_STORAGE_KEY = "rnn-notebook.lessons.lang";

/** BCP 47 tags for the lang attribute, so screen readers and fonts pick the right language. */
export const LANG_TAG: Record<Lang, string> = { en: "en", zh: "zh-Hans" };

/** Each language's name in itself, for the switch. */
export const LANG_NAME: Record<Lang, string> = { en: "English", zh: "简体中文" };

export function isLang(value: unknown): value is Lang {
  return value === "en" || value === "zh";
}

/** "lang" from the query part of a hash route ("#/lessons/bptt?lang=zh"), or null. */
export function langFromHash(hash: string): Lang | null {
  const q = hash.indexOf("?");
  if (q < 0) return null;
  const value = new URLSearchParams(hash.slice(q + 1)).get("lang");
  return isLang(value) ? value : null;
}

/** The hash with its lang parameter set to `lang` (added if absent, other parameters kept). */
export function hashWithLang(hash: string, lang: Lang): string {
  const q = hash.indexOf("?");
  const path = q < 0 ? hash : hash.slice(0, q);
  const params = new URLSearchParams(q < 0 ? "" : hash.slice(q + 1));
  params.set("lang", lang);
  return `${path || "#/"}?${params.toString()}`;
}

function readStored(): Lang | null {
  try {
    const value = window.localStorage.getItem(LANG_STORAGE_KEY);
    return isLang(value) ? value : null;
  } catch {
    // Storage can be blocked (private mode, sandboxed iframe): the choice then lasts for the page only.
    return sessionChoice;
  }
}

/** Used only where localStorage is unavailable. */
let sessionChoice: Lang | null = null;

function browserLang(): Lang {
  const tags = typeof navigator === "undefined" ? [] : navigator.languages;
  return tags.length > 0 && tags[0].toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** URL first (a shared link shows what its author meant), then the saved choice, then the browser's language. */
export function currentLang(): Lang {
  return langFromHash(window.location.hash) ?? readStored() ?? browserLang();
}

const listeners = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener("hashchange", onChange);
  window.addEventListener("storage", onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("hashchange", onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** Saves the choice; a lang in the URL is rewritten too, or it would keep overriding the choice. */
export function setLang(lang: Lang): void {
  rememberLang(lang);
  const { hash } = window.location;
  if (langFromHash(hash) !== null && langFromHash(hash) !== lang) {
    // replaceState: the route stays the same page, so no history entry and no hashchange (we notify below).
    window.history.replaceState(window.history.state, "", hashWithLang(hash, lang));
  }
  for (const notify of listeners) notify();
}

/** Stores the language without touching the URL (a ?lang= link also becomes the remembered choice). */
export function rememberLang(lang: Lang): void {
  sessionChoice = lang;
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // See readStored: the session choice above stands in.
  }
}

/** The lessons' current language; re-renders when it changes (switch, URL, another tab). */
export function useLang(): Lang {
  return useSyncExternalStore(subscribe, currentLang, () => "en");
}
