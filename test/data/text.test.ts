// test/data/text.test.ts: text checks, the code-point vocabulary, streams for truncated BPTT, and the simple features.
import { describe, expect, it } from "vitest";
import {
  buildVocabulary, checkText, countChars, decode, decodeUtf8, encode, firstChars, MAX_TEXT_CHARS, normalizeText, pearson,
  splitText, streamProblem, textFeatures, TextInputError, TextStreams, validationWindows,
} from "../../src/data/text";

function problemOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof TextInputError) return `${e.problem}: ${e.message}`;
    throw e;
  }
  return "no problem";
}

describe("vocabulary by code point", () => {
  it("counts a Chinese character and an emoji outside the BMP as one symbol each", () => {
    const text = "白日依山盡🙂🙂a";
    expect(text.length).toBe(10); // UTF-16 units: each emoji is two
    expect(countChars(text)).toBe(8);
    const v = buildVocabulary(text);
    expect(v.symbols).toEqual(["a", "依", "山", "日", "白", "盡", "🙂"]); // U+4F9D before U+5C71
    expect(decode(encode(text, v), v)).toBe(text);
    expect(firstChars(text, 6)).toBe("白日依山盡🙂");
  });

  it("orders symbols by code point, so the same text always gives the same classes", () => {
    expect(buildVocabulary("cab\nba").symbols).toEqual(["\n", "a", "b", "c"]);
  });

  it("normalises line ends and drops a byte-order mark", () => {
    expect(normalizeText("\uFEFFa\r\nb\rc\n")).toBe("a\nb\nc\n");
  });

  it("names a character the vocabulary lacks", () => {
    expect(problemOf(() => encode("abé", buildVocabulary("ab"), "The priming text"))).toMatch(/unknownSymbol: The priming text has "é" \(character 3\)/);
  });
});

describe("checkText", () => {
  it("refuses an empty or blank text", () => {
    expect(problemOf(() => checkText(""))).toMatch(/^empty: The text is empty/);
    expect(problemOf(() => checkText("  \n\t "))).toMatch(/^empty/);
  });

  it("refuses a text of a single distinct character, saying which", () => {
    expect(problemOf(() => checkText("aaaaaaaa"))).toMatch(/^oneSymbol: The text uses a single distinct character \("a"\)/);
  });

  it("refuses a text over the limit, saying the limit and offering its first part", () => {
    const big = "ab".repeat(MAX_TEXT_CHARS / 2) + "c";
    let err: TextInputError | null = null;
    try {
      checkText(big);
    } catch (e) {
      err = e as TextInputError;
    }
    expect(err?.problem).toBe("tooLarge");
    expect(err?.message).toContain("1,000,001 characters; the lab trains on at most 1,000,000. Use its first 1,000,000 characters");
    expect(checkText(firstChars(big, MAX_TEXT_CHARS)).length).toBe(MAX_TEXT_CHARS);
  });

  it("accepts a short mixed text and reports its vocabulary", () => {
    const c = checkText("床前明月光，疑是地上霜。");
    expect(c.length).toBe(12);
    expect(c.vocabulary.symbols).toHaveLength(12);
  });
});

describe("decodeUtf8", () => {
  it("refuses bytes that are not UTF-8, naming the file", () => {
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]); // "café" in Windows-1252
    expect(problemOf(() => decodeUtf8(latin1, "menu.txt"))).toMatch(/^notUtf8: "menu.txt" is not UTF-8 text/);
  });

  it("refuses binary data that happens to be valid UTF-8", () => {
    expect(problemOf(() => decodeUtf8(new Uint8Array([0x50, 0x4b, 0x00, 0x00]), "a.zip"))).toMatch(/^notText: "a.zip" looks like a binary file/);
  });

  it("decodes UTF-8, and drops a character cut at the end of a partial read", () => {
    const bytes = new TextEncoder().encode("日月");
    expect(decodeUtf8(bytes, "x.txt")).toBe("日月");
    expect(decodeUtf8(bytes.subarray(0, 4), "x.txt", true)).toBe("日");
    expect(problemOf(() => decodeUtf8(bytes.subarray(0, 4), "x.txt"))).toMatch(/^notUtf8/);
  });
});

describe("streams for truncated BPTT", () => {
  it("gives each of B streams its own stretch, window after window, and starts afresh at the end", () => {
    const ids = Int32Array.from({ length: 41 }, (_, i) => i); // S = floor(40 / 2) = 20 per stream
    const s = new TextStreams(ids, 2, 5);
    const w1 = s.next();
    expect(w1.isFresh).toBe(true);
    // [T][B]: t-major; stream 0 starts at 0, stream 1 at 20; targets are the next characters.
    expect(Array.from(w1.batch.inputIndices!)).toEqual([0, 20, 1, 21, 2, 22, 3, 23, 4, 24]);
    expect(Array.from(w1.batch.targetIndices!)).toEqual([1, 21, 2, 22, 3, 23, 4, 24, 5, 25]);
    const w2 = s.next();
    expect(w2.isFresh).toBe(false);
    expect(w2.batch.inputIndices![0]).toBe(5);
    s.next();
    s.next(); // positions 0, 5, 10, 15: four windows fill the 20 characters
    const w5 = s.next();
    expect(w5.isFresh).toBe(true);
    expect(w5.batch.inputIndices![0]).toBe(0);
    expect(s.epoch).toBeCloseTo(1.25);
  });

  it("says what to change when the text is too short for B streams of T characters", () => {
    expect(streamProblem(100, 32, 50)).toMatch(/has 100 characters, but 32 parallel streams of 51 characters need 1,632\. Lower the batch size or the BPTT length/);
    expect(streamProblem(2000, 32, 50)).toBeNull();
    expect(problemOf(() => new TextStreams(new Int32Array(100), 32, 50))).toMatch(/^tooShort/);
  });

  it("splits the held-out tail off the end and cuts it into windows", () => {
    const ids = Int32Array.from({ length: 1000 }, (_, i) => i % 7);
    const { train, validation } = splitText(ids, 0.1);
    expect(train.length).toBe(900);
    expect(validation[0]).toBe(ids[900]);
    const windows = validationWindows(validation, 4, 10, 1000);
    expect(windows).toHaveLength(2); // 99 usable / 4 streams = 24 per stream = 2 windows of 10
    expect(windows[1].inputIndices![0]).toBe(validation[10]);
  });
});

describe("features and correlation", () => {
  it("marks quotes, the position in the line, spaces and punctuation", () => {
    const f = textFeatures(Array.from("a \"b c\"\nd."));
    expect(Array.from(f.insideQuotes)).toEqual([0, 0, 1, 1, 1, 1, 0, 0, 0, 0]);
    expect(Array.from(f.positionInLine)).toEqual([1, 2, 3, 4, 5, 6, 7, 0, 1, 2]);
    expect(Array.from(f.afterSpace)).toEqual([0, 1, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect(Array.from(f.punctuation)).toEqual([0, 0, 1, 0, 0, 0, 1, 0, 0, 1]);
    expect(Array.from(textFeatures(Array.from("「好」")).insideQuotes)).toEqual([1, 1, 0]);
  });

  it("pearson is ±1 for a linear relation and NaN for a constant", () => {
    expect(pearson([1, 2, 3], [2, 4, 6], 3)).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1], 3)).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3], 3)).toBeNaN();
  });
});
