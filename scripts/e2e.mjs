// scripts/e2e.mjs: real-browser tests: make sure Debian's Chromium is there, build the site, run vitest on test/e2e.
// Never downloads a browser build: playwright-core drives the system Chromium at /usr/bin/chromium.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const CHROMIUM = "/usr/bin/chromium";
const bin = (name) => join(root, "node_modules", ".bin", name);

/** Runs a command with inherited stdio (stdin closed: CI has none); returns its exit code. */
function run(cmd, args, env = process.env) {
  console.log(`\n[e2e] $ ${[cmd, ...args].join(" ")}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"], env });
  if (result.error) {
    console.error(`[e2e] could not start ${cmd}: ${result.error.message}`);
    return 1;
  }
  // A command killed by a signal has status null: report it as a failure, not success.
  return result.status ?? 1;
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `[e2e] The browser tests need Chromium at ${CHROMIUM}, and it is not installed.\n` +
        "[e2e] Install Debian's package, then run the tests again:\n\n" +
        "    sudo apt-get install chromium\n",
    );
    process.exit(1);
  }
  console.log(`[e2e] ${CHROMIUM} is missing; installing Debian's chromium package with apt-get (about 40 s).`);
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (run("apt-get", ["update"], aptEnv) !== 0 || run("apt-get", ["install", "-y", "chromium"], aptEnv) !== 0) {
    console.error("[e2e] apt-get could not install chromium; see its output above.");
    process.exit(1);
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`[e2e] apt-get installed chromium, but ${CHROMIUM} still does not exist.`);
    process.exit(1);
  }
}

ensureChromium();

const buildStatus = run(bin("vite"), ["build", "--logLevel", "warn"]);
if (buildStatus !== 0) {
  console.error("[e2e] vite build failed; the browser tests need the built site in dist/.");
  process.exit(buildStatus);
}

// The first-load budget (home page JS under 250 kB gzip) is checked on the same build the browser tests use.
const budgetStatus = run(process.execPath, [join(root, "scripts", "bundle-report.mjs")]);
if (budgetStatus !== 0) process.exit(budgetStatus);

process.exit(run(bin("vitest"), ["run", "--config", "vitest.e2e.config.ts", ...process.argv.slice(2)]));
