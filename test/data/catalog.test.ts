// test/data/catalog.test.ts: every catalogued data set loads through the injected fetch, from the files public/data ships.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { CLASSIFY_CATALOG, CMUDICT_ENTRY, loadClassDataset, loadCmudict, loadSeries, SERIES_CATALOG } from "../../src/data/catalog";
import { classCounts } from "../../src/data/classify";
import { SERIES, type SeriesId } from "../../src/data/forecast";

const asked: string[] = [];
const fetchFromDisk = (path: string): Promise<string> => {
  asked.push(path);
  return readFile(join(__dirname, "../../public", path), "utf8");
};

describe("catalog", () => {
  it("loads each series by id; the random walk is generated without a fetch", async () => {
    for (const id of Object.keys(SERIES) as SeriesId[]) {
      asked.length = 0;
      const s = await loadSeries(id, fetchFromDisk);
      expect(s.values.length, id).toBeGreaterThanOrEqual(2000);
      expect(asked, id).toEqual(SERIES_CATALOG[id].path === null ? [] : [SERIES_CATALOG[id].path]);
    }
  });

  it("loads the classification sets and CMUdict", async () => {
    expect(classCounts(await loadClassDataset("names", fetchFromDisk))).toEqual([4525, 3478]);
    expect((await loadClassDataset("spam", fetchFromDisk)).classes).toEqual(["ham", "spam"]);
    expect((await loadCmudict(fetchFromDisk)).length).toBe(24446);
    expect(Object.values(CLASSIFY_CATALOG).map((e) => e.path)).toEqual(["data/spam.tsv", "data/names.tsv"]);
    expect(CMUDICT_ENTRY.path).toBe("data/cmudict.tsv");
  });

  it("every entry is worded in English and Chinese", () => {
    for (const e of [...Object.values(SERIES_CATALOG), ...Object.values(CLASSIFY_CATALOG), CMUDICT_ENTRY]) {
      expect(e.name.en).not.toBe("");
      expect(e.name.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(e.credit.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
