// @vitest-environment jsdom
// test/components/hostileKeys.test.tsx: setting and lock names that are built-in object properties ("constructor",
// "__proto__", "toString", …) are simply unknown settings: no widget crashes or goes blank (issue 19).
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../../src/app/App";
import { readSineUrl } from "../../src/store/sineUrl";
import { readGradUrl } from "../../src/store/gradUrl";
import { readCharUrl } from "../../src/store/charUrl";
import { resolveEmbed } from "../../src/embed/config";
import { lockedSettings } from "../../src/store/locks";
import { SINE_SCHEMA } from "../../src/store/sineSettings";
import { defaults, parseField } from "../../src/store/schema";

const BUILT_INS = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "__defineGetter__", "isPrototypeOf", "prototype"];
const ROUTES = ["/playground/sine", "/visualizer/gradients", "/lab/chars"];
const QUERIES = [
  ...BUILT_INS.map((k) => `${k}=1`),
  ...BUILT_INS.map((k) => `lock=${k}`),
  "embed=1&lock=hasOwnProperty&hasOwnProperty=1",
  "embed=1&lock=constructor,__proto__&panels=toString,valueOf",
];

afterEach(() => {
  cleanup();
});

describe.each(ROUTES)("%s with a built-in property as a setting or lock", (route) => {
  it.each(QUERIES)("?%s: the page shows, with the parameter named as not a setting", async (query) => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    window.history.replaceState(null, "", `#${route}?${query}`);
    render(<App />);
    expect((await screen.findAllByRole("heading", { level: 1 }, { timeout: 15_000 })).length).toBeGreaterThan(0);
    expect(screen.queryByText(/could not be shown/i)).not.toBeInTheDocument();
    expect(document.body.textContent.length).toBeGreaterThan(100);
  }, 30_000);
});

describe("the readers", () => {
  it.each(BUILT_INS)("%s is not a setting of any widget, and its value is never used", (key) => {
    for (const read of [readSineUrl, readGradUrl, readCharUrl]) {
      const r = read(`#/x?${key}=1`);
      expect(r.warnings.some((w) => w.includes(key))).toBe(true);
      expect(Object.hasOwn(r.settings, key)).toBe(false);
    }
    expect(lockedSettings(SINE_SCHEMA, { [key]: 1 })).toEqual({});
    const config = resolveEmbed(`#/playground/sine?embed=1&lock=${key}`);
    expect(config.problems.length).toBeGreaterThan(0);
    expect(Object.keys(config.locks)).toEqual([]);
  });

  it("numbers are decimal only: hex, binary, octal and Infinity are refused", () => {
    for (const raw of ["0x10", "0b101", "0o7", "Infinity", "1e400", " ", "1_000"]) {
      expect(parseField(SINE_SCHEMA.lr, raw).ok).toBe(false);
    }
    for (const raw of ["0.01", "1e-3", ".5", "+0.2"]) expect(parseField(SINE_SCHEMA.lr, raw).ok).toBe(true);
    expect(readSineUrl("#/playground/sine?lr=0x10").settings.lr).toBe(defaults(SINE_SCHEMA).lr);
  });
});
