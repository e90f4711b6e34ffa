// scripts/data/extract.mjs: remakes the data extracts in public/data from the pinned @stdlib data packages.
//
//   npm run data:extract                 every extract
//   npm run data:extract -- spam names   only those (series, spam, names, cmudict)
//
// The packages are packed into a cache outside the repository (see stdlib.mjs); nothing is installed.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SETS = { series: "extract-series.mjs", spam: "extract-spam.mjs", names: "extract-names.mjs", cmudict: "extract-cmudict.mjs" };
const wanted = process.argv.slice(2);
for (const w of wanted) {
  if (!(w in SETS)) {
    process.stderr.write(`Unknown data set "${w}"; choose from: ${Object.keys(SETS).join(", ")}.\n`);
    process.exit(2);
  }
}
const here = dirname(fileURLToPath(import.meta.url));
for (const name of wanted.length > 0 ? wanted : Object.keys(SETS)) {
  execFileSync(process.execPath, [join(here, SETS[name])], { stdio: "inherit" });
}
