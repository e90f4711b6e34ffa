// test/fuzz/inputs.test.ts: the seeded fuzz suite over the page's parsers (issue 19): links (settings, locks,
// panels) of every widget, CSV series, text files and messages from other windows. Model files have theirs
// (test/engine/io-fuzz.test.ts); the built site gets the same inputs in Chromium (test/e2e/fuzz.e2e.ts).
import { describe, expect, it } from "vitest";
import { makeSeriesDataset, parseCsvColumn, SeriesInputError } from "../../src/data/csv";
import { parseDecimal } from "../../src/data/decimal";
import { checkText, decodeUtf8, normalizeText, TextInputError } from "../../src/data/text";
import { resolveEmbed } from "../../src/embed/config";
import { isRequestSize } from "../../src/embed/messages";
import { parseField, type Schema } from "../../src/store/schema";
import { SINE_SCHEMA } from "../../src/store/sineSettings";
import { CHAR_SCHEMA } from "../../src/store/charSettings";
import { GRAD_SCHEMA } from "../../src/store/gradSettings";
import { readSineUrl } from "../../src/store/sineUrl";
import { readCharUrl } from "../../src/store/charUrl";
import { readGradUrl } from "../../src/store/gradUrl";
import { EXTREME_DECIMAL, fuzz, hostileCsv, hostileQuery, hostileTextBytes, NON_DECIMAL, PROTO_KEYS } from "./hostile";

const CASES = 400;
/** No message may echo a hostile input in full. */
const MAX_MESSAGE = 1000;

const WIDGETS: { route: string; schema: Schema; read: (hash: string) => { settings: object; messages: { en: string; zh: string }[] } }[] = [
  { route: "#/playground/sine", schema: SINE_SCHEMA, read: readSineUrl },
  { route: "#/lab/chars", schema: CHAR_SCHEMA, read: readCharUrl },
  { route: "#/visualize/gradients", schema: GRAD_SCHEMA, read: readGradUrl },
];

describe("decimal numbers only", () => {
  it("refuses hexadecimal, binary, octal, infinities and overflow; reads plain decimals", () => {
    for (const s of NON_DECIMAL) expect(parseDecimal(s), s).toBeNaN();
    expect(parseDecimal(" -1.5e3 ")).toBe(-1500);
    expect(parseDecimal(".5")).toBe(0.5);
    expect(parseDecimal("7.")).toBe(7);
    expect(parseDecimal("1.7e308")).toBe(1.7e308);
    const lr = readSineUrl("#/playground/sine?lr=0x10");
    expect(lr.settings.lr).toBe(SINE_SCHEMA.lr.default);
    expect(lr.messages[0]?.en).toMatch(/^lr=0x10: /);
  });

  it("refuses a series whose statistics overflow instead of showing std ∞", () => {
    const huge = Float64Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 1.7e308 : -1.7e308));
    expect(() => makeSeriesDataset(huge, 10, 1, 0.2)).toThrow(/too large to compute/);
    expect(() => parseCsvColumn("x\n0x1F\n0b101")).toThrow(/Line 2: "0x1F" is not a number/);
  });
});

describe.each(WIDGETS)("links to $route", ({ route, schema, read }) => {
  const keys = Object.keys(schema);
  it(`${CASES} hostile queries: settings stay valid, prototype keys are plain unknown names, messages short`, () => {
    const f = fuzz(route.length * 7919);
    for (let i = 0; i < CASES; i++) {
      const full = `${route}?${hostileQuery(f, keys)}`;
      const hash = full.slice(0, 160); // how a failure names the case
      const r = read(full);
      expect(Object.keys(r.settings).sort(), hash).toEqual([...keys].sort());
      for (const k of keys) expect(parseField(schema[k], (r.settings as Record<string, unknown>)[k]).ok, `${hash}: ${k}`).toBe(true);
      for (const m of r.messages) expect(m.en.length + m.zh.length, hash).toBeLessThan(2 * MAX_MESSAGE);
      const embed = resolveEmbed(`${full}&embed=1`);
      for (const name of Object.keys(embed.locks)) expect(Object.hasOwn(schema, name), `${hash}: lock ${name}`).toBe(true);
      for (const p of [...embed.problems, ...embed.notes]) expect(p.length, hash).toBeLessThan(MAX_MESSAGE);
      expect(({} as Record<string, unknown>).polluted, hash).toBeUndefined();
    }
  });

  it("names like built-in properties are refused as unknown settings and locks", () => {
    for (const key of PROTO_KEYS) {
      const r = read(`${route}?${key}=1`);
      expect(r.messages.length, key).toBe(1);
      const embed = resolveEmbed(`${route}?embed=1&lock=${key}&${key}=1`);
      expect(embed.locks, key).toEqual({});
      expect(embed.problems.length, key).toBeGreaterThan(0);
    }
  });
});

