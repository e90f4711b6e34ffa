// scripts/bundle-report.mjs: what each route makes the browser download on a first visit, from the build's manifest.
//
// Per route: the entry chunk, the route's lazy page chunk (and, for a lesson, its MDX chunk and the widgets it
// embeds), with every chunk they import statically; raw and gzip sizes, CSS, and the training worker the page
// starts (off the main thread, but still downloaded). Fails when any route's first-load JavaScript exceeds the budget.
//
// Usage (after `vite build`, which writes dist/.vite/manifest.json): node scripts/bundle-report.mjs [--readme] [--dist DIR]
//   --readme  also rewrites the table between the bundle-report markers in README.md
//   --dist    reads another build directory (`vite build --outDir DIR`) instead of dist/
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const distArg = process.argv.indexOf("--dist");
const dist = distArg >= 0 && process.argv[distArg + 1] ? process.argv[distArg + 1] : join(root, "dist");
/** Every route's first load, gzip, in bytes (250 kB): a visit may start on any page from a shared link. */
const JS_BUDGET_GZIP = 250_000;
const README_START = "<!-- bundle-report:start -->";
const README_END = "<!-- bundle-report:end -->";

let manifest;
try {
  manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));
} catch (e) {
  console.error(
    `bundle-report: cannot read dist/.vite/manifest.json (${e.message}).\n` +
      "Build first (`npx vite build`, or `npm run bundle:report`, which builds); vite.config.ts must set build.manifest: true.",
  );
  process.exit(1);
}

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entryKey) {
  console.error("bundle-report: the manifest names no entry chunk (isEntry); is dist/ a Vite build of index.html?");
  process.exit(1);
}

/** Route patterns and the module each lazy page comes from, read from the route table itself. */
function routesFromSource() {
  const source = readFileSync(join(root, "src/app/routes.tsx"), "utf8");
  const routes = [];
  const blocks = source.split(/(?=pattern:\s*")/).slice(1);
  for (const block of blocks) {
    const pattern = /^pattern:\s*"([^"]+)"/.exec(block)[1];
    const lazyImport = /import\("([^"]+)"\)/.exec(block.split(/\n\s*\},?\s*\n/)[0]);
    const module = lazyImport ? join("src/app", lazyImport[1]).replace(/\\/g, "/") : null;
    routes.push({ pattern, module });
  }
  return routes;
}

/** The manifest key of a source module, trying the extensions a lazy import may leave out. */
function keyOf(module) {
  for (const ext of ["", ".tsx", ".ts", ".jsx", ".js", ".mdx"]) if (manifest[module + ext]) return module + ext;
  throw new Error(`bundle-report: ${module} is not in the manifest; was dist/ built from this source tree?`);
}

/** Lesson widget names (<Widget name="…" />) and the module each lazy-loads, from src/lessons/registry.ts. */
function lessonWidgets() {
  const source = readFileSync(join(root, "src/lessons/registry.ts"), "utf8");
  const map = new Map();
  for (const m of source.matchAll(/"?([\w-]+)"?:\s*lazy\(\(\)\s*=>\s*import\("\.\/widgets\/([\w-]+)"\)\)/g)) {
    map.set(m[1], `src/lessons/widgets/${m[2]}`);
  }
  return map;
}

/** Every chunk the keys need before they run: themselves and their static imports, transitively (not dynamic ones). */
function closure(keys) {
  const seen = new Set();
  const visit = (k) => {
    if (seen.has(k)) return;
    seen.add(k);
    for (const i of manifest[k].imports ?? []) visit(i);
  };
  keys.forEach(visit);
  return seen;
}

