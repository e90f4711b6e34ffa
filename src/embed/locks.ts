// src/embed/locks.ts: settings a course locked (lock=… in the link): the stores keep their values whatever asks.
import type { FieldSpec, Schema, Values } from "../store/schema";
import { parseField, specOf } from "../store/schema";
import type { SettingValue } from "./EmbedContext";
import { EMBED_TEXT, formatSettingValue } from "./text";

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

/** "Learning rate is set by your course (locked) at 0.01; it cannot be changed here." */
export function lockedRefusal(spec: FieldSpec, value: unknown): string {
  return EMBED_TEXT.lockedRefusal(spec.label, formatSettingValue(value));
}

/** Why a one-click remedy (halve the learning rate, clip) cannot run: it would change locked settings. */
export function lockedRemedyRefusal(schema: Schema, keys: readonly string[]): string {
  return EMBED_TEXT.lockedRemedy(keys.map((k) => specOf(schema, k)?.label.toLowerCase() ?? k).join(" and "));
}
