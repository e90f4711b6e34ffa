// test/data/csv.test.ts: a user's CSV series: parsed, refused with a clear message, standardised and windowed.
import { describe, expect, it } from "vitest";
import { makeSeriesDataset, parseCsvColumn, SeriesInputError, MAX_SERIES_VALUES } from "../../src/data/csv";

describe("parseCsvColumn", () => {
  it("reads the last column under a header by default, or a named one", () => {
    const csv = "date,open,close\n2024-01-01,1.5,2\n2024-01-02,1.25,3\n";
    expect(Array.from(parseCsvColumn(csv).values)).toEqual([2, 3]);
    expect(parseCsvColumn(csv).name).toBe("close");
    expect(Array.from(parseCsvColumn(csv, "open").values)).toEqual([1.5, 1.25]);
    expect(Array.from(parseCsvColumn("1\n2\n3").values)).toEqual([1, 2, 3]);
    expect(Array.from(parseCsvColumn("a;b\n1;2,5\n").values)).toEqual([2.5]);
  });
  it("refuses bad input saying where and why", () => {
    expect(() => parseCsvColumn("")).toThrow(/The CSV is empty/);
    expect(() => parseCsvColumn("x\n1\nabc\n3")).toThrow(/Line 3: "abc" is not a number/);
    expect(() => parseCsvColumn("a,b\n1,2", "c")).toThrow(/no column named "c"; the columns are a, b/);
    expect(() => parseCsvColumn("1\n".repeat(MAX_SERIES_VALUES + 1))).toThrow(/limit is 1,000,000/);
    expect(() => parseCsvColumn("1\n")).not.toThrow();
  });
});

describe("makeSeriesDataset", () => {
  const values = Float64Array.from({ length: 400 }, (_, i) => 100 + 10 * Math.sin(i / 5));
  it("standardises and holds out the end of the series for validation", () => {
    const d = makeSeriesDataset(values, 20, 1, 0.2);
    expect(d.mean).toBeCloseTo(100, 0);
    expect(d.std).toBeGreaterThan(5);
    expect(d.train.length).toBeGreaterThan(100);
    expect(d.validation.length).toBeGreaterThan(0);
    // The first validation window starts where training data ends (no leak of the future into training).
    const lastTrainEnd = 320;
    expect(d.validation[0][0]).toBeCloseTo((values[lastTrainEnd] - d.mean) / d.std, 12);
  });
  it("refuses a single value, a constant series and a series too short for the windows", () => {
    expect(() => makeSeriesDataset(Float64Array.of(1), 20, 1, 0.2)).toThrow(SeriesInputError);
    expect(() => makeSeriesDataset(Float64Array.of(1), 20, 1, 0.2)).toThrow(/has 1 value; at least 23 are needed/);
    expect(() => makeSeriesDataset(new Float64Array(100).fill(3), 20, 1, 0.2)).toThrow(/same; there is nothing to predict/);
    expect(() => makeSeriesDataset(values.slice(0, 40), 20, 1, 0.2)).toThrow(/too few for training and validation windows of 21/);
  });
});
