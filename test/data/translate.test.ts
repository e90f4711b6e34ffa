// test/data/translate.test.ts: dates, toys, CMUdict, seq2seq batches, decoding metrics and typed-input checks.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ARPABET, parseCmudict, splitItems } from "../../src/data/cmudict";
import { DATE_FORMATS, formatDate, generateDates, generateDateSplit, MONTHS, ordinal } from "../../src/data/dates";
import { describeProblem } from "../../src/data/messages";
import {
  BOS_ID, buildSymbolVocabulary, chars, checkTypedInput, decodeSymbols, describeAlphabet, editDistance, EOS_ID,
  exactMatchByLength, IGNORE_INDEX, makeSeq2SeqBatch, normaliseWord, PAD_ID, scoreDecoded, Seq2SeqBatcher,
  teacherForcedTokenAccuracy, type SeqPair,
} from "../../src/data/seq2seq";
import { generateToy, solveToy } from "../../src/data/toys";

const readData = (file: string): string => readFileSync(join(__dirname, "../../public/data", file), "utf8");

/** Independent weekday: Zeller's congruence, 0 = Sunday. */
function zeller(year: number, month: number, day: number): number {
  const m = month < 3 ? month + 12 : month;
  const y = month < 3 ? year - 1 : year;
  const K = y % 100;
  const J = Math.floor(y / 100);
  const h = (day + Math.floor((13 * (m + 1)) / 5) + K + Math.floor(K / 4) + Math.floor(J / 4) + 5 * J) % 7; // 0 = Saturday
  return (h + 6) % 7;
}

const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Independent reader of every generated format, back to [year, month, day] (and the weekday it names, if any). */
function readDate(s: string): { ymd: [number, number, number]; weekday?: number } {
  const monthOf = (name: string): number => {
    const i = MONTHS.findIndex((m) => m.toLowerCase().startsWith(name.toLowerCase().slice(0, 3)));
    if (i < 0) throw new Error(`no month in "${s}"`);
    return i + 1;
  };
  const fullYear = (y: string): number => (y.length === 4 ? Number(y) : Number(y) >= 50 ? 1900 + Number(y) : 2000 + Number(y));
  let m: RegExpExecArray | null;
  if ((m = /^(\w+), (\w+) (\d+)(?:st|nd|rd|th) (\d{4})$/.exec(s))) return { ymd: [Number(m[4]), monthOf(m[2]), Number(m[3])], weekday: WEEKDAY_NAMES.indexOf(m[1]) };
  if ((m = /^(\w{3}) (\d+) (\w{3}) (\d{4})$/.exec(s))) return { ymd: [Number(m[4]), monthOf(m[3]), Number(m[2])], weekday: WEEKDAY_NAMES.findIndex((w) => w.startsWith(m![1])) };
  if ((m = /^the (\d+)(?:st|nd|rd|th) of (\w+), (\d{4})$/.exec(s))) return { ymd: [Number(m[3]), monthOf(m[2]), Number(m[1])] };
  if ((m = /^(\d+) (\w+) (\d{4})$/.exec(s))) return { ymd: [Number(m[3]), monthOf(m[2]), Number(m[1])] };
  if ((m = /^(\w+) (\d+),? (\d{2}|\d{4})$/.exec(s))) return { ymd: [fullYear(m[3]), monthOf(m[1]), Number(m[2])] };
  if ((m = /^(\d+)\/(\d+)\/(\d{2}|\d{4})$/.exec(s))) return { ymd: [fullYear(m[3]), Number(m[1]), Number(m[2])] };
  if ((m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s))) return { ymd: [Number(m[3]), Number(m[2]), Number(m[1])] };
  if ((m = /^(\d{4})\.(\d{2})\.(\d{2})$/.exec(s))) return { ymd: [Number(m[1]), Number(m[2]), Number(m[3])] };
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) return { ymd: [Number(m[1]), Number(m[2]), Number(m[3])] };
  throw new Error(`unreadable date "${s}"`);
}

