// src/data/csv.ts: a user's own series: one numeric CSV column, checked, standardised and cut into windows.
import { parseDecimal } from "./decimal";
import type { SeriesDataset } from "./series";

export const MAX_CSV_CHARS = 20_000_000;
export const MAX_SERIES_VALUES = 1_000_000;
/** Most characters the paste box takes (~20,000 rows); larger series are uploaded as files and read in a worker. */
export const MAX_PASTE_CHARS = 200_000;

export interface ParsedColumn {
  values: Float64Array;
  /** The header of the column, when the first row was not numeric. */
  name: string | null;
}

export class SeriesInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SeriesInputError";
  }
}

/** At most `max` characters of an input for a message, so a hostile file is not echoed in full. */
function quote(s: string, max = 30): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

function splitRow(line: string, sep: string): string[] {
  return line.split(sep).map((c) => c.trim().replace(/^"(.*)"$/, "$1"));
}

/**
 * Reads one column of numbers from CSV text (comma, semicolon or tab separated; one optional header row).
 * `column` is a 0-based index or a header name; by default the last column (a date column usually comes first).
 */
export function parseCsvColumn(text: string, column?: number | string): ParsedColumn {
  if (text.length > MAX_CSV_CHARS) throw new SeriesInputError(`The file has ${text.length.toLocaleString("en")} characters; the limit is ${MAX_CSV_CHARS.toLocaleString("en")}. Use a shorter series.`);
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines.length === 0) throw new SeriesInputError("The CSV is empty: paste or upload a column of numbers, one per line.");
  const first = lines[0];
  const sep = first.includes("\t") ? "\t" : first.includes(";") ? ";" : ",";
  const head = splitRow(first, sep);
  // Decimal numbers only ("0x1F", "0b101", "Infinity" and "1e999" are not); semicolon-separated files usually come
  // from locales that write decimal commas ("2,5").
  const readCell = (s: string): number => parseDecimal(sep === ";" ? s.replace(",", ".") : s);
  const isNumber = (s: string): boolean => !Number.isNaN(readCell(s));
  const hasHeader = !head.every(isNumber) && head.some((c) => !isNumber(c));
  let col: number;
  if (typeof column === "string") {
    col = head.indexOf(column);
    if (!hasHeader || col < 0) throw new SeriesInputError(`There is no column named "${quote(column)}"; the columns are ${quote(head.join(", "), 200)}.`);
  } else {
    col = column ?? head.length - 1;
    if (col < 0 || col >= head.length) throw new SeriesInputError(`Column ${col + 1} does not exist; the CSV has ${head.length} column(s).`);
  }
  const rows = hasHeader ? lines.slice(1) : lines;
  if (rows.length > MAX_SERIES_VALUES) throw new SeriesInputError(`The series has ${rows.length.toLocaleString("en")} rows; the limit is ${MAX_SERIES_VALUES.toLocaleString("en")}. Use the most recent part.`);
  const values = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const cells = splitRow(rows[i], sep);
    const cell = cells[col] ?? "";
    const v = readCell(cell);
    if (Number.isNaN(v)) {
      const line = i + 1 + (hasHeader ? 1 : 0);
      throw new SeriesInputError(`Line ${line}: "${quote(cell)}" is not a number. Every row needs a decimal number (such as 12.5 or -3e2) in column ${col + 1}${hasHeader ? ` ("${quote(head[col])}")` : ""}.`);
    }
    values[i] = v;
  }
  return { values, name: hasHeader ? head[col] : null };
}

/**
 * Standardises a series (x − mean) / std and cuts it into overlapping windows of T + horizon values; the last
 * `validationFraction` of the series (in time) is held out, so validation never sees the training period.
 */
export function makeSeriesDataset(values: Float64Array, T: number, horizon: number, validationFraction: number, future = 50): SeriesDataset {
  const n = values.length;
  if (n < 2) throw new SeriesInputError(`The series has ${n} value${n === 1 ? "" : "s"}; at least ${T + horizon + 2} are needed for windows of ${T} steps predicting ${horizon} ahead.`);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (values[i] - mean) ** 2;
  const std = Math.sqrt(v / n);
  // Values near ±1.8e308 are floats, but their sum or spread is not: refused rather than "mean 0, std ∞".
  if (!Number.isFinite(mean) || !Number.isFinite(std)) {
    let largest = 0;
    for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(values[i]));
    throw new SeriesInputError(`Values as large as ${largest.toPrecision(3)} make the series' mean or spread too large to compute. Rescale the series (divide every value by the same power of ten).`);
  }
  if (!(std > 0)) throw new SeriesInputError("Every value in the series is the same; there is nothing to predict.");
  const z = values.map((x) => (x - mean) / std);
  const win = T + horizon;
  const split = Math.floor(n * (1 - validationFraction));
  if (split < win + 1 || n - split < win) {
    throw new SeriesInputError(`The series has ${n} values: too few for training and validation windows of ${win} values (sequence length ${T} + horizon ${horizon}). Shorten the sequence length or add data.`);
  }
  // Stride keeps at most ~4,000 training windows however long the series is.
  const stride = Math.max(1, Math.floor((split - win) / 4000));
  const train: Float64Array[] = [];
  for (let s = 0; s + win <= split; s += stride) train.push(z.slice(s, s + win));
  const validation: Float64Array[] = [];
  for (let s = split; s + win <= n; s += Math.max(1, Math.floor(win / 2))) {
    // Keep what follows the window (up to `future` values) for the free-running comparison of the first one.
    validation.push(z.slice(s, Math.min(n, s + win + future)));
  }
  return { T, horizon, future: Math.max(0, validation[0].length - win), train, validation, mean, std };
}
