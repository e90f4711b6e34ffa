// src/store/classifySettings.ts: the classification lab's settings (one schema for URL, locks and controls) and setup.
import type { ClassifyData, ClassifySetup } from "../worker/classify/protocol";
import type { OptimSettings } from "../worker/kit/protocol";
import type { Schema, Values } from "./schema";

/** The built-in data sets (public/data/README.md: source and licence), fetched only when picked. */
export const CLASSIFY_DATASETS = { names: "data/names.tsv", spam: "data/spam.tsv" } as const;
export type BuiltinDataset = keyof typeof CLASSIFY_DATASETS;

export const CLASSIFY_SCHEMA = {
  dataset: { kind: "enum", label: "Data", labelZh: "数据", options: ["names", "spam", "own"], default: "names" },
  tokens: { kind: "enum", label: "Tokens", labelZh: "词元", options: ["char", "word"], default: "char" },
  maxLen: { kind: "int", label: "Tokens read per text (longer texts are cut)", labelZh: "每条文本读取的词元数（更长的会被截断）", min: 5, max: 1000, default: 200 },
  cell: { kind: "enum", label: "Cell", labelZh: "单元类型", options: ["gru", "lstm", "rnn"], default: "gru" },
  layers: { kind: "int", label: "Layers", labelZh: "层数", min: 1, max: 2, default: 1 },
  bidir: { kind: "bool", label: "Bidirectional", labelZh: "双向", default: false },
  hidden: { kind: "int", label: "Hidden size", labelZh: "隐藏层大小", min: 2, max: 256, default: 32 },
  embed: { kind: "int", label: "Embedding size", labelZh: "嵌入维度", min: 2, max: 128, default: 16 },
  dropout: { kind: "number", label: "Dropout between layers", labelZh: "层间 dropout", min: 0, max: 0.9, default: 0 },
  optimizer: { kind: "enum", label: "Optimiser", labelZh: "优化器", options: ["adam", "rmsprop", "momentum", "sgd"], default: "adam" },
  lr: { kind: "number", label: "Learning rate", labelZh: "学习率", min: 0, max: 10, default: 0.01, minExclusive: true },
  batch: { kind: "int", label: "Batch size", labelZh: "批大小", min: 1, max: 256, default: 32 },
  clip: { kind: "bool", label: "Gradient clipping", labelZh: "梯度裁剪", default: true },
  clipNorm: { kind: "number", label: "Clipping max norm", labelZh: "裁剪最大范数", min: 0, max: 1000, default: 5, minExclusive: true },
  seed: { kind: "int", label: "Seed (split and weights)", labelZh: "随机种子（划分与权重）", min: 0, max: 2 ** 31 - 1, default: 1 },
  compareSteps: { kind: "int", label: "Steps per model in Compare", labelZh: "对比中每个模型的步数", min: 10, max: 5000, default: 300 },
} as const satisfies Schema;

export type ClassifySettings = Values<typeof CLASSIFY_SCHEMA>;
export type ClassifyKey = keyof ClassifySettings;

/** Settings a running network takes without a restart. */
export const CLASSIFY_LIVE_KEYS: readonly ClassifyKey[] = ["optimizer", "lr", "clip", "clipNorm"];
/** Settings that change nothing in the trainer. */
export const CLASSIFY_PAGE_KEYS: readonly ClassifyKey[] = ["compareSteps"];

export function classifyOptimOf(s: ClassifySettings): OptimSettings {
  return { optimizer: s.optimizer as OptimSettings["optimizer"], learningRate: s.lr, clipMaxNorm: s.clip ? s.clipNorm : null };
}

export function toClassifySetup(s: ClassifySettings, data: ClassifyData): ClassifySetup {
  return {
    data,
    tokens: s.tokens === "word" ? "word" : "char",
    model: {
      cell: s.cell as ClassifySetup["model"]["cell"], numLayers: s.layers, bidirectional: s.bidir, hiddenSize: s.hidden,
      embeddingSize: s.embed, dropout: s.dropout,
    },
    optim: classifyOptimOf(s),
    batchSize: s.batch,
    seed: s.seed,
    maxLength: s.maxLen,
  };
}
