// scripts/pytorch.mjs: interoperability tests against real PyTorch: make sure Debian's python3-torch is there, then
// run vitest on test/pytorch. Like scripts/e2e.mjs with Chromium: installs it with apt-get when run as root, else
// stops saying exactly what to install. Extra arguments go to vitest (e.g. a test file).
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
/** Debian's Python: python3-torch installs torch for it only (another python3 may come first on PATH). */
const PYTHON = "/usr/bin/python3";

/** Runs a command with inherited stdio (stdin closed: CI has none); returns its exit code. */
function run(cmd, args, env = process.env) {
  console.log(`\n[pytorch] $ ${[cmd, ...args].join(" ")}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"], env });
  if (result.error) {
    console.error(`[pytorch] could not start ${cmd}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

function hasTorch() {
  const r = spawnSync(PYTHON, ["-c", "import torch; print(torch.__version__)"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (r.status === 0) {
    console.log(`[pytorch] ${PYTHON} has torch ${r.stdout.trim()}`);
    return true;
  }
  return false;
}

function ensureTorch() {
  if (hasTorch()) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `[pytorch] The PyTorch interoperability tests need torch for ${PYTHON}, and it is not installed.\n` +
        "[pytorch] Install Debian's package, then run the tests again:\n\n" +
        "    sudo apt-get install python3-torch\n",
    );
    process.exit(1);
  }
  console.log("[pytorch] torch is missing; installing Debian's python3-torch with apt-get (1–2 min).");
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (run("apt-get", ["update"], aptEnv) !== 0 || run("apt-get", ["install", "-y", "python3-torch"], aptEnv) !== 0) {
    console.error("[pytorch] apt-get could not install python3-torch; see its output above.");
    process.exit(1);
  }
  if (!hasTorch()) {
    console.error(`[pytorch] apt-get installed python3-torch, but ${PYTHON} still cannot import torch.`);
    process.exit(1);
  }
}

ensureTorch();
process.exit(run(join(root, "node_modules", ".bin", "vitest"), ["run", "--config", "vitest.pytorch.config.ts", ...process.argv.slice(2)]));