const sizeCache = new Map();
function sizeOf(file) {
  if (!sizeCache.has(file)) {
    const bytes = readFileSync(join(dist, file));
    sizeCache.set(file, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return sizeCache.get(file);
}

function measure(keys) {
  const chunks = closure(keys);
  const js = new Set();
  const css = new Set();
  const workers = new Set();
  for (const k of chunks) {
    const c = manifest[k];
    js.add(c.file);
    for (const f of c.css ?? []) css.add(f);
    for (const f of c.assets ?? []) if (f.endsWith(".js")) workers.add(f);
  }
  const sum = (files, kind) => [...files].reduce((n, f) => n + sizeOf(f)[kind], 0);
  return {
    files: js.size,
    jsRaw: sum(js, "raw"),
    jsGzip: sum(js, "gzip"),
    cssGzip: sum(css, "gzip"),
    workerGzip: sum(workers, "gzip"),
  };
}

const widgets = lessonWidgets();
const rows = [];
for (const { pattern, module } of routesFromSource()) {
  if (!module) {
    // Home and "not found" ("*") ship in the entry chunk.
    rows.push({ route: pattern === "*" ? "/no-such-page (not found)" : pattern, ...measure([entryKey]) });
    continue;
  }
  const page = keyOf(module);
  if (pattern === "/lessons/:slug") {
    // One row per lesson: its compiled MDX and the widgets it embeds load with it.
    const dir = join(root, "lessons", "en");
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".mdx")).sort()) {
      const slug = basename(file, ".mdx");
      const mdx = readFileSync(join(dir, file), "utf8");
      const used = [...new Set([...mdx.matchAll(/<Widget\b[^>]*\bname="([\w-]+)"/g)].map((m) => m[1]))];
      const widgetKeys = used.filter((n) => widgets.has(n)).map((n) => keyOf(widgets.get(n)));
      rows.push({ route: `/lessons/${slug}`, ...measure([entryKey, page, keyOf(`lessons/en/${slug}`), ...widgetKeys]) });
    }
    continue;
  }
  rows.push({ route: pattern, ...measure([entryKey, page]) });
}

const kB = (n) => (n / 1000).toFixed(1);
const header = ["route", "JS files", "JS raw (kB)", "JS gzip (kB)", "CSS gzip (kB)", "worker JS gzip (kB)"];
const lines = [
  `| ${header.join(" | ")} |`,
  `| ${header.map((h, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
  ...rows.map((r) => `| \`#${r.route}\` | ${r.files} | ${kB(r.jsRaw)} | ${kB(r.jsGzip)} | ${kB(r.cssGzip)} | ${r.workerGzip ? kB(r.workerGzip) : "–"} |`),
];
const table = lines.join("\n");
const heaviest = rows.reduce((a, b) => (b.jsGzip > a.jsGzip ? b : a));
const note =
  `First load per route, measured on \`vite build\` output (gzip level 9, kB = 1,000 bytes). ` +
  `Budget for every route: ${kB(JS_BUDGET_GZIP)} kB of JS gzip; the heaviest, \`#${heaviest.route}\`, loads ${kB(heaviest.jsGzip)} kB.`;

console.log(`\n${note}\n\n${table}\n`);

if (process.argv.includes("--readme")) {
  const path = join(root, "README.md");
  const readme = readFileSync(path, "utf8");
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) {
    console.error(`bundle-report: README.md has no ${README_START} … ${README_END} markers; the table was not written.`);
    process.exit(1);
  }
  writeFileSync(path, `${readme.slice(0, start + README_START.length)}\n${note}\n\n${table}\n${readme.slice(end)}`);
  console.log("bundle-report: README.md updated.");
}

const over = rows.filter((r) => r.jsGzip > JS_BUDGET_GZIP);
if (over.length > 0) {
  for (const r of over) {
    console.error(`bundle-report: #${r.route} loads ${kB(r.jsGzip)} kB of JavaScript (gzip) on a first visit, over the ${kB(JS_BUDGET_GZIP)} kB budget.`);
  }
  console.error(
    "bundle-report: move what these pages do not need at once behind a lazy import (src/app/routes.tsx, src/lessons/registry.ts), " +
      "or raise the budget with a reason.",
  );
  process.exit(1);
}
