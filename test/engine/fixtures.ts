// test/engine/fixtures.ts: reads the shared PyTorch conformance fixtures (../shared/conformance, never copied here).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseFixture, type Fixture } from "../../src/engine/conformance";

const here = dirname(fileURLToPath(import.meta.url));
/** The shared folder sits beside the repository root. */
export const PUBLIC_FIXTURES = resolve(here, "../../../shared/conformance/public");

export function loadFixtures(dir = PUBLIC_FIXTURES): Fixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => parseFixture(JSON.parse(readFileSync(join(dir, f), "utf8")) as unknown, f));
}