describe("CSV series", () => {
  it(`${CASES} hostile CSV texts: read as finite decimals or refused with a short message`, () => {
    const f = fuzz(19);
    let refused = 0;
    for (let i = 0; i < CASES; i++) {
      const csv = hostileCsv(f);
      try {
        const col = parseCsvColumn(csv);
        for (const v of col.values) expect(Number.isFinite(v), csv.slice(0, 80)).toBe(true);
        try {
          const d = makeSeriesDataset(col.values, 3, 1, 0.2);
          expect(Number.isFinite(d.mean) && Number.isFinite(d.std) && d.std > 0, csv.slice(0, 80)).toBe(true);
        } catch (e) {
          expect(e, csv.slice(0, 80)).toBeInstanceOf(SeriesInputError);
          refused++;
        }
      } catch (e) {
        expect(e, csv.slice(0, 80)).toBeInstanceOf(SeriesInputError);
        expect((e as Error).message.length).toBeLessThan(MAX_MESSAGE);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(CASES / 4);
    expect(refused).toBeLessThan(CASES);
    for (const s of [...NON_DECIMAL, "1e999"]) if (s.trim() !== "" && !s.includes(",")) expect(() => parseCsvColumn(`1\n${s}\n3`), s).toThrow(SeriesInputError);
    for (const s of EXTREME_DECIMAL) {
      try {
        const col = parseCsvColumn(`${s}\n1\n${s}\n-${s}`);
        expect(col.values.every(Number.isFinite)).toBe(true);
      } catch (e) {
        expect(e).toBeInstanceOf(SeriesInputError);
      }
    }
  });
});

describe("text files", () => {
  it(`${CASES} hostile files: decoded and checked, or refused with a TextInputError`, () => {
    const f = fuzz(1919);
    let refused = 0;
    for (let i = 0; i < CASES; i++) {
      const bytes = hostileTextBytes(f);
      try {
        const checked = checkText(normalizeText(decodeUtf8(bytes, "hostile.txt", f.chance(0.3))));
        expect(checked.length).toBeGreaterThan(0);
        expect(checked.vocabulary.symbols.length).toBeGreaterThanOrEqual(2);
        expect(checked.text.includes("\r")).toBe(false);
      } catch (e) {
        expect(e).toBeInstanceOf(TextInputError);
        expect((e as Error).message.length).toBeLessThan(MAX_MESSAGE);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(CASES / 4);
    expect(refused).toBeLessThan(CASES);
  });
});

describe("messages from other windows", () => {
  it(`${CASES} hostile message payloads: only a well-formed size request is taken as one`, () => {
    const f = fuzz(7);
    const payloads: unknown[] = [null, undefined, 0, "", "requestSize", [], {}, Object.create(null), { type: "requestSize" }, { type: "rnn-notebook:request-size" }, { __proto__: { type: "rnn-notebook:request-size" } }];
    for (let i = 0; i < CASES; i++) {
      const p = f.pick(payloads);
      const obj = p !== null && typeof p === "object" && !Array.isArray(p) ? { ...p, version: f.pick([1, "1", 2, -1, NaN, undefined]), [f.pick(PROTO_KEYS)]: f.int(3) } : p;
      expect(() => isRequestSize(obj)).not.toThrow();
      if (isRequestSize(obj)) {
        expect((obj as { type: unknown }).type).toBe("rnn-notebook:request-size");
        expect([1, undefined]).toContain((obj as { version: unknown }).version);
      }
    }
  });
});
