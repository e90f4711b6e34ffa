// test/data/classify.test.ts: classification loaders, the learner's own lines, tokens, the balanced split, batches, metrics.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  accuracy, accuracyByLength, balancedSplit, buildTokenVocabulary, classCounts, confusionMatrix, encodeText,
  argmaxRows, fitNaiveBayes, makeTokenBatch, mostConfidentMistakes, naiveBayesProbabilities, parseLabelledLines, parseNamesTsv, parseSpamTsv, precisionRecallF1,
  TokenBatcher, UNK_ID, wordTokens, type ClassDataset,
} from "../../src/data/classify";
import { DataInputError, describeProblem, type DataProblem } from "../../src/data/messages";

const readData = (file: string): string => readFileSync(join(__dirname, "../../public/data", file), "utf8");

function refused(text: string, limits?: Parameters<typeof parseLabelledLines>[1]): DataProblem {
  try {
    parseLabelledLines(text, limits);
  } catch (e) {
    if (e instanceof DataInputError) return e.problem;
    throw e;
  }
  throw new Error("expected the lines to be refused");
}

describe("built-in data sets", () => {
  it("spam.tsv: 1,500 ham and 1,500 spam, each a subject line then the body", () => {
    const d = parseSpamTsv(readData("spam.tsv"));
    expect(d.classes).toEqual(["ham", "spam"]);
    expect(classCounts(d)).toEqual([1500, 1500]);
    expect(d.examples.every((e) => e.text.includes("\n") && e.text.length <= 120 + 1 + 300)).toBe(true);
  });

  it("names.tsv: 4,525 female and 3,478 male names, none in both classes", () => {
    const d = parseNamesTsv(readData("names.tsv"));
    expect(classCounts(d)).toEqual([4525, 3478]);
    const female = new Set(d.examples.filter((e) => e.label === 0).map((e) => e.text.toLowerCase()));
    expect(d.examples.filter((e) => e.label === 1).some((e) => female.has(e.text.toLowerCase()))).toBe(false);
  });

  it("a damaged file is refused with its name", () => {
    expect(() => parseNamesTsv("name\tlabel\nAnna\tfemale\n")).toThrow(/names\.tsv: the first line should be/);
    expect(() => parseNamesTsv("label\tname\nfemale\tAnna\nunknown\tBob\n")).toThrow(/line 3/);
  });
});

describe("the learner's own lines", () => {
  it("reads label<TAB>text lines, skipping blank ones, classes in order of appearance", () => {
    const d = parseLabelledLines("pos\tgreat film\r\n\nneg\tdull\tvery dull\npos\tloved it\nneg\tawful\npos\tfun\nneg\tbad\n");
    expect(d.classes).toEqual(["pos", "neg"]);
    expect(d.examples[1]).toEqual({ text: "dull\tvery dull", label: 1 });
    expect(classCounts(d)).toEqual([3, 3]);
    // A byte-order mark is not part of the first label.
    expect(parseLabelledLines("\uFEFFpos\ta\npos\tb\npos\tc\nneg\td\nneg\te\nneg\tf").classes).toEqual(["pos", "neg"]);
  });

  it("refuses bad input with the right code, naming the bad line", () => {
    expect(refused("  \n\n")).toEqual({ code: "empty", values: {} });
    expect(refused("a\tx\nno tab here\n")).toEqual({ code: "noTab", values: { line: 2, text: "no tab here" } });
    expect(refused("a\tx\n\n\tx\n")).toEqual({ code: "emptyLabel", values: { line: 3 } });
    expect(refused("a\tx\nb\t  \n")).toEqual({ code: "emptyText", values: { line: 2 } });
    expect(refused("a\tx\na\ty\na\tz\n")).toEqual({ code: "oneClass", values: { label: "a" } });
    expect(refused("a\tx\na\ty\na\tz\nb\tw\n")).toEqual({ code: "tooFewPerClass", values: { label: "b", count: 1, min: 3 } });
    const small = { maxLines: 3, maxLineChars: 10, maxTotalChars: 40, maxClasses: 2, minPerClass: 1 } as const;
    expect(refused("a\t1\nb\t2\n".padEnd(41, " "), small)).toEqual({ code: "textTooLarge", values: { chars: 41, max: 40 } });
    expect(refused("a\t1\nb\t2\na\t3\nb\t4\n", small)).toEqual({ code: "tooManyLines", values: { lines: 4, max: 3 } });
    expect(refused("a\t1\nb\t12345678901\n", small)).toEqual({ code: "lineTooLong", values: { line: 2, length: 13, max: 10 } });
    expect(refused("a\t1\nb\t2\nc\t3\n", small)).toEqual({ code: "tooManyClasses", values: { classes: 3, max: 2 } });
  });

  it("words the problem in English and Chinese, with the line number", () => {
    const p = refused("a\tx\nno tab here\n");
    expect(describeProblem(p, "en")).toBe('Line 2 has no tab: "no tab here". Write the label, a tab, then the text.');
    expect(describeProblem(p, "zh")).toContain("第 2 行没有制表符");
    expect(() => parseLabelledLines("x")).toThrow(/Line 1 has no tab/);
  });
});