describe("dates", () => {
  it("writes 3 March 2021 in the issue's formats", () => {
    const f = (format: (typeof DATE_FORMATS)[number]): string => formatDate(2021, 3, 3, format);
    expect(f("dMonthY")).toBe("3 March 2021");
    expect(f("usSlashYY")).toBe("03/03/21");
    expect(f("weekdayMonthDthY")).toBe("Wednesday, March 3rd 2021");
    expect(f("isoDots")).toBe("2021.03.03");
    expect(f("monDYY")).toBe("Mar 3, 21");
  });

  it("ordinals", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 24, 30, 31].map(ordinal)).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "24th", "30th", "31st"]);
  });

  it("every generated pair reads back to its ISO target, with the right weekday, in every format", () => {
    const pairs = generateDates(4000, 5);
    expect(new Set(pairs.map((p) => p.format)).size).toBe(DATE_FORMATS.length);
    for (const p of pairs) {
      const { ymd, weekday } = readDate(p.source);
      const iso = `${ymd[0]}-${String(ymd[1]).padStart(2, "0")}-${String(ymd[2]).padStart(2, "0")}`;
      expect(iso, p.source).toBe(p.target);
      if (weekday !== undefined) expect(weekday, p.source).toBe(zeller(...ymd));
      expect(ymd[0]).toBeGreaterThanOrEqual(1950);
      expect(ymd[0]).toBeLessThanOrEqual(2049);
    }
  });

  it("is seeded", () => {
    expect(generateDates(50, 1)).toEqual(generateDates(50, 1));
    expect(generateDates(50, 2)).not.toEqual(generateDates(50, 1));
    expect(generateDates(20, 1, ["compact"]).every((p) => /^\d{8}$/.test(p.source))).toBe(true);
  });
});

describe("date split", () => {
  it("no source string is in two parts or twice in one; sizes as asked; seeded", () => {
    const s = generateDateSplit({ train: 3000, validation: 300, test: 500 }, 4);
    expect([s.train.length, s.validation.length, s.test.length]).toEqual([3000, 300, 500]);
    const all = [...s.train, ...s.validation, ...s.test].map((p) => p.source);
    expect(new Set(all).size).toBe(all.length);
    expect(generateDateSplit({ train: 3000, validation: 300, test: 500 }, 4)).toEqual(s);
    // One format has one string per day (36,525 of them): 40,000 distinct ones do not exist.
    expect(() => generateDateSplit({ train: 40_000, validation: 0, test: 0 }, 1, ["usSlashYY"])).toThrow(RangeError);
  });
});

describe("toys", () => {
  it("reverse mirrors and sort permutes; lengths stay in range", () => {
    expect(solveToy("reverse", "abca")).toBe("acba");
    expect(solveToy("sort", "dbca")).toBe("abcd");
    for (const task of ["reverse", "sort"] as const) {
      const pairs = generateToy(300, 3, { task, minLength: 2, maxLength: 6 });
      for (const p of pairs) {
        expect(p.source.length).toBeGreaterThanOrEqual(2);
        expect(p.source.length).toBeLessThanOrEqual(6);
        const expected = task === "reverse" ? Array.from(p.source).reverse().join("") : Array.from(p.source).sort().join("");
        expect(p.target).toBe(expected);
      }
      expect(new Set(pairs.map((p) => p.source.length))).toEqual(new Set([2, 3, 4, 5, 6]));
    }
  });
});

describe("CMUdict", () => {
  const words = parseCmudict(readData("cmudict.tsv"));

  it("has 24,446 words whose phonemes, without stress, are ARPAbet's 39", () => {
    expect(words.length).toBe(24446);
    const used = new Set(words.flatMap((w) => w.phonemes));
    expect([...used].sort()).toEqual([...ARPABET].sort());
    expect(words.find((w) => w.word === "aback")?.phonemes).toEqual(["AH", "B", "AE", "K"]);
    const stressed = parseCmudict(readData("cmudict.tsv"), true);
    expect(stressed.find((w) => w.word === "aback")?.phonemes).toEqual(["AH0", "B", "AE1", "K"]);
  });

  it("refuses a damaged row", () => {
    expect(() => parseCmudict("word\tphonemes\ncat\tK AE1 T\ndog\tD QQ G\n")).toThrow(/cmudict\.tsv, line 3/);
  });

  it("holds out test words never seen in training", () => {
    const s = splitItems(words, 0.05, 0.1, 1);
    expect(s.test.length).toBe(Math.round(24446 * 0.1));
    expect(s.validation.length).toBe(Math.round(24446 * 0.05));
    expect(s.train.length + s.validation.length + s.test.length).toBe(24446);
    const train = new Set(s.train.map((w) => w.word));
    expect(s.test.some((w) => train.has(w.word))).toBe(false);
    expect(splitItems(words, 0.05, 0.1, 1).test).toEqual(s.test);
  });
});

