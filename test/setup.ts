// test/setup.ts: jest-dom matchers for component tests (harmless in Node-environment tests), and a patient
// findBy*/waitFor in jsdom: lazily loaded pages are transformed on first import, which can take seconds on a
// loaded 2-core machine. This is how long a query may wait for something to appear, not a timing assertion.
import "@testing-library/jest-dom/vitest";

if (typeof document !== "undefined") {
  const { configure } = await import("@testing-library/react");
  configure({ asyncUtilTimeout: 15_000 });
}
