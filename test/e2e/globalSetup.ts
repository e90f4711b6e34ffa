// test/e2e/globalSetup.ts: serves the built site (dist/) on 127.0.0.1 at a free port for the browser tests.
// scripts/e2e.mjs builds first; the tests then see exactly what a static host would serve.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { preview } from "vite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The built site's URL, ending in "/" (e.g. "http://127.0.0.1:41234/"). */
    baseUrl: string;
  }
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(join(root, "dist", "index.html"))) {
    throw new Error(
      "The browser tests need the built site, but dist/index.html does not exist. " +
        "Run `npm run test:e2e` (it builds first), or `npx vite build` and then this command again.",
    );
  }
  // Port 0: the OS picks a free port, so a running dev server or a parallel run never collides with us.
  const server = await preview({
    root,
    logLevel: "warn",
    // "mpa": a missing file is a 404, as on a static host; the default "spa" answers it with index.html (200).
    appType: "mpa",
    preview: { host: "127.0.0.1", port: 0, strictPort: true, open: false },
  });
  const baseUrl = server.resolvedUrls?.local[0];
  if (!baseUrl) {
    await server.close();
    throw new Error("vite preview started but reported no local URL to point the browser at.");
  }
  project.provide("baseUrl", baseUrl);
  return () => server.close();
}
