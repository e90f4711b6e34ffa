// src/store/schema.ts: declarative settings schemas: one table per widget validates URL, props and controls alike.

export type FieldSpec =
  | { kind: "int"; label: string; min: number; max: number; default: number }
  | { kind: "number"; label: string; min: number; max: number; default: number; /** exclusive lower bound */ minExclusive?: boolean }
  | { kind: "enum"; label: string; options: readonly string[]; default: string }
  | { kind: "bool"; label: string; default: boolean };

export type Schema = Record<string, FieldSpec>;
export type Values<S extends Schema> = { [K in keyof S]: S[K] extends { kind: "bool" } ? boolean : S[K] extends { kind: "enum" } ? string : number };

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Parses one raw value (a URL string, a control's value) against its field; the error says what is allowed. */
export function parseField(spec: FieldSpec, raw: unknown): ParseResult<number | string | boolean> {
  switch (spec.kind) {
    case "bool": {
      if (raw === true || raw === "1" || raw === "true" || raw === "on") return { ok: true, value: true };
      if (raw === false || raw === "0" || raw === "false" || raw === "off") return { ok: true, value: false };
      return { ok: false, error: `${spec.label} must be on or off.` };
    }
    case "enum": {
      const s = String(raw);
      return spec.options.includes(s) ? { ok: true, value: s } : { ok: false, error: `${spec.label} must be one of ${spec.options.join(", ")}.` };
    }
    case "int":
    case "number": {
      const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : "";
      const v = text === "" ? NaN : Number(text);
      const range = spec.kind === "number" && spec.minExclusive ? `above ${spec.min} and up to ${spec.max}` : `from ${spec.min} to ${spec.max}`;
      const what = spec.kind === "int" ? "a whole number" : "a number";
      const bad = !Number.isFinite(v) || (spec.kind === "int" && !Number.isInteger(v)) || v > spec.max ||
        (spec.kind === "number" && spec.minExclusive ? v <= spec.min : v < spec.min);
      return bad ? { ok: false, error: `${spec.label} must be ${what} ${range}${text === "" ? "" : `, not ${text.slice(0, 20)}`}.` } : { ok: true, value: v };
    }
  }
}

export function defaults<S extends Schema>(schema: S): Values<S> {
  const out: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(schema)) out[k] = f.default;
  return out as Values<S>;
}

/** Reads every known key from URL parameters; bad or unknown ones are listed in `warnings` and left at default. */
export function fromParams<S extends Schema>(schema: S, params: URLSearchParams, base: Values<S> = defaults(schema), ignore: readonly string[] = []): { values: Values<S>; warnings: string[] } {
  const values: Record<string, unknown> = { ...base };
  const warnings: string[] = [];
  for (const [key, raw] of params) {
    if (ignore.includes(key)) continue;
    const spec = schema[key] as FieldSpec | undefined;
    if (!spec) {
      warnings.push(`"${key}" is not a setting of this widget.`);
      continue;
    }
    const r = parseField(spec, raw);
    if (r.ok) values[key] = r.value;
    else warnings.push(`${key}=${raw.slice(0, 20)}: ${r.error}`);
  }
  return { values: values as Values<S>, warnings };
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
