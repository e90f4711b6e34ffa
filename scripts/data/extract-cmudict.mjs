// scripts/data/extract-cmudict.mjs: spelling → pronunciation pairs from the CMU Pronouncing Dictionary.
//
//   node scripts/data/extract-cmudict.mjs      (or: npm run data:extract -- cmudict)
//
// Writes public/data/cmudict.tsv: a header line `word<TAB>phonemes`, then `aboard<TAB>AH0 B AO1 R D` … sorted.
// Which words (CMUdict has ~134,000 entries, many of them rare names and abbreviations):
//   - words of 3–12 letters a–z only (no apostrophes, digits or dots), in lower case;
//   - the dictionary's first pronunciation only (variants "WORD(1)" are left out, so each word has one answer);
//   - only words that occur in two English texts of the same umbrella package: Moby-Dick (moby-dick/) and the
//     US State of the Union addresses 1790–2016 (sotu/), which keeps everyday words and leaves out most of
//     the dictionary's surnames and brand names;
//   - not more phonemes than letters + 1: that leaves out abbreviations read letter by letter ("aaa", "fbi",
//     "mrs"), whose spelling says nothing about their sound; "box" (B AA K S) stays.
// About 24,000 words remain.
// Stress: the extract keeps CMUdict's stress digits on vowels (AH0, EY1, AW2), so nothing is lost; the loader
// (src/data/cmudict.ts) strips them by default, which leaves the 39 ARPAbet phonemes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageDir, sortedFiles, writeExtract } from "./stdlib.mjs";

const MIN_LETTERS = 3;
const MAX_LETTERS = 12;

const umbrella = packageDir("umbrella");
const seen = new Set();
for (const folder of ["moby-dick", "sotu"]) {
  const dir = join(umbrella, folder, "data");
  for (const file of sortedFiles(dir)) {
    if (!file.endsWith(".txt")) continue;
    for (const w of readFileSync(join(dir, file), "utf8").toLowerCase().split(/[^a-z]+/)) {
      if (w.length >= MIN_LETTERS && w.length <= MAX_LETTERS) seen.add(w);
    }
  }
}

const lines = [];
const dict = readFileSync(join(packageDir("cmudict"), "data", "dict.txt"), "utf8");
for (const line of dict.split(/\r?\n/)) {
  const m = /^([A-Z]+)\s+([A-Z0-9 ]+)$/.exec(line.trim());
  if (!m) continue; // variants "WORD(1)", words with apostrophes or dots, comments
  const word = m[1].toLowerCase();
  if (!seen.has(word)) continue;
  const phonemes = m[2].trim().split(/\s+/);
  if (phonemes.length > word.length + 1) continue;
  lines.push(`${word}\t${phonemes.join(" ")}`);
}
lines.sort();
process.stdout.write(`${lines.length} words\n`);
writeExtract("cmudict.tsv", "word\tphonemes\n" + lines.join("\n") + "\n");
