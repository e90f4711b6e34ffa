// scripts/data/extract-series.mjs: daily US births (1969–1988, 2000–2014) and one sensor series, as small CSVs.
//
//   node scripts/data/extract-series.mjs      (or: npm run data:extract -- series)
//
// Writes public/data/births-1969-1988.csv, births-2000-2014.csv (columns date,births; one row per day, ISO dates)
// and sensor-temperature.csv (columns seconds,temperature: an outdoor TelosB mote's readings every 5 s).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageDir, writeExtract } from "./stdlib.mjs";

function readCsv(path) {
  const [head, ...rows] = readFileSync(path, "utf8").trim().split(/\r?\n/);
  const names = head.split(",");
  return rows.map((r) => Object.fromEntries(r.split(",").map((v, i) => [names[i], v])));
}

const pad = (n) => String(n).padStart(2, "0");

function births(folder, outName) {
  const rows = readCsv(join(packageDir("umbrella"), folder, "data", "data.csv"));
  let prev = null;
  const lines = ["date,births"];
  for (const r of rows) {
    const date = `${r.year}-${pad(r.month)}-${pad(r.date_of_month)}`;
    const day = Date.UTC(Number(r.year), Number(r.month) - 1, Number(r.date_of_month));
    // The series must be daily without gaps: the lab's seasonal period 7 counts rows, not dates.
    if (prev !== null && day - prev !== 86_400_000) throw new Error(`${folder}: ${date} does not follow the previous row by one day.`);
    const n = Number(r.births);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${folder}: ${date} has births "${r.births}".`);
    prev = day;
    lines.push(`${date},${n}`);
  }
  writeExtract(outName, lines.join("\n") + "\n");
}

function sensor() {
  // Mote 3 of the single-hop deployment: outdoors, no introduced events (label 0 throughout), ~7 hours, the evening cooling.
  const path = join(packageDir("umbrella"), "suthaharan-single-hop-sensor-network", "data", "singlehop_outdoor_moteid3_data.txt");
  const [, ...rows] = readFileSync(path, "utf8").trim().split(/\r?\n/);
  const lines = ["seconds,temperature"];
  let expected = 1;
  for (const row of rows) {
    const [reading, , , temperature, label] = row.split("\t");
    if (Number(reading) !== expected) throw new Error(`sensor: reading ${reading} where ${expected} was expected.`);
    if (label.trim() !== "0") throw new Error(`sensor: reading ${reading} is labelled as an introduced event.`);
    const t = Number(temperature);
    if (!Number.isFinite(t)) throw new Error(`sensor: reading ${reading} has temperature "${temperature}".`);
    lines.push(`${(expected - 1) * 5},${t}`);
    expected++;
  }
  writeExtract("sensor-temperature.csv", lines.join("\n") + "\n");
}

births("cdc-nchs-us-births-1969-1988", "births-1969-1988.csv");
births("ssa-us-births-2000-2014", "births-2000-2014.csv");
sensor();
