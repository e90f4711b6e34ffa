// scripts/data/extract-names.mjs: English first names labelled female or male, for the classification lab.
//
//   node scripts/data/extract-names.mjs      (or: npm run data:extract -- names)
//
// Writes public/data/names.tsv: a header line `label<TAB>name`, then `female<TAB>Abagael` … in the order of the
// source lists (female first). A name that appears in both lists (Alexis, Jody, …) has no single answer and is
// left out of both; duplicates within a list are kept once.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageDir, writeExtract } from "./stdlib.mjs";

function names(key) {
  const text = readFileSync(join(packageDir(key), "data", "names.txt"), "utf8");
  return [...new Set(text.split(/\r?\n/).map((s) => s.trim()).filter((s) => s !== ""))];
}

const female = names("femaleNames");
const male = names("maleNames");
const maleKeys = new Set(male.map((s) => s.toLowerCase()));
const both = new Set(female.map((s) => s.toLowerCase()).filter((s) => maleKeys.has(s)));
const lines = ["label\tname"];
for (const [label, list] of [["female", female], ["male", male]]) {
  const kept = list.filter((s) => !both.has(s.toLowerCase()));
  process.stdout.write(`${label}: ${list.length} names, ${kept.length} kept\n`);
  for (const s of kept) lines.push(`${label}\t${s}`);
}
process.stdout.write(`${both.size} names in both lists left out\n`);
writeExtract("names.tsv", lines.join("\n") + "\n");