describe("seq2seq batches (engine v2 seq2seq layout)", () => {
  const pairs: SeqPair[] = [
    { source: chars("abc"), target: chars("cba") },
    { source: chars("a"), target: chars("a") },
  ];
  const src = buildSymbolVocabulary(pairs.map((p) => p.source));
  const tgt = buildSymbolVocabulary(pairs.map((p) => p.target));

  it("vocabularies start with <pad>, <bos>, <eos>, <unk>", () => {
    expect(src.symbols).toEqual(["<pad>", "<bos>", "<eos>", "<unk>", "a", "b", "c"]);
  });

  it("source with <eos> and lengths; targetIn starts with <bos>; targetOut ends with <eos>, then −100", () => {
    const b = makeSeq2SeqBatch(pairs, [0, 1], src, tgt);
    const [a, bb, c] = [4, 5, 6];
    expect([b.S, b.U, b.B]).toEqual([4, 4, 2]);
    expect(Array.from(b.source)).toEqual([a, a, bb, EOS_ID, c, PAD_ID, EOS_ID, PAD_ID]);
    expect(Array.from(b.sourceLengths)).toEqual([4, 2]);
    expect(Array.from(b.targetIn)).toEqual([BOS_ID, BOS_ID, c, a, bb, PAD_ID, a, PAD_ID]);
    expect(Array.from(b.targetOut)).toEqual([c, a, bb, EOS_ID, a, IGNORE_INDEX, EOS_ID, IGNORE_INDEX]);
    // Teacher forcing: the input at step u is the target of step u − 1 while the target lasts.
    for (let u = 1; u < b.U; u++) {
      for (let k = 0; k < b.B; k++) if (b.targetOut[u * b.B + k] !== IGNORE_INDEX) expect(b.targetIn[u * b.B + k]).toBe(b.targetOut[(u - 1) * b.B + k]);
    }
    expect(decodeSymbols([c, bb, a, EOS_ID, a], tgt)).toEqual(["c", "b", "a"]);
  });

  it("the batcher covers every pair once per epoch", () => {
    const many = generateToy(10, 1, { task: "reverse" }).map((p) => ({ source: chars(p.source), target: chars(p.target) }));
    const v = buildSymbolVocabulary(many.map((p) => p.source));
    const batcher = new Seq2SeqBatcher(many, v, v, 4, 2);
    const seen = [...batcher.next().indices, ...batcher.next().indices, ...batcher.next().indices];
    expect(seen.sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe("decoding metrics", () => {
  it("edit distance", () => {
    expect(editDistance(chars("kitten"), chars("sitting"))).toBe(3);
    expect(editDistance([], ["A", "B"])).toBe(2);
    expect(editDistance(["K", "AE", "T"], ["K", "AE", "T"])).toBe(0);
  });

  it("exact match, phoneme error rate and token accuracy by hand", () => {
    const refs = [["K", "AE", "T"], ["D", "AO", "G"]];
    const outs = [["K", "AE", "T"], ["D", "G"]];
    const s = scoreDecoded(outs, refs);
    expect(s.exactMatch).toBe(0.5);
    expect(s.errorRate).toBeCloseTo(1 / 6, 15); // one deletion over six reference phonemes
    expect(s.tokenAccuracy).toBeCloseTo(4 / 6, 15); // D matches; G is one place early
  });

  it("teacher-forced token accuracy skips −100", () => {
    expect(teacherForcedTokenAccuracy([4, 5, 6, 7], [4, 9, IGNORE_INDEX, 7])).toBeCloseTo(2 / 3, 15);
  });

  it("exact match by source length", () => {
    const r = exactMatchByLength([3, 5, 8, 12], [true, false, true, true], [1, 6, 10]);
    expect(r.map((x) => [x.count, x.exactMatch])).toEqual([[2, 0.5], [1, 1], [1, 1]]);
  });
});

describe("typed input", () => {
  const vocab = buildSymbolVocabulary([chars("abcdefghijklmnopqrstuvwxyz")]);

  it("accepts a known word after trimming and lower-casing", () => {
    expect(checkTypedInput("  Hello ", vocab, 12, normaliseWord)).toEqual({ ok: true, symbols: chars("hello") });
  });

  it("refuses an empty word, an overlong one and unknown characters, with codes and both languages' words", () => {
    const empty = checkTypedInput("   ", vocab, 12, normaliseWord);
    expect(empty).toEqual({ ok: false, problem: { code: "emptyInput", values: {} } });
    const long = checkTypedInput("abcdefghijklm", vocab, 12, normaliseWord);
    expect(long).toEqual({ ok: false, problem: { code: "inputTooLong", values: { length: 13, max: 12 } } });
    const odd = checkTypedInput("naïve-ish", vocab, 12, normaliseWord);
    expect(odd).toEqual({ ok: false, problem: { code: "unknownSymbols", values: { symbols: '"ï" "-"', allowed: "a–z" } } });
    if (odd.ok) throw new Error("unreachable");
    expect(describeProblem(odd.problem, "en")).toBe('The model has never seen "ï" "-". Use only these characters: a–z.');
    expect(describeProblem(odd.problem, "zh")).toBe('模型从未见过 "ï" "-"。请只使用这些字符：a–z。');
    // Special tokens typed as text are not symbols the model reads.
    expect(checkTypedInput("<eos>", buildSymbolVocabulary([["<eos>"]]), 12).ok).toBe(false);
  });

  it("describes an alphabet compactly", () => {
    expect(describeAlphabet(chars("0123456789 ,./abcdefghijklmnopqrstuvwxyzMW"))).toBe("␣, ',', '.', '/', 0–9, M, W, a–z");
  });
});
