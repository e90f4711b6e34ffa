// src/data/messages.ts: what was wrong with a learner's data or typed input, as a code with values, worded in English and Chinese.
// Pure (no React, no DOM): the data modules throw DataInputError carrying a DataProblem; the UI shows
// describeProblem(problem, lang), or words the code itself. English is the error's own message.

export type DataLang = "en" | "zh";

/** Every way the data modules refuse input; `values` holds what the sentence names. */
export type DataProblem =
  | { code: "empty"; values: Record<string, never> }
  | { code: "noTab"; values: { line: number; text: string } }
  | { code: "emptyLabel"; values: { line: number } }
  | { code: "emptyText"; values: { line: number } }
  | { code: "lineTooLong"; values: { line: number; length: number; max: number } }
  | { code: "tooManyLines"; values: { lines: number; max: number } }
  | { code: "textTooLarge"; values: { chars: number; max: number } }
  | { code: "tooManyClasses"; values: { classes: number; max: number } }
  | { code: "oneClass"; values: { label: string } }
  | { code: "tooFewPerClass"; values: { label: string; count: number; min: number } }
  | { code: "badHeader"; values: { file: string; expected: string; found: string } }
  | { code: "badRow"; values: { file: string; line: number; text: string } }
  | { code: "notNumber"; values: { file: string; line: number; text: string } }
  | { code: "seriesTooShort"; values: { length: number; min: number } }
  | { code: "emptyInput"; values: Record<string, never> }
  | { code: "unknownSymbols"; values: { symbols: string; allowed: string } }
  | { code: "inputTooLong"; values: { length: number; max: number } };

export type DataProblemCode = DataProblem["code"];

type Values<C extends DataProblemCode> = Extract<DataProblem, { code: C }>["values"];
type Wording = { [C in DataProblemCode]: Record<DataLang, (v: Values<C>) => string> };

const WORDING: Wording = {
  empty: {
    en: () => "There is nothing to read: paste or upload lines of the form label<TAB>text, one example per line.",
    zh: () => "没有可读取的内容：请粘贴或上传“标签<TAB>文本”格式的行，每行一个样例。",
  },
  noTab: {
    en: (v) => `Line ${v.line} has no tab: "${v.text}". Write the label, a tab, then the text.`,
    zh: (v) => `第 ${v.line} 行没有制表符：“${v.text}”。请先写标签，再写一个制表符，然后写文本。`,
  },
  emptyLabel: {
    en: (v) => `Line ${v.line} has an empty label before its tab. Put the class name first.`,
    zh: (v) => `第 ${v.line} 行制表符前的标签为空。请把类别名写在最前面。`,
  },
  emptyText: {
    en: (v) => `Line ${v.line} has a label but no text after its tab.`,
    zh: (v) => `第 ${v.line} 行有标签，但制表符后面没有文本。`,
  },
  lineTooLong: {
    en: (v) => `Line ${v.line} has ${v.length} characters; the limit is ${v.max}. Shorten it or split it into several examples.`,
    zh: (v) => `第 ${v.line} 行有 ${v.length} 个字符，上限是 ${v.max}。请缩短它，或拆成几个样例。`,
  },
  tooManyLines: {
    en: (v) => `There are ${v.lines} lines; the limit is ${v.max}. Use a sample of your data.`,
    zh: (v) => `共有 ${v.lines} 行，上限是 ${v.max}。请只用数据的一部分。`,
  },
  textTooLarge: {
    en: (v) => `The text has ${v.chars} characters; the limit is ${v.max}. Use a sample of your data.`,
    zh: (v) => `文本有 ${v.chars} 个字符，上限是 ${v.max}。请只用数据的一部分。`,
  },
  tooManyClasses: {
    en: (v) => `There are ${v.classes} different labels; the limit is ${v.max}. Merge some classes.`,
    zh: (v) => `共有 ${v.classes} 种不同的标签，上限是 ${v.max}。请合并一些类别。`,
  },
  oneClass: {
    en: (v) => `Every line has the label "${v.label}": a classifier needs at least two classes.`,
    zh: (v) => `所有行的标签都是“${v.label}”：分类器至少需要两个类别。`,
  },
  tooFewPerClass: {
    en: (v) => `The class "${v.label}" has ${v.count} example(s); each class needs at least ${v.min} (for training, validation and test).`,
    zh: (v) => `类别“${v.label}”只有 ${v.count} 个样例；每个类别至少需要 ${v.min} 个（用于训练、验证和测试）。`,
  },
  badHeader: {
    en: (v) => `${v.file}: the first line should be "${v.expected}" but is "${v.found}". The file may be damaged; reload the page.`,
    zh: (v) => `${v.file}：第一行应为“${v.expected}”，实际是“${v.found}”。文件可能已损坏，请重新加载页面。`,
  },
  badRow: {
    en: (v) => `${v.file}, line ${v.line}: "${v.text}" does not have the expected columns.`,
    zh: (v) => `${v.file} 第 ${v.line} 行：“${v.text}”的列不符合要求。`,
  },
  notNumber: {
    en: (v) => `${v.file}, line ${v.line}: "${v.text}" is not a number.`,
    zh: (v) => `${v.file} 第 ${v.line} 行：“${v.text}”不是数字。`,
  },
  seriesTooShort: {
    en: (v) => `The series has ${v.length} values; at least ${v.min} are needed for training, validation and test windows. Use a shorter window or more data.`,
    zh: (v) => `该序列只有 ${v.length} 个值；训练、验证和测试窗口至少需要 ${v.min} 个。请缩短窗口或使用更多数据。`,
  },
  emptyInput: {
    en: () => "Type something first: the input is empty.",
    zh: () => "请先输入内容：输入为空。",
  },
  unknownSymbols: {
    en: (v) => `The model has never seen ${v.symbols}. Use only these characters: ${v.allowed}.`,
    zh: (v) => `模型从未见过 ${v.symbols}。请只使用这些字符：${v.allowed}。`,
  },
  inputTooLong: {
    en: (v) => `The input has ${v.length} characters; the model reads at most ${v.max}.`,
    zh: (v) => `输入有 ${v.length} 个字符，模型最多读取 ${v.max} 个。`,
  },
};

/** The problem as a sentence in `lang`. */
export function describeProblem(problem: DataProblem, lang: DataLang): string {
  const say = WORDING[problem.code][lang] as (v: DataProblem["values"]) => string;
  return say(problem.values);
}

/** Thrown by the data modules on bad input; `problem` lets the UI word it in the learner's language. */
export class DataInputError extends Error {
  constructor(readonly problem: DataProblem) {
    super(describeProblem(problem, "en"));
    this.name = "DataInputError";
  }
}

/** Shortens a line for quoting inside a message. */
export function excerpt(text: string, max = 40): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
