// src/viz/colors.ts: colour ramps for heatmaps (with lookup tables built once) and styles for line series.
import { color, interpolateLab, interpolateViridis, piecewise, schemeRdBu } from "d3";

/** Entries in each lookup table: finer than the eye can tell apart; odd, so 0 of a diverging ramp gets its exact middle. */
const LUT_SIZE = 257;

export interface ColorRamp {
  /** diverging: 0 is the neutral middle, negatives one hue and positives another; sequential: low to high. */
  readonly kind: "diverging" | "sequential";
  /** Colour at position p in [0, 1] of the ramp. */
  readonly at: (p: number) => string;
  /** LUT_SIZE colours as RGBA bytes, for painting ImageData without parsing a colour per pixel. */
  readonly lut: Uint8ClampedArray;
}

function buildLut(at: (p: number) => string): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(LUT_SIZE * 4);
  for (let k = 0; k < LUT_SIZE; k++) {
    const c = color(at(k / (LUT_SIZE - 1)))?.rgb();
    if (!c) throw new Error(`Colour ramp gave an unreadable colour at ${k / (LUT_SIZE - 1)}: "${at(k / (LUT_SIZE - 1))}".`);
    lut[k * 4] = c.r;
    lut[k * 4 + 1] = c.g;
    lut[k * 4 + 2] = c.b;
    lut[k * 4 + 3] = 255;
  }
  return lut;
}

function ramp(kind: ColorRamp["kind"], at: (p: number) => string): ColorRamp {
  return { kind, at, lut: buildLut(at) };
}

/**
 * Blue for negative, near-white (#f7f7f7) at exactly 0, red for positive: RdBu turned round so "hot" means
 * positive. Built piecewise from the 11-colour scheme rather than d3.interpolateRdBu, whose smoothing spline
 * puts a pinkish grey at the middle; a learner reads "no colour" as "zero".
 */
export const DIVERGING: ColorRamp = ramp("diverging", piecewise(interpolateLab, [...schemeRdBu[11]].reverse()));
/** Dark purple for 0 (a closed gate) to yellow for 1 (an open gate); readable in grey too. */
export const SEQUENTIAL: ColorRamp = ramp("sequential", interpolateViridis);

/**
 * NaN and ±∞ (a diverged run): magenta, a hue neither ramp contains, and named in every legend that shows it.
 */
export const NON_FINITE_COLOR = "#ff00ff";
const NON_FINITE_RGB = [255, 0, 255] as const;

/**
 * Where v sits on the ramp, from 0 to 1, clamped. A diverging ramp keeps 0 at its middle even when the
 * domain is lopsided (each side is stretched separately, as d3.scaleDiverging does). NaN for non-finite v.
 */
export function rampPosition(v: number, domain: readonly [number, number], kind: ColorRamp["kind"]): number {
  if (!Number.isFinite(v)) return NaN;
  const [lo, hi] = domain;
  let p: number;
  if (kind === "diverging" && lo < 0 && hi > 0) {
    p = v < 0 ? 0.5 - (0.5 * v) / lo : 0.5 + (0.5 * v) / hi;
  } else {
    p = hi === lo ? 0.5 : (v - lo) / (hi - lo);
  }
  return Math.max(0, Math.min(1, p));
}

/**
 * Writes one RGBA pixel per value of `grid` (row-major, as displayed) into `out`.
 * Overwrites out; returns how many values were not finite.
 */
export function paintGrid(
  out: Uint8ClampedArray,
  grid: ArrayLike<number>,
  rampIn: ColorRamp,
  domain: readonly [number, number],
): number {
  const { lut, kind } = rampIn;
  let nonFinite = 0;
  for (let i = 0; i < grid.length; i++) {
    const p = rampPosition(grid[i], domain, kind);
    const o = i * 4;
    if (Number.isNaN(p)) {
      nonFinite++;
      out[o] = NON_FINITE_RGB[0];
      out[o + 1] = NON_FINITE_RGB[1];
      out[o + 2] = NON_FINITE_RGB[2];
      out[o + 3] = 255;
      continue;
    }
    const k = Math.round(p * (LUT_SIZE - 1)) * 4;
    out[o] = lut[k];
    out[o + 1] = lut[k + 1];
    out[o + 2] = lut[k + 2];
    out[o + 3] = 255;
  }
  return nonFinite;
}

/** The default heatmap domain for signed values: symmetric about 0 from the largest |v|, else [−1, 1]. */
export function symmetricDomain(values: ArrayLike<number>): [number, number] {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (Number.isFinite(a) && a > m) m = a;
  }
  return m > 0 ? [-m, m] : [-1, 1];
}

export interface SeriesStyle {
  /** A CSS colour (custom properties from viz.css, so dark mode can lighten them). */
  readonly color: string;
  /** stroke-dasharray: each series differs in dash as well as hue, so colour is never the only channel. */
  readonly dash: string;
}

/** Okabe–Ito hues (told apart with the common colour-vision deficiencies), each with its own dash. */
export const SERIES_STYLES: readonly SeriesStyle[] = [
  { color: "var(--viz-c0)", dash: "" },
  { color: "var(--viz-c1)", dash: "7 4" },
  { color: "var(--viz-c2)", dash: "2 3" },
  { color: "var(--viz-c3)", dash: "10 3 2 3" },
  { color: "var(--viz-c4)", dash: "4 2" },
  { color: "var(--viz-c5)", dash: "12 4" },
];

export const seriesStyle = (i: number): SeriesStyle => SERIES_STYLES[i % SERIES_STYLES.length];
