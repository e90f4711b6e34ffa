// src/viz/scales.ts: extents, domains, ticks and index picking shared by the charts (pure functions).
import { scaleLinear, type ScaleContinuousNumeric } from "d3";

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Margins of the line charts: room for y tick labels on the left and the x axis title below. */
export const LINE_MARGIN: Margin = { top: 14, right: 16, bottom: 38, left: 58 };

/** The default chart width before the container has been measured (and always in jsdom). */
export const FALLBACK_WIDTH = 640;

export const isFiniteNumber = (v: number): boolean => Number.isFinite(v);
/** What a log axis can show: zero, negatives and non-finite values are gaps. */
export const isPositiveFinite = (v: number): boolean => v > 0 && Number.isFinite(v);

/** [min, max] over the values that pass `keep`, across arrays; null when none do. */
export function extentWhere(arrays: readonly ArrayLike<number>[], keep: (v: number) => boolean): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (!keep(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/** A log-axis domain over positive values; one decade around 1 when there are none, ×/÷2 when flat. */
export function logDomain(positive: [number, number] | null): [number, number] {
  if (!positive) return [0.1, 1];
  const [lo, hi] = positive;
  if (lo === hi) return [lo / 2, hi * 2];
  return [lo, hi];
}

/** A linear domain that is never empty (a flat series gets ±1 or ±10% around its value). */
export function linearDomain(ext: [number, number] | null): [number, number] {
  if (!ext) return [-1, 1];
  const [lo, hi] = ext;
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return [lo - pad, hi + pad];
  }
  return [lo, hi];
}

/**
 * Ticks for a log axis. Across two or more decades only powers of ten, thinned to at most `maxTicks`:
 * d3's log ticks would label 2, 3, … 9 of every decade, far too many for a 160-pixel chart.
 */
export function logTicks(scale: ScaleContinuousNumeric<number, number>, maxTicks: number): number[] {
  const [a, b] = scale.domain();
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const e0 = Math.ceil(Math.log10(lo) - 1e-9);
  const e1 = Math.floor(Math.log10(hi) + 1e-9);
  if (e1 - e0 >= 1) {
    const every = Math.ceil((e1 - e0 + 1) / Math.max(1, maxTicks));
    const ticks: number[] = [];
    for (let e = e0; e <= e1; e += every) ticks.push(10 ** e);
    return ticks;
  }
  // Less than two decades: linear-looking ticks inside the domain read better.
  return scaleLinear([lo, hi], [0, 1]).ticks(Math.max(2, Math.min(maxTicks, 4)));
}

/** Integer ticks in [lo, hi] (timesteps, units, rows): at most about `count` of them. */
export function integerTicks(lo: number, hi: number, count: number): number[] {
  if (hi < lo) return [];
  if (hi === lo) return [lo];
  return scaleLinear([lo, hi], [0, 1])
    .ticks(Math.max(1, count))
    .filter((v) => Number.isInteger(v));
}

/** 0, 1, … n − 1: the data a d3 generator walks when the values live in typed arrays. */
export function indices(n: number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** At most `max` indices of 0 … n − 1, evenly spaced, always including the first and the last. */
export function evenlySpaced(n: number, max: number): number[] {
  if (n <= max) return indices(n);
  if (max <= 1) return [n - 1];
  const out: number[] = [];
  for (let k = 0; k < max; k++) {
    const i = Math.round((k * (n - 1)) / (max - 1));
    if (out.length === 0 || out[out.length - 1] !== i) out.push(i);
  }
  return out;
}

/**
 * Indices to draw when a series has far more points than pixels: per bucket of the index range, the first
 * point, the minimum and the maximum, in order, so spikes and gaps survive (a plain stride would drop them).
 * A bucket holding a value that fails `keep` contributes that index too, so the line still breaks there.
 */
export function decimateMinMax(values: ArrayLike<number>, n: number, buckets: number, keep: (v: number) => boolean): number[] {
  if (n <= buckets * 3) return indices(n);
  const out: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * n) / buckets);
    const end = Math.floor(((b + 1) * n) / buckets);
    let iMin = -1;
    let iMax = -1;
    let iGap = -1;
    for (let i = start; i < end; i++) {
      const v = values[i];
      if (!keep(v)) {
        if (iGap < 0) iGap = i;
        continue;
      }
      if (iMin < 0 || v < values[iMin]) iMin = i;
      if (iMax < 0 || v > values[iMax]) iMax = i;
    }
    const picked = [start, iMin, iMax, iGap, end - 1].filter((i) => i >= 0);
    picked.sort((p, q) => p - q);
    for (const i of picked) if (out[out.length - 1] !== i) out.push(i);
  }
  return out;
}

/** Clamps an index to 0 … count − 1. */
export function clampIndex(i: number, count: number): number {
  return Math.max(0, Math.min(count - 1, i));
}
