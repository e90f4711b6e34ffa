// scripts/check-cycles.mjs: fails when folders of src/ import each other in a cycle (part of `npm run lint`).
// Layers point one way (engine ← data ← worker ← store ← viz/widgets ← app); a cycle between folders means a
// module reaches back up. Reads every import and export-from of src/**/*.{ts,tsx} with a regular expression.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "src");
const IMPORT = /(?:import|export)\s+(?:type\s+)?(?:[^"';]*?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts") ? [p] : [];
  });
}

/** The top folder of src/ a path is in ("engine", "widgets"), or null for a file directly in src/. */
function folderOf(path) {
  const parts = relative(root, path).split(sep);
  return parts.length > 1 ? parts[0] : null;
}

const edges = new Map(); // folder → Map(folder → example "file → import")
for (const file of files(root)) {
  const from = folderOf(file);
  if (!from) continue;
  const text = readFileSync(file, "utf8");
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    if (!spec.startsWith(".")) continue;
    const to = folderOf(resolve(dirname(file), spec));
    if (!to || to === from || resolve(dirname(file), spec).startsWith(root) === false) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    if (!edges.get(from).has(to)) edges.get(from).set(to, `${relative(root, file)} → ${spec}`);
  }
}

// Strongly connected components (Tarjan): any with more than one folder is a cycle.
let index = 0;
const stack = [];
const info = new Map();
const cycles = [];
function visit(v) {
  info.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of edges.get(v)?.keys() ?? []) {
    if (!info.has(w)) {
      visit(w);
      info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
    } else if (info.get(w).onStack) {
      info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
    }
  }
  if (info.get(v).low === info.get(v).index) {
    const comp = [];
    let w;
    do {
      w = stack.pop();
      info.get(w).onStack = false;
      comp.push(w);
    } while (w !== v);
    if (comp.length > 1) cycles.push(comp);
  }
}
for (const v of edges.keys()) if (!info.has(v)) visit(v);

if (cycles.length === 0) {
  console.log(`No import cycle between the ${edges.size} folders of src/.`);
} else {
  for (const comp of cycles) {
    console.error(`Import cycle between folders of src/: ${comp.sort().join(", ")}`);
    for (const a of comp) for (const [b, example] of edges.get(a) ?? []) if (comp.includes(b)) console.error(`  ${a} → ${b}: ${example}`);
  }
  process.exit(1);
}
