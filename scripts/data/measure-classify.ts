// scripts/data/measure-classify.ts: class counts and the order-blind baseline (naive Bayes on tokens) on the built-in sets.
//
//   npx tsx scripts/data/measure-classify.ts
// Balanced test set (20 % of the smallest class, per class), seed 1. An RNN that reads in order should beat these.
import { readFileSync } from "node:fs";
import {
  accuracy, argmaxRows, balancedSplit, buildTokenVocabulary, classCounts, encodeText, fitNaiveBayes, naiveBayesProbabilities,
  parseNamesTsv, parseSpamTsv, type ClassDataset, type TokenKind,
} from "../../src/data/classify";

const sets: [string, ClassDataset][] = [
  ["names", parseNamesTsv(readFileSync("public/data/names.tsv", "utf8"))],
  ["spam", parseSpamTsv(readFileSync("public/data/spam.tsv", "utf8"))],
];
for (const [name, data] of sets) {
  const split = balancedSplit(data, 0.1, 0.2, 1);
  const counts = classCounts(data);
  const majority = Math.max(...counts) / data.examples.length;
  console.log(`\n${name}: ${data.classes.map((c, i) => `${c} ${counts[i]}`).join(", ")} (majority ${(100 * majority).toFixed(1)} %); test ${split.test.length} (${split.perClassTest} per class), validation ${split.validation.length}, train ${split.train.length}`);
  // A name is one word: word tokens would make every unseen test name <unk>.
  for (const kind of (name === "names" ? ["char"] : ["char", "word"]) as TokenKind[]) {
    const prep = (t: string): string => (kind === "char" ? t.toLowerCase() : t);
    const vocab = buildTokenVocabulary(Array.from(split.train, (i) => prep(data.examples[i].text)), kind, kind === "char" ? 100 : 5000);
    const encoded = data.examples.map((e) => encodeText(prep(e.text), vocab, 1000));
    const labels = data.examples.map((e) => e.label);
    const nb = fitNaiveBayes(encoded, labels, split.train, vocab.tokens.length, data.classes.length);
    const acc = accuracy(argmaxRows(naiveBayesProbabilities(nb, encoded, split.test), data.classes.length), Array.from(split.test, (i) => labels[i]));
    console.log(`  naive Bayes on ${kind} tokens (vocabulary ${vocab.tokens.length}, unknown ${(100 * vocab.unknownRate).toFixed(2)} %): test accuracy ${(100 * acc).toFixed(1)} %`);
  }
}
