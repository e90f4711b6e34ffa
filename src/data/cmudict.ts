// src/data/cmudict.ts: spelling → pronunciation pairs from public/data/cmudict.tsv, and a seeded held-out split by word.
import { createRng } from "../engine/rng";
import { DataInputError, excerpt } from "./messages";

/** The 39 ARPAbet phonemes of CMUdict (vowels carry a stress digit 0, 1 or 2 in the file). */
export const ARPABET = [
  "AA", "AE", "AH", "AO", "AW", "AY", "B", "CH", "D", "DH", "EH", "ER", "EY", "F", "G", "HH", "IH", "IY", "JH", "K",
  "L", "M", "N", "NG", "OW", "OY", "P", "R", "S", "SH", "T", "TH", "UH", "UW", "V", "W", "Y", "Z", "ZH",
] as const;

export interface Pronunciation {
  /** Lower-case letters a–z. */
  readonly word: string;
  /** ARPAbet symbols, e.g. ["AH", "B", "AO", "R", "D"] (with stress: ["AH0", "B", "AO1", "R", "D"]). */
  readonly phonemes: readonly string[];
}

/**
 * Parses cmudict.tsv (`word<TAB>phonemes`). With `stress` false (the default) the stress digits are dropped, which
 * leaves the 39 ARPAbet phonemes: what a word sounds like, not which syllable is stressed (a separate, harder
 * question that would almost double the output vocabulary).
 */
export function parseCmudict(text: string, stress = false): Pronunciation[] {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  if (lines[0] !== "word\tphonemes") {
    throw new DataInputError({ code: "badHeader", values: { file: "cmudict.tsv", expected: "word<TAB>phonemes", found: excerpt(lines[0] ?? "") } });
  }
  const known = new Set<string>(ARPABET);
  return lines.slice(1).map((line, i) => {
    const [word, phones, extra] = line.split("\t");
    const symbols = (phones ?? "").split(" ");
    const ok = extra === undefined && /^[a-z]+$/.test(word) && symbols.every((s) => known.has(s.replace(/[012]$/, "")));
    if (!ok) throw new DataInputError({ code: "badRow", values: { file: "cmudict.tsv", line: i + 2, text: excerpt(line) } });
    return { word, phonemes: stress ? symbols : symbols.map((s) => s.replace(/[012]$/, "")) };
  });
}

export interface WordSplit<T> {
  readonly train: T[];
  readonly validation: T[];
  readonly test: T[];
}

/** A seeded random split of items (words never seen in training are the test); fractions of the whole. */
export function splitItems<T>(items: readonly T[], validationFraction: number, testFraction: number, seed: number): WordSplit<T> {
  const rng = createRng(seed);
  const order = Array.from(items.keys());
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const nTest = Math.round(items.length * testFraction);
  const nValidation = Math.round(items.length * validationFraction);
  const pick = (from: number, to: number): T[] => order.slice(from, to).sort((a, b) => a - b).map((i) => items[i]);
  return { test: pick(0, nTest), validation: pick(nTest, nTest + nValidation), train: pick(nTest + nValidation, order.length) };
}
