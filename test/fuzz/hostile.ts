// test/fuzz/hostile.ts: seeded generators of hostile input (issue 19), shared by the Node fuzz tests and the Chromium one.
// A small self-contained PRNG (mulberry32) so the e2e file can use it without the engine.

export interface Fuzz {
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

export function fuzz(seed: number): Fuzz {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
}

/** Keys named like built-in object properties: looked up on a plain object, each finds something. */
export const PROTO_KEYS = [
  "constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "__defineGetter__", "__lookupGetter__",
  "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "prototype", "length", "name", "then",
] as const;

/** Number spellings that `Number()` reads but a person does not mean, and values that overflow. */
export const NON_DECIMAL = ["0x10", "0x1F", "0b101", "0o17", "Infinity", "-Infinity", "NaN", "1e999", "-1e999", " ", "", "1_000", "1,5.2", "١٢", "１２", "+-1", "1e", ".", "e5", "0x", "--1"] as const;

export const EXTREME_DECIMAL = ["1.7e308", "-1.7e308", "1e-320", "5e-324", "0", "-0", "1e308", "9".repeat(400), "0." + "0".repeat(500) + "1", "123456789012345678901234567890"] as const;

const WEIRD = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "%00", "%ZZ", "%", "&&&", "===", "\u202e\u0000", "😀", "中文", "\ud800", "a".repeat(5000), "null", "undefined", "true", "[]", "{}", "-1", "1.5", "2", "1000000"] as const;

/** A hostile value for a setting. */
export function hostileValue(f: Fuzz): string {
  switch (f.int(4)) {
    case 0:
      return f.pick(NON_DECIMAL);
    case 1:
      return f.pick(EXTREME_DECIMAL);
    case 2:
      return f.pick(WEIRD);
    default:
      return String(f.int(3) === 0 ? -f.int(1e6) : f.int(2000)) + (f.chance(0.3) ? "." + String(f.int(1000)) : "");
  }
}

/**
 * A hostile query string for a widget with settings `keys`: prototype keys, unknown and duplicated keys, bad
 * values, locks and panels of anything (raw, not URL-encoded where an attacker would not encode).
 */
/** encodeURIComponent, or the raw text where it cannot be encoded (a lone surrogate). */
function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s;
  }
}

export function hostileQuery(f: Fuzz, keys: readonly string[]): string {
  const parts: string[] = [];
  const n = 1 + f.int(5);
  for (let i = 0; i < n; i++) {
    const key = f.int(3) === 0 ? f.pick(PROTO_KEYS) : f.int(4) === 0 ? f.pick(["embed", "lock", "panels", "frameId", "lang", "preset", "", "%", "a".repeat(3000)]) : f.pick(keys);
    const value = key === "lock" || key === "panels" ? (f.chance(0.5) ? f.pick(PROTO_KEYS) : f.pick(keys)) + (f.chance(0.3) ? "," + f.pick(PROTO_KEYS) : "") : hostileValue(f);
    parts.push(f.chance(0.1) ? key : `${encode(key)}=${f.chance(0.8) ? encode(value) : value}`);
  }
  return parts.join("&");
}

/** A hostile CSV text (small enough for a Node loop): bad numbers, overflow, separators, quotes, binary. */
export function hostileCsv(f: Fuzz): string {
  const rows = 5 + f.int(60);
  const sep = f.pick([",", ";", "\t", "|", ""]);
  const lines: string[] = [];
  if (f.chance(0.4)) lines.push(f.pick(["price", "date,price", "a;b", "\"x\",\"y\"", PROTO_KEYS[f.int(PROTO_KEYS.length)], "a".repeat(2000)]));
  for (let r = 0; r < rows; r++) {
    const cell = (): string => (f.chance(0.9) ? String((f.int(2000) - 1000) / 7) : f.chance(0.5) ? f.pick(NON_DECIMAL) : f.pick(EXTREME_DECIMAL));
    lines.push(f.chance(0.5) ? cell() : `${cell()}${sep}${cell()}`);
  }
  if (f.chance(0.2)) lines.push(String.fromCharCode(...Array.from({ length: 20 }, () => f.int(0x10000))));
  return lines.join(f.pick(["\n", "\r\n", "\r", "\n\n"]));
}

/** Hostile text bytes for the character lab: invalid UTF-8, NUL, lone surrogates, one symbol, huge vocabularies. */
export function hostileTextBytes(f: Fuzz): Uint8Array {
  switch (f.int(6)) {
    case 0:
      return Uint8Array.from({ length: 1 + f.int(400) }, () => f.int(256));
    case 1:
      return new TextEncoder().encode("ok text " + "\u0000" + "more");
    case 2:
      return new TextEncoder().encode("x".repeat(1 + f.int(3000)));
    case 3:
      return new TextEncoder().encode(Array.from({ length: 200 + f.int(5000) }, () => String.fromCodePoint(0x4e00 + f.int(20000))).join(""));
    case 4:
      return new TextEncoder().encode(f.chance(0.5) ? "" : "   \n\t  ");
    default:
      return Uint8Array.of(0xef, 0xbb, 0xbf, ...new TextEncoder().encode("hello\r\nworld\r"), ...(f.chance(0.5) ? [0xe4, 0xb8] : []));
  }
}
