// src/store/translateSettings.ts: the translation lab's settings: the schema (URL, saved run, controls) and the trainer setup.
import type { AttentionKind, Seq2SeqCell } from "../engine/seq2seq";
import type { OptimSettings } from "../worker/kit/protocol";
import type { TranslateSetup, TranslateTask } from "../worker/translate/protocol";
import { defaults, type Schema, type Values } from "./schema";

export const TRANSLATE_SCHEMA = {
  task: { kind: "enum", label: "Task", labelZh: "任务", options: ["dates", "cmudict", "reverse", "sort"], default: "dates" },
  cell: { kind: "enum", label: "Encoder and decoder cell", labelZh: "编码器和解码器单元", options: ["gru", "lstm", "rnn"], default: "gru" },
  attention: { kind: "enum", label: "Attention", labelZh: "注意力", options: ["additive", "dot", "general", "none"], default: "additive" },
  embedding: { kind: "int", label: "Embedding size", labelZh: "嵌入维度", min: 2, max: 128, default: 16 },
  hidden: { kind: "int", label: "Hidden size", labelZh: "隐藏层大小", min: 2, max: 256, default: 64 },
  teacherForcing: { kind: "number", label: "Teacher-forcing ratio", labelZh: "教师强制比例", min: 0, max: 1, default: 1 },
  beam: { kind: "int", label: "Beam width", labelZh: "束宽", min: 1, max: 16, default: 3 },
  compare: { kind: "bool", label: "Also train without attention (side by side)", labelZh: "同时训练一个不带注意力的模型（并排对比）", default: false },
  optimizer: { kind: "enum", label: "Optimiser", labelZh: "优化器", options: ["adam", "rmsprop", "momentum", "sgd"], default: "adam" },
  lr: { kind: "number", label: "Learning rate", labelZh: "学习率", min: 0, max: 10, default: 0.005, minExclusive: true },
  batch: { kind: "int", label: "Batch size", labelZh: "批大小", min: 1, max: 256, default: 32 },
  clip: { kind: "bool", label: "Gradient clipping", labelZh: "梯度裁剪", default: true },
  clipNorm: { kind: "number", label: "Clipping max norm", labelZh: "裁剪最大范数", min: 0, max: 1000, default: 1, minExclusive: true },
  seed: { kind: "int", label: "Seed", labelZh: "随机种子", min: 0, max: 2 ** 31 - 1, default: 1 },
} as const satisfies Schema;

export type TranslateSettings = Values<typeof TRANSLATE_SCHEMA>;
export type TranslateKey = keyof TranslateSettings;

export const TRANSLATE_DEFAULTS: TranslateSettings = defaults(TRANSLATE_SCHEMA);

/** Settings the running networks take without a restart (the optimiser's). */
export const TRANSLATE_OPTIM_KEYS: readonly TranslateKey[] = ["optimizer", "lr", "clip", "clipNorm"];
/** Settings of decoding and teacher forcing: no restart either. */
export const TRANSLATE_DECODING_KEYS: readonly TranslateKey[] = ["teacherForcing", "beam"];

export function optimOf(s: TranslateSettings): OptimSettings {
  return { optimizer: s.optimizer as OptimSettings["optimizer"], learningRate: s.lr, clipMaxNorm: s.clip ? s.clipNorm : null };
}

/** The trainer's setup; `corpus` is the CMUdict text when the task needs it. */
export function toTranslateSetup(s: TranslateSettings, corpus?: string): TranslateSetup {
  return {
    task: s.task as TranslateTask,
    cell: s.cell as Seq2SeqCell,
    attention: s.attention as AttentionKind,
    embeddingSize: s.embedding,
    hiddenSize: s.hidden,
    teacherForcing: s.teacherForcing,
    beamWidth: s.beam,
    batchSize: s.batch,
    optim: optimOf(s),
    compare: s.compare,
    seed: s.seed,
    ...(corpus !== undefined ? { corpus } : {}),
  };
}

/** The file a task loads (under the site root), or null for generated data. */
export function corpusFileOf(task: string): string | null {
  return task === "cmudict" ? "data/cmudict.tsv" : null;
}
