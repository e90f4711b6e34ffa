// src/store/charSettings.ts: the character lab's settings: the schema, the built-in texts, and the trainer setup.
import type { CharSetup, SampleSettings } from "../worker/chars/protocol";
import type { OptimSettings } from "../worker/kit/protocol";
import type { Schema, Values } from "./schema";

export interface BuiltinCorpus {
  id: string;
  name: string;
  /** Path under the site root (public/corpora/…), fetched only when picked. */
  file: string;
  language: string;
  credit: string;
  /** The same three in Simplified Chinese. */
  zh: { name: string; language: string; credit: string };
}

/** The texts shipped with the app (public/corpora/README.md says where each comes from and its licence). */
export const CORPORA: readonly BuiltinCorpus[] = [
  { id: "shakespeare", name: "Shakespeare: Coriolanus (tiny Shakespeare, first 54 KB)", file: "corpora/shakespeare.txt", language: "English", credit: "William Shakespeare, public domain",
    zh: { name: "莎士比亚：《科利奥兰纳斯》（tiny Shakespeare，前 54 KB）", language: "英语", credit: "威廉·莎士比亚，公有领域" } },
  { id: "moby-dick", name: "Melville: Moby-Dick, chapters 1–21 (208 KB)", file: "corpora/moby-dick.txt", language: "English", credit: "Herman Melville (1851), public domain",
    zh: { name: "梅尔维尔：《白鲸》第 1–21 章（208 KB）", language: "英语", credit: "赫尔曼·梅尔维尔（1851 年），公有领域" } },
  { id: "tang-poems", name: "唐詩三百首 Three Hundred Tang Poems (88 KB)", file: "corpora/tang-poems.txt", language: "Chinese (traditional)", credit: "Tang dynasty poets, public domain; text from the chinese-poetry project (MIT)",
    zh: { name: "《唐詩三百首》（88 KB）", language: "中文（繁体）", credit: "唐代诗人，公有领域；文本来自 chinese-poetry 项目（MIT 许可证）" } },
];

export const CHAR_SCHEMA = {
  // text
  corpus: { kind: "enum", label: "Text", labelZh: "文本", options: [...CORPORA.map((c) => c.id), "custom"], default: "shakespeare" },
  validation: { kind: "number", label: "Held-out fraction", labelZh: "留出比例", min: 0.02, max: 0.5, default: 0.1 },
  // model
  cell: { kind: "enum", label: "Cell", labelZh: "单元类型", options: ["lstm", "gru", "rnn"], default: "lstm" },
  hidden: { kind: "int", label: "Hidden size", labelZh: "隐藏层大小", min: 4, max: 512, default: 128 },
  layers: { kind: "int", label: "Layers", labelZh: "层数", min: 1, max: 3, default: 1 },
  // training
  bptt: { kind: "int", label: "BPTT length (characters per window)", labelZh: "BPTT 长度（每个窗口的字符数）", min: 2, max: 200, default: 50 },
  batch: { kind: "int", label: "Batch size (parallel streams)", labelZh: "批大小（并行流数）", min: 1, max: 32, default: 32 },
  optimizer: { kind: "enum", label: "Optimiser", labelZh: "优化器", options: ["adam", "rmsprop", "momentum", "sgd"], default: "adam" },
  lr: { kind: "number", label: "Learning rate", labelZh: "学习率", min: 0, max: 10, default: 0.003, minExclusive: true },
  clip: { kind: "bool", label: "Gradient clipping", labelZh: "梯度裁剪", default: true },
  clipNorm: { kind: "number", label: "Clipping max norm", labelZh: "裁剪最大范数", min: 0, max: 1000, default: 5, minExclusive: true },
  seed: { kind: "int", label: "Seed (weights)", labelZh: "随机种子（权重）", min: 0, max: 2 ** 31 - 1, default: 1 },
  // sampling
  temperature: { kind: "number", label: "Temperature", labelZh: "温度", min: 0, max: 2, default: 0.8 },
  sampleSeed: { kind: "int", label: "Sampling seed", labelZh: "采样种子", min: 0, max: 2 ** 31 - 1, default: 1 },
  sampleLength: { kind: "int", label: "Characters to generate", labelZh: "生成字符数", min: 1, max: 1000, default: 300 },
  topK: { kind: "int", label: "Candidates shown (top k)", labelZh: "显示的候选数（top k）", min: 1, max: 10, default: 5 },
} as const satisfies Schema;

export type CharSettings = Values<typeof CHAR_SCHEMA>;
export type CharKey = keyof CharSettings;

/** Settings a running network takes without a restart. */
export const LIVE_KEYS: readonly CharKey[] = ["optimizer", "lr", "clip", "clipNorm"];
/** Settings of sampling only: the network is untouched. */
export const SAMPLING_KEYS: readonly CharKey[] = ["temperature", "sampleSeed", "sampleLength", "topK"];
/** The longest priming text, in characters. */
export const MAX_PRIME_CHARS = 200;

export function optimOf(s: CharSettings): OptimSettings {
  return { optimizer: s.optimizer as OptimSettings["optimizer"], learningRate: s.lr, clipMaxNorm: s.clip ? s.clipNorm : null };
}

export function samplingOf(s: CharSettings, prime: string): SampleSettings {
  return { temperature: s.temperature, prime, seed: s.sampleSeed, length: s.sampleLength, topK: s.topK };
}

export function toCharSetup(s: CharSettings, text: string, vocabulary: string[]): CharSetup {
  return {
    model: { cell: s.cell as CharSetup["model"]["cell"], hiddenSize: s.hidden, numLayers: s.layers },
    optim: optimOf(s),
    bpttLength: s.bptt,
    batchSize: s.batch,
    seed: s.seed,
    text,
    vocabulary,
    validationFraction: s.validation,
  };
}
