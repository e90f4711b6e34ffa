// vitest.e2e.config.ts: browser tests (test/e2e/*.e2e.ts) in Node, driving the system Chromium against dist/.
// Run through `npm run test:e2e` (scripts/e2e.mjs), which installs Chromium if needed and builds dist/ first.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    include: ["test/e2e/**/*.e2e.ts"],
    globalSetup: ["test/e2e/globalSetup.ts"],
    // Two cores: one test file (one Chromium) at a time keeps timings steady and the machine usable.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ["default"],
  },
});
