// test/setup.ts: jest-dom matchers for component tests (harmless in Node-environment tests).
import "@testing-library/jest-dom/vitest";
