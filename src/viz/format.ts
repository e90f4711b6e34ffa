// src/viz/format.ts: how numbers read in chart labels, readouts and data tables.
import { format } from "d3";

const sig3 = format(".3~g");
const exp3 = format(".3~e");
const grouped = format(",");

/**
 * A value to about three significant digits: 0.51, 0.0042, 1.23e−7. Non-finite values are spelled out
 * (a diverged run shows "NaN" or "∞", never a blank). Negative numbers use the minus sign U+2212 (d3's default).
 */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "∞";
  if (v === -Infinity) return "−∞";
  if (v === 0) return "0";
  const a = Math.abs(v);
  // Past these bounds fixed notation grows long ("0.0000123"), so switch to an exponent.
  // d3 writes the number's own sign as "−" but leaves JavaScript's "e-" in the exponent: make them match.
  // ".3~g" also switches to an exponent, from 1,000 on when more than three digits would be needed (76,543 → 7.65e+4).
  return (a < 1e-3 || a >= 1e5 ? exp3(v) : sig3(v)).replace("e-", "e−").replace("e+", "e");
}

/** A count or step number with thousands separators: 1,200. */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? grouped(n) : formatValue(n);
}

/** Label of a log-axis tick: decades read 0.001 … 1000, beyond that 1e−5, 1e6. */
export function formatLogTick(v: number): string {
  const e = Math.log10(v);
  if (Number.isInteger(e) && Math.abs(e) >= 4) return `1e${e < 0 ? "−" : ""}${Math.abs(e)}`;
  return formatValue(v);
}

/** "1 value", "3 values", "1,200 timesteps": a count with its noun in the right number. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}
