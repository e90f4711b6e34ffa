// test/engine/fixtures.ts: reads the PyTorch conformance fixtures kept in the repository (test/fixtures/conformance; format: docs/conformance.md).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseFixture, type Fixture } from "../../src/engine/conformance";

const here = dirname(fileURLToPath(import.meta.url));
/** Version 1 fixtures (made by PyTorch 1.13 in float64); version 2 ones sit beside them in public-v2/. */
export const PUBLIC_FIXTURES = resolve(here, "../fixtures/conformance/public");
export const PUBLIC_V2_FIXTURES = resolve(here, "../fixtures/conformance/public-v2");

export function loadFixtures(dir = PUBLIC_FIXTURES): Fixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => parseFixture(JSON.parse(readFileSync(join(dir, f), "utf8")) as unknown, f));
}
