/// <reference types="vitest/config" />
// vite.config.ts: one config for the dev server, the static build and the jsdom/Node unit tests.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import mdx from "@mdx-js/rollup";
import remarkMath from "remark-math";
import rehypeKatex from "rehype-katex";

export default defineConfig({
  // Relative base: the built site works from any static host path and inside iframes.
  base: "./",
  // MDX first ("pre"), so react() sees the JSX it produces; maths is typeset by KaTeX at build time.
  plugins: [{ enforce: "pre", ...mdx({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }) }, react()],
  worker: { format: "es" },
  // manifest: dist/.vite/manifest.json maps each module to its chunk, for scripts/bundle-report.mjs.
  build: { target: "es2022", sourcemap: true, manifest: true },
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 4173 },
  test: {
    globals: true,
    // Engine tests run in Node; component tests opt into jsdom with a file-level comment.
    environment: "node",
    include: ["test/engine/**/*.test.ts", "test/worker/**/*.test.ts", "test/data/**/*.test.ts", "test/audio/**/*.test.ts", "test/fuzz/**/*.test.ts", "test/components/**/*.test.{ts,tsx}"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 60_000,
  },
});
