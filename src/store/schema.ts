// src/store/schema.ts: declarative settings schemas: one table per widget validates URL, props and controls alike.
import { msgOf, msgPer, type Lang, type Msg } from "../i18n";
import { CONTROLS } from "../i18n/controls";

/** `label` is the setting's English name, `labelZh` its Simplified Chinese one (test/components/i18n.test.tsx checks each schema has both). */
type Labels = { label: string; labelZh?: string };
export type FieldSpec =
  | ({ kind: "int"; min: number; max: number; default: number } & Labels)
  | ({ kind: "number"; min: number; max: number; default: number; /** exclusive lower bound */ minExclusive?: boolean } & Labels)
  | ({ kind: "enum"; options: readonly string[]; default: string } & Labels)
  | ({ kind: "bool"; default: boolean } & Labels);

export type Schema = Record<string, FieldSpec>;
/** A setting's value: what a link, a lock or a control holds. */
export type SettingValue = string | number | boolean;
export type Values<S extends Schema> = { [K in keyof S]: S[K] extends { kind: "bool" } ? boolean : S[K] extends { kind: "enum" } ? string : number };

/** A failure carries its message in both languages (`message`); `error` is the English one. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string; message: Msg };

/** The setting's name in `lang`. */
export function labelOf(spec: FieldSpec, lang: Lang): string {
  return lang === "zh" ? (spec.labelZh ?? spec.label) : spec.label;
}

/** The setting's name in both languages, to build messages with. */
export function labelMsg(spec: FieldSpec): Msg {
  return { en: spec.label, zh: labelOf(spec, "zh") };
}

/**
 * The field named `key`, or undefined: only the schema's own keys count, so a key from a link, a message or a saved
 * record named like a built-in property ("constructor", "__proto__", "toString") is simply not a setting.
 */
export function specOf(schema: Schema, key: string): FieldSpec | undefined {
  return Object.hasOwn(schema, key) ? schema[key] : undefined;
}

/** A plain decimal number as a person writes it ("0.01", "-3", "1e-4"); no hex, binary, octal or "Infinity". */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function refused(message: Msg): { ok: false; error: string; message: Msg } {
  return { ok: false, error: message.en, message };
}

/** Parses one raw value (a URL string, a control's value) against its field; the error says what is allowed. */
export function parseField(spec: FieldSpec, raw: unknown): ParseResult<number | string | boolean> {
  const label = labelMsg(spec);
  switch (spec.kind) {
    case "bool": {
      if (raw === true || raw === "1" || raw === "true" || raw === "on") return { ok: true, value: true };
      if (raw === false || raw === "0" || raw === "false" || raw === "off") return { ok: true, value: false };
      return refused(msgPer(CONTROLS, "mustBeOnOff", (lang) => ({ label: label[lang] })));
    }
    case "enum": {
      const s = String(raw);
      if (spec.options.includes(s)) return { ok: true, value: s };
      return refused(msgPer(CONTROLS, "mustBeOneOf", (lang) => ({ label: label[lang], options: spec.options.join(", ") })));
    }
    case "int":
    case "number": {
      const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : "";
      const v = DECIMAL.test(text) ? Number(text) : NaN;
      const isMinExclusive = spec.kind === "number" && spec.minExclusive === true;
      const bad = !Number.isFinite(v) || (spec.kind === "int" && !Number.isInteger(v)) || v > spec.max || (isMinExclusive ? v <= spec.min : v < spec.min);
      if (!bad) return { ok: true, value: v };
      const problem = { isInteger: spec.kind === "int", min: spec.min, max: spec.max, isMinExclusive, got: text.slice(0, 20) };
      return refused(msgPer(CONTROLS, "mustBeInRange", (lang) => ({ ...problem, label: label[lang] })));
    }
  }
}

export function defaults<S extends Schema>(schema: S): Values<S> {
  const out: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(schema)) out[k] = f.default;
  return out as Values<S>;
}

/**
 * Reads every known key from URL parameters; bad or unknown ones are listed and left at default: in `messages`
 * in both languages, and in `warnings` in English (the same list).
 */
export function fromParams<S extends Schema>(schema: S, params: URLSearchParams, base: Values<S> = defaults(schema), ignore: readonly string[] = []): { values: Values<S>; warnings: string[]; messages: Msg[] } {
  const values: Record<string, unknown> = { ...base };
  const messages: Msg[] = [];
  for (const [key, raw] of params) {
    if (ignore.includes(key)) continue;
    const spec = specOf(schema, key);
    if (!spec) {
      messages.push(msgOf(CONTROLS, "notASetting", { key: key.slice(0, 40) }));
      continue;
    }
    const r = parseField(spec, raw);
    if (r.ok) values[key] = r.value;
    else {
      const param = `${key}=${raw.slice(0, 20)}`;
      messages.push(msgPer(CONTROLS, "badParam", (lang) => ({ param, error: r.message[lang] })));
    }
  }
  return { values: values as Values<S>, warnings: messages.map((m) => m.en), messages };
}

/** Writes the values that differ from the defaults (so links stay short) as URL parameters. */
export function toParams<S extends Schema>(schema: S, values: Values<S>): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, f] of Object.entries(schema)) {
    const v = (values as Record<string, unknown>)[k];
    if (v === f.default) continue;
    p.set(k, typeof v === "boolean" ? (v ? "1" : "0") : String(v));
  }
  return p;
}
