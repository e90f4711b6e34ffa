// src/i18n/sineLink.ts: the words of the sine playground's settings checks and link reader. Kept apart from the widget's
// dictionary because they are part of the app shell's first load (the embed registry reads every widget's link).
import type { Dict } from "./index";

export const SINE_LINK = {
  periodOrder: { en: "The shortest period ({min}) must not exceed the longest ({max}).", zh: "最短周期（{min}）不能超过最长周期（{max}）。" },
  ampOrder: { en: "The smallest amplitude ({min}) must not exceed the largest ({max}).", zh: "最小振幅（{min}）不能超过最大振幅（{max}）。" },
  horizonTooLong: {
    en: "The horizon ({horizon}) must be shorter than the sequence length ({seqLength}).",
    zh: "预测步长（{horizon}）必须小于序列长度（{seqLength}）。",
  },
  seriesTooShort: {
    en: "Your series has {n} values: too few for training and validation windows of {win} values (sequence length {seqLength} + horizon {horizon}) with a validation fraction of {validation}. Shorten the sequence length, or raise the validation fraction.",
    zh: "你的序列只有 {n} 个值：在验证集比例为 {validation} 时，不足以切出长度为 {win} 的训练窗口和验证窗口（序列长度 {seqLength} + 预测步长 {horizon}）。请缩短序列长度，或提高验证集比例。",
  },
  usingDefaultsFor: { en: "{message} Using the defaults for {labels}.", zh: "{message}改用{labels}的默认值。" },
} as const satisfies Dict;
