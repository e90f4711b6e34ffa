// src/data/dates.ts: human-written dates → ISO YYYY-MM-DD, generated from a seed (the classic attention demonstration).
// Pure: usable in a worker. Dates run from 1950-01-01 to 2049-12-31, so a two-digit year has one reading
// (50–99 → 19yy, 00–49 → 20yy). Slashes are month first (US: 03/04/21 is 4 March); dots with the year last are
// day first (European: 04.03.2021); dots with the year first are year, month, day (2021.03.04).
import { createRng } from "../engine/rng";

export const DATE_FORMATS = [
  "dMonthY", // 3 March 2021
  "dMonY", // 3 Mar 2021
  "monthDY", // March 3, 2021
  "monDYY", // Mar 3, 21
  "weekdayMonthDthY", // Wednesday, March 3rd 2021
  "wkdDMonY", // Wed 3 Mar 2021
  "theDthOfMonthY", // the 3rd of March, 2021
  "usSlashYY", // 03/03/21  (MM/DD/YY)
  "usSlash", // 3/3/2021  (M/D/YYYY)
  "euDots", // 03.03.2021  (DD.MM.YYYY)
  "isoDots", // 2021.03.03
  "lowerMonthDY", // march 3 2021
  "compact", // 20210303
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;
/** Sunday first, as Date.getUTCDay numbers them. */
export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

export const FIRST_YEAR = 1950;
export const LAST_YEAR = 2049;

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 22nd, 23rd, 31st. */
export function ordinal(d: number): string {
  const teen = d % 100 >= 11 && d % 100 <= 13;
  const suffix = teen ? "th" : (["th", "st", "nd", "rd"][d % 10] ?? "th");
  return `${d}${suffix}`;
}

/** The ISO form YYYY-MM-DD (the target of every pair). */
export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Day of the week of a date of the Gregorian calendar, 0 = Sunday. */
export function weekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The date written in one of DATE_FORMATS (month 1–12). */
export function formatDate(year: number, month: number, day: number, format: DateFormat): string {
  const monthName = MONTHS[month - 1];
  const mon = monthName.slice(0, 3);
  const yy = pad2(year % 100);
  const wd = WEEKDAYS[weekday(year, month, day)];
  switch (format) {
    case "dMonthY":
      return `${day} ${monthName} ${year}`;
    case "dMonY":
      return `${day} ${mon} ${year}`;
    case "monthDY":
      return `${monthName} ${day}, ${year}`;
    case "monDYY":
      return `${mon} ${day}, ${yy}`;
    case "weekdayMonthDthY":
      return `${wd}, ${monthName} ${ordinal(day)} ${year}`;
    case "wkdDMonY":
      return `${wd.slice(0, 3)} ${day} ${mon} ${year}`;
    case "theDthOfMonthY":
      return `the ${ordinal(day)} of ${monthName}, ${year}`;
    case "usSlashYY":
      return `${pad2(month)}/${pad2(day)}/${yy}`;
    case "usSlash":
      return `${month}/${day}/${year}`;
    case "euDots":
      return `${pad2(day)}.${pad2(month)}.${year}`;
    case "isoDots":
      return `${year}.${pad2(month)}.${pad2(day)}`;
    case "lowerMonthDY":
      return `${monthName.toLowerCase()} ${day} ${year}`;
    case "compact":
      return `${year}${pad2(month)}${pad2(day)}`;
  }
}

export interface DatePair {
  /** The date as a person might write it. */
  readonly source: string;
  /** YYYY-MM-DD. */
  readonly target: string;
  readonly format: DateFormat;
}

const DAY_MS = 86_400_000;

/**
 * n pairs: each a day drawn uniformly from FIRST_YEAR-01-01 … LAST_YEAR-12-31 and a format drawn uniformly from
 * `formats`. The same seed gives the same pairs.
 */
export function generateDates(n: number, seed: number, formats: readonly DateFormat[] = DATE_FORMATS): DatePair[] {
  if (formats.length === 0) throw new RangeError("generateDates: no formats to choose from.");
  const rng = createRng(seed);
  const first = Date.UTC(FIRST_YEAR, 0, 1);
  const days = (Date.UTC(LAST_YEAR, 11, 31) - first) / DAY_MS + 1;
  const out: DatePair[] = [];
  for (let i = 0; i < n; i++) {
    const d = new Date(first + rng.int(days) * DAY_MS);
    const year = d.getUTCFullYear();
    const month = d.getUTCMonth() + 1;
    const day = d.getUTCDate();
    const format = formats[rng.int(formats.length)];
    out.push({ source: formatDate(year, month, day, format), target: isoDate(year, month, day), format });
  }
  return out;
}

export interface DateSplit {
  readonly train: DatePair[];
  readonly validation: DatePair[];
  readonly test: DatePair[];
}

/**
 * Pairs for training, validation and test with no source string in two parts (or twice in one), so test accuracy
 * is on dates written in ways the model has not seen. Drawn like generateDates (duplicates are drawn again).
 */
export function generateDateSplit(sizes: { train: number; validation: number; test: number }, seed: number, formats: readonly DateFormat[] = DATE_FORMATS): DateSplit {
  const total = sizes.train + sizes.validation + sizes.test;
  const seen = new Set<string>();
  const unique: DatePair[] = [];
  // Each round draws what is still missing; with ~475,000 possible strings, repeats are rare and the loop short.
  for (let round = 0; unique.length < total; round++) {
    if (round > 50) throw new RangeError(`Cannot draw ${total} distinct dates from formats ${formats.join(", ")}.`);
    for (const p of generateDates(total - unique.length, seed + round * 7919, formats)) {
      if (seen.has(p.source)) continue;
      seen.add(p.source);
      unique.push(p);
    }
  }
  return {
    train: unique.slice(0, sizes.train),
    validation: unique.slice(sizes.train, sizes.train + sizes.validation),
    test: unique.slice(sizes.train + sizes.validation),
  };
}