describe("tokens and vocabularies", () => {
  it("word tokens: lower case, inner apostrophes kept, punctuation on its own", () => {
    expect(wordTokens("Don't STOP—now!! 3.5")).toEqual(["don't", "stop", "—", "now", "!", "!", "3", ".", "5"]);
  });

  it("keeps the most frequent tokens up to the cap, ties in code-point order, and counts the unknown share", () => {
    const v = buildTokenVocabulary(["abca", "cab", "d"], "char", 5);
    // counts a 3, b 2, c 2, d 1: room for 3 tokens after <pad> and <unk>.
    expect(v.tokens).toEqual(["<pad>", "<unk>", "a", "b", "c"]);
    expect(v.unknownRate).toBeCloseTo(1 / 8, 15);
    expect(Array.from(encodeText("dab", v, 10))).toEqual([UNK_ID, 2, 3]);
    expect(Array.from(encodeText("abcabc", v, 4))).toEqual([2, 3, 4, 2]);
    const w = buildTokenVocabulary(["the cat", "the dog"], "word", 10, 2);
    expect(w.tokens).toEqual(["<pad>", "<unk>", "the"]);
    // Never an empty sequence: engine v2 needs lengths ≥ 1.
    expect(Array.from(encodeText("   ", w, 5))).toEqual([UNK_ID]);
  });
});

describe("balanced split", () => {
  const names = parseNamesTsv(readData("names.tsv"));

  it("validation and test hold the same number of each class; the parts are disjoint and cover the data", () => {
    const s = balancedSplit(names, 0.1, 0.2, 7);
    expect(classCounts(names, s.test)).toEqual([696, 696]); // round(0.2 × 3,478)
    expect(classCounts(names, s.validation)).toEqual([348, 348]);
    const all = [...s.train, ...s.validation, ...s.test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from(names.examples.keys()));
  });

  it("is seeded", () => {
    expect(balancedSplit(names, 0.1, 0.2, 7)).toEqual(balancedSplit(names, 0.1, 0.2, 7));
    expect(balancedSplit(names, 0.1, 0.2, 8).test).not.toEqual(balancedSplit(names, 0.1, 0.2, 7).test);
  });

  it("refuses a class too small to split", () => {
    const d: ClassDataset = { classes: ["a", "b"], examples: [...Array.from({ length: 20 }, () => ({ text: "x", label: 0 })), { text: "y", label: 1 }, { text: "z", label: 1 }] };
    expect(() => balancedSplit(d, 0.2, 0.2, 1)).toThrow(DataInputError);
  });
});

describe("token batches (engine v2 layout)", () => {
  it("pads time-major ids and records lengths", () => {
    const encoded = [Int32Array.of(5, 6, 7), Int32Array.of(8), Int32Array.of(9, 10)];
    const b = makeTokenBatch(encoded, [1, 0, 1], [0, 1]);
    expect(b.T).toBe(3);
    expect(b.B).toBe(2);
    expect(Array.from(b.inputs)).toEqual([5, 8, 6, 0, 7, 0]);
    expect(Array.from(b.lengths)).toEqual([3, 1]);
    expect(Array.from(b.labels)).toEqual([1, 0]);
  });

  it("the batcher visits every training example once per epoch", () => {
    const encoded = Array.from({ length: 10 }, (_, i) => Int32Array.of(i + 2));
    const batcher = new TokenBatcher(encoded, new Array<number>(10).fill(0), Int32Array.of(1, 3, 4, 6, 8, 9), 4, 1);
    const seen = [...batcher.next().indices, ...batcher.next().indices];
    expect(seen.sort((a, b) => a - b)).toEqual([1, 3, 4, 6, 8, 9]);
    expect(batcher.next().B).toBe(4);
    expect(batcher.epoch).toBe(1);
  });
});

