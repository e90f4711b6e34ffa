// vitest.pytorch.config.ts: interoperability tests against real PyTorch (test/pytorch/*.test.ts spawn /usr/bin/python3).
// Run through `npm run test:pytorch` (scripts/pytorch.mjs), which installs Debian's python3-torch first if needed.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    include: ["test/pytorch/**/*.test.ts"],
    // Each file starts Python processes that load torch (~1–2 s each): one file at a time on two cores.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
