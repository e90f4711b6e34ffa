// src/data/decimal.ts: numbers as people write them in decimal, and nothing else.
//
// `Number()` also reads "0x1F" (31), "0b101" (5), "0o7", "Infinity" and "" (0); a learner's CSV, a settings field or
// a link never means those. Only an optional sign, digits with an optional decimal point, and an optional exponent.

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Whether `s` (already trimmed) is written as a decimal number, whatever its size. */
export function isDecimal(s: string): boolean {
  return DECIMAL.test(s);
}

/**
 * The value of a decimal number written in `s` (surrounding spaces allowed), or NaN when `s` is anything else
 * (hexadecimal, binary, octal, "Infinity", empty) or too large for a float64 ("1e999").
 */
export function parseDecimal(s: string): number {
  const t = s.trim();
  if (t.length > 400 || !DECIMAL.test(t)) return NaN;
  const v = Number(t);
  return Number.isFinite(v) ? v : NaN;
}