describe("classification metrics", () => {
  // gold:      0 0 0 1 1 2
  // predicted: 0 1 0 1 0 2
  const gold = [0, 0, 0, 1, 1, 2];
  const predicted = [0, 1, 0, 1, 0, 2];

  it("accuracy, confusion matrix, precision, recall and F1 by hand", () => {
    expect(accuracy(predicted, gold)).toBeCloseTo(4 / 6, 15);
    const cm = confusionMatrix(predicted, gold, 3);
    expect(cm).toEqual([[2, 1, 0], [1, 1, 0], [0, 0, 1]]);
    const { perClass, macroF1 } = precisionRecallF1(cm);
    expect(perClass[0].precision).toBeCloseTo(2 / 3, 15);
    expect(perClass[0].recall).toBeCloseTo(2 / 3, 15);
    expect(perClass[1].precision).toBeCloseTo(1 / 2, 15);
    expect(perClass[1].recall).toBeCloseTo(1 / 2, 15);
    expect(perClass[2].f1).toBe(1);
    expect(perClass[0].support).toBe(3);
    expect(macroF1).toBeCloseTo((2 / 3 + 1 / 2 + 1) / 3, 15);
    // A class never predicted has no precision (NaN), and is left out of the macro average.
    expect(precisionRecallF1([[1, 0], [1, 0]]).perClass[1].precision).toBeNaN();
  });

  it("accuracy by length bucket", () => {
    const lengths = [3, 4, 10, 12, 30, 31];
    const b = accuracyByLength(lengths, predicted, gold, [1, 5, 20]);
    expect(b.map((x) => [x.from, x.to, x.count])).toEqual([[1, 4, 2], [5, 19, 2], [20, Infinity, 2]]);
    expect(b.map((x) => x.accuracy)).toEqual([0.5, 1, 0.5]);
  });

  it("most confident mistakes first", () => {
    const probs = Float64Array.from([0.9, 0.1, 0.2, 0.8, 0.4, 0.6, 0.3, 0.7]);
    const m = mostConfidentMistakes(probs, [0, 0, 0, 1], 2, 5);
    expect(m.map((x) => [x.row, x.predicted, x.gold])).toEqual([[1, 1, 0], [2, 1, 0]]);
    expect(m[0].confidence).toBeCloseTo(0.8, 15);
  });
});

describe("bag-of-tokens baseline (naive Bayes)", () => {
  it("matches a hand computation", () => {
    // V = 3; class 0 saw tokens [0, 0, 1], class 1 saw [2]; α = 1.
    const encoded = [Int32Array.of(0, 0), Int32Array.of(1), Int32Array.of(2)];
    const nb = fitNaiveBayes(encoded, [0, 0, 1], [0, 1, 2], 3, 2);
    expect(nb.logPrior[0]).toBeCloseTo(Math.log(2 / 3), 15);
    expect(nb.logLikelihood[0]).toBeCloseTo(Math.log(3 / 6), 15); // (2 + 1) / (3 + 3)
    expect(nb.logLikelihood[3 + 2]).toBeCloseTo(Math.log(2 / 4), 15); // (1 + 1) / (1 + 3)
    const p = naiveBayesProbabilities(nb, [Int32Array.of(0, 2)], [0]);
    // class 0: 2/3 · 3/6 · 1/6; class 1: 1/3 · 1/4 · 2/4.
    const a = (2 / 3) * (3 / 6) * (1 / 6);
    const b = (1 / 3) * (1 / 4) * (2 / 4);
    expect(p[0]).toBeCloseTo(a / (a + b), 14);
    expect(p[0] + p[1]).toBeCloseTo(1, 15);
  });

  it("on names, characters without their order already beat chance on the balanced test set", () => {
    const names = parseNamesTsv(readData("names.tsv"));
    const split = balancedSplit(names, 0.1, 0.2, 1);
    const vocab = buildTokenVocabulary(Array.from(split.train, (i) => names.examples[i].text.toLowerCase()), "char", 64);
    const encoded = names.examples.map((e) => encodeText(e.text.toLowerCase(), vocab, 40));
    const labels = names.examples.map((e) => e.label);
    const nb = fitNaiveBayes(encoded, labels, split.train, vocab.tokens.length, 2);
    const acc = accuracy(argmaxRows(naiveBayesProbabilities(nb, encoded, split.test), 2), Array.from(split.test, (i) => labels[i]));
    // Chance is 0.5; 1,392 test names put its standard error near 0.013.
    expect(acc).toBeGreaterThan(0.55);
  });
});
