// src/i18n/index.ts: the interface's language (the lessons' choice, app-wide) and a tiny typed translation layer.
// The language itself (URL ?lang=, remembered choice, browser default) lives in src/lessons/i18n.ts; this module
// re-exports it so the app, widgets and charts use the one mechanism, and adds dictionaries on top.
import { useEffect, useMemo } from "react";
import { LANG_TAG, langFromHash, rememberLang, useLang, type Lang } from "../lessons/i18n";

export { currentLang, hashWithLang, isLang, LANG_NAME, LANG_STORAGE_KEY, LANG_TAG, langFromHash, LANGS, rememberLang, setLang, useLang } from "../lessons/i18n";
export type { Lang } from "../lessons/i18n";

/**
 * One text in each language: a string with {name} placeholders, or a function of its parameters where the
 * sentence needs a choice (English plurals, "one step" vs "3 steps"). Both languages take the same parameters.
 */
type Template = string | ((params: never) => string);
export interface Entry {
  readonly en: Template;
  readonly zh: Template;
}
/** A dictionary of one area of the interface; declare it `{ ... } as const satisfies Dict` so placeholders are typed. */
export type Dict = Readonly<Record<string, Entry>>;

/** An entry that is a function of its parameters in both languages: fn<{ n: number }>((p) => …, (p) => …). */
export function fn<P>(en: (params: P) => string, zh: (params: P) => string): { readonly en: (params: P) => string; readonly zh: (params: P) => string } {
  return { en, zh };
}

/** A message already worded in both languages: what stores hold, so a switch of language re-words it. */
export type Msg = Readonly<Record<Lang, string>>;
/** A message a store holds: in both languages, or a plain string where no translation exists (shown as is). */
export type MsgLike = string | Msg;

/** The message in `lang`. */
export function inLang(m: MsgLike, lang: Lang): string {
  return typeof m === "string" ? m : m[lang];
}

/** {name} is a placeholder; braces around maths ("c_{t−1}") are not, as the runtime's /\{(\w+)\}/ agrees. */
type Name<P extends string> = P extends "" | `${string}${"−" | "-" | "+" | " " | "," | "(" | ")" | "/"}${string}` ? never : P;
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? Name<P> | Placeholders<Rest> : never;
export type Param = string | number;
/** The parameters an entry takes, or undefined when it takes none. */
type ParamsOf<E extends Entry> = E["en"] extends (params: infer P) => string
  ? P
  : E["en"] extends string
    ? [Placeholders<E["en"]>] extends [never]
      ? undefined
      : Record<Placeholders<E["en"]>, Param>
    : never;
type ArgsOf<E extends Entry> = ParamsOf<E> extends undefined ? [] : [params: ParamsOf<E>];

/** t("stepStatus", { step, loss }): the entry in the current language, placeholders filled. */
export interface Translate<D extends Dict> {
  <K extends keyof D & string>(key: K, ...args: ArgsOf<D[K]>): string;
  readonly lang: Lang;
}

/**
 * A number as this language writes it: whole numbers grouped by thousands (1,200 in both languages today);
 * other numbers as given (0.01). Measured values (a loss) are formatted by the caller, to its own precision.
 */
export function formatNumber(n: number, lang: Lang): string {
  if (!Number.isFinite(n)) return String(n);
  return Number.isInteger(n) ? integerFormat(lang).format(n) : String(n);
}

/** One formatter per language, made on first use (status lines re-format many times a second). */
const integerFormats = new Map<Lang, Intl.NumberFormat>();
function integerFormat(lang: Lang): Intl.NumberFormat {
  let f = integerFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(LANG_TAG[lang]);
    integerFormats.set(lang, f);
  }
  return f;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The translate function of one dictionary in one language (outside React: stores, pure text helpers). */
export function translator<D extends Dict>(dict: D, lang: Lang): Translate<D> {
  const t = (key: string, params?: Readonly<Record<string, Param>>): string => {
    const entry = dict[key] as Entry | undefined;
    if (!entry) throw new Error(`i18n: no entry "${key}" in this dictionary.`);
    const template = entry[lang];
    if (typeof template === "function") return (template as (p: unknown) => string)(params);
    if (!params) return template;
    return template.replace(PLACEHOLDER, (whole, name: string) => {
      const v = params[name];
      return v === undefined ? whole : typeof v === "number" ? formatNumber(v, lang) : v;
    });
  };
  return Object.assign(t, { lang }) as unknown as Translate<D>;
}

/** The English and Chinese of one entry at once, for a message a store keeps (the UI shows msg[lang]). */
export function msgOf<D extends Dict, K extends keyof D & string>(dict: D, key: K, ...args: ArgsOf<D[K]>): Msg {
  return { en: translator(dict, "en")(key, ...args), zh: translator(dict, "zh")(key, ...args) };
}

/** Like msgOf, when a parameter is itself worded per language (a setting's name inside a sentence). */
export function msgPer<D extends Dict, K extends keyof D & string>(dict: D, key: K, params: (lang: Lang) => NonNullable<ParamsOf<D[K]>>): Msg {
  const say = (lang: Lang) => (translator(dict, lang) as unknown as (k: K, p: unknown) => string)(key, params(lang));
  return { en: say("en"), zh: say("zh") };
}

/** A message that has no translation: the same text in both languages (engine and worker details). */
export function untranslated(text: string): Msg {
  return { en: text, zh: text };
}

/** The translate function for the current language; the component re-renders when the language changes. */
export function useT<D extends Dict>(dict: D): Translate<D> {
  const lang = useLang();
  return useMemo(() => translator(dict, lang), [dict, lang]);
}

/** A ?lang= link also becomes the remembered choice, so the next page opened stays in that language. */
export function useRememberUrlLang(): void {
  useEffect(() => {
    const fromUrl = langFromHash(window.location.hash);
    if (fromUrl) rememberLang(fromUrl);
  }, []);
}

/** Keeps <html lang> on the current language, so screen readers, fonts and hyphenation follow it. */
export function useDocumentLang(lang: Lang): void {
  useEffect(() => {
    document.documentElement.lang = LANG_TAG[lang];
  }, [lang]);
}
