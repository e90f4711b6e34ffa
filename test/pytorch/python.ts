// test/pytorch/python.ts: runs Python with real PyTorch (Debian's /usr/bin/python3 with python3-torch; npm run
// test:pytorch installs it or says what to install) and hands back what it printed.
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const PYTHON = "/usr/bin/python3";
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Runs `python3 <args>` in `cwd` with `input` on stdin; returns stdout, or throws with what Python said. */
export function python(args: readonly string[], options: { cwd?: string; input?: string } = {}): string {
  const r = spawnSync(PYTHON, args, {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? "",
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1", PYTHONHASHSEED: "0" },
  });
  if (r.error) throw new Error(`Could not start ${PYTHON}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${PYTHON} ${args.join(" ")} failed (${r.status ?? r.signal}):\n${r.stderr}`);
  return r.stdout;
}

/** ‖a − e‖∞ / max(1, ‖e‖∞): the error measure of the interoperability checks. */
export function maxRelErr(a: ArrayLike<number>, e: ArrayLike<number>): number {
  if (a.length !== e.length) return Infinity;
  let d = 0;
  let m = 1;
  for (let i = 0; i < e.length; i++) {
    d = Math.max(d, Math.abs(a[i] - e[i]));
    m = Math.max(m, Math.abs(e[i]));
  }
  return d / m;
}
