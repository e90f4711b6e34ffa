// src/store/locks.ts: settings a course locked (lock=… in the link): the stores keep their values whatever asks.
import { msgPer, type Msg } from "../i18n";
import { LOCKS } from "../i18n/kit";
import { labelOf, parseField, specOf, type FieldSpec, type Schema, type SettingValue, type Values } from "./schema";

/** The locks of a link as a widget's typed settings, each value checked again against the widget's own schema. */
export function lockedSettings<S extends Schema>(schema: S, locks: Readonly<Record<string, SettingValue>>): Partial<Values<S>> {
  const out: Record<string, SettingValue> = {};
  for (const [key, value] of Object.entries(locks)) {
    const spec = specOf(schema, key);
    if (!spec) continue;
    const parsed = parseField(spec, value);
    if (parsed.ok) out[key] = parsed.value;
  }
  return out as Partial<Values<S>>;
}

export function isLockedKey<T extends object>(locked: Partial<T> | undefined, key: keyof T): boolean {
  return locked !== undefined && Object.hasOwn(locked, key);
}

/** `settings` with the locked values over them. */
export function withLocks<T extends object>(settings: T, locked: Partial<T> | undefined): T {
  return locked ? { ...settings, ...locked } : settings;
}

/** The locked keys whose value would differ in `next`: a change that must be refused. */
export function lockedChanges<T extends object>(current: T, next: T, locked: Partial<T> | undefined): (keyof T & string)[] {
  if (!locked) return [];
  return (Object.keys(locked) as (keyof T & string)[]).filter((k) => next[k] !== current[k]);
}

/** How a setting's value reads in a sentence: booleans as on/off, the rest as written in a link. */
function valueText(value: unknown, lang: "en" | "zh"): string {
  if (value === true) return lang === "zh" ? "开" : "on";
  if (value === false) return lang === "zh" ? "关" : "off";
  return String(value);
}

/** "Learning rate is set by your course (locked) at 0.01; it cannot be changed here." */
export function lockedRefusal(spec: FieldSpec, value: unknown): Msg {
  return msgPer(LOCKS, "lockedRefusal", (lang) => ({ label: labelOf(spec, lang), value: valueText(value, lang) }));
}

/** Why a one-click remedy (halve the learning rate, clip) cannot run: it would change locked settings. */
export function lockedRemedyRefusal(schema: Schema, keys: readonly string[]): Msg {
  return msgPer(LOCKS, "lockedRemedy", (lang) => ({
    labels: keys.map((k) => {
      const spec = specOf(schema, k);
      return spec ? (lang === "en" ? labelOf(spec, lang).toLowerCase() : labelOf(spec, lang)) : k;
    }).join(lang === "zh" ? "和" : " and "),
  }));
}
