// src/lessons/catalog.ts: the lessons in order (slug, titles, one-line summaries) and the loader of their MDX.
import type { ComponentType } from "react";
import type { MDXProps } from "mdx/types";
import type { Lang } from "./i18n";

export interface LessonInfo {
  slug: string;
  title: Record<Lang, string>;
  summary: Record<Lang, string>;
}

export const LESSONS: readonly LessonInfo[] = [
  {
    slug: "sequences-and-state",
    title: { en: "Sequences and state", zh: "序列与状态" },
    summary: {
      en: "Why a feed-forward net is not enough for sequences, and how a hidden state carried through time fixes that.",
      zh: "为什么前馈网络处理不好序列，以及沿时间传递的隐藏状态如何解决这个问题。",
    },
  },
  {
    slug: "forward-pass",
    title: { en: "The forward pass, step by step", zh: "逐步看前向传播" },
    summary: {
      en: "Walk a tiny RNN through time, number by number, and edit its weights to see what each one does.",
      zh: "在一个很小的 RNN 上逐个时间步、逐个数字地走一遍前向计算，并亲手修改权重。",
    },
  },
  {
    slug: "bptt",
    title: { en: "Loss and backpropagation through time", zh: "损失与随时间反向传播（BPTT）" },
    summary: {
      en: "The gradient flows back from the output and from the future; weight gradients add up over time. A finite-difference check confirms it.",
      zh: "梯度既从输出层流回，也从未来的时间步流回；权重梯度沿时间累加。有限差分检验会验证这一点。",
    },
  },
  {
    slug: "vanishing-gradients",
    title: { en: "Vanishing and exploding gradients", zh: "梯度消失与梯度爆炸" },
    summary: {
      en: "A product of Jacobians, the spectral radius of W_hh, and gradient clipping.",
      zh: "雅可比矩阵的连乘、W_hh 的谱半径，以及梯度裁剪。",
    },
  },
  {
    slug: "lstm",
    title: { en: "The LSTM", zh: "长短期记忆网络（LSTM）" },
    summary: {
      en: "Input, forget and output gates, a tanh candidate, and the cell state as a highway for gradients.",
      zh: "输入门、遗忘门、输出门，tanh 候选值，以及作为梯度“高速公路”的细胞状态。",
    },
  },
  {
    slug: "gru",
    title: { en: "The GRU", zh: "门控循环单元（GRU）" },
    summary: {
      en: "Reset and update gates, PyTorch's convention versus Cho et al.'s, and how the GRU compares with the LSTM.",
      zh: "重置门与更新门，PyTorch 的写法与 Cho 等人写法的区别，以及 GRU 与 LSTM 的比较。",
    },
  },
  {
    slug: "training",
    title: { en: "Training in practice", zh: "训练实践" },
    summary: {
      en: "Losses, optimisers, learning rate, clipping, over- and underfitting, early stopping and weight decay, each with a live experiment.",
      zh: "损失函数、优化器、学习率、梯度裁剪、过拟合与欠拟合、早停和权重衰减，每一项都配一个现场实验。",
    },
  },
  {
    slug: "sequence-classification",
    title: { en: "Sequence classification", zh: "序列分类" },
    summary: {
      en: "Many-to-one: one label per sequence, trained live on a task where order matters.",
      zh: "多对一：每个序列一个标签，在一个顺序至关重要的任务上现场训练。",
    },
  },
  {
    slug: "next-steps",
    title: { en: "Where to go next", zh: "下一步" },
    summary: {
      en: "Bidirectional RNNs, and sequence-to-sequence models with attention.",
      zh: "双向 RNN，以及带注意力机制的序列到序列模型。",
    },
  },
];

export function findLesson(slug: string): { lesson: LessonInfo; index: number } | null {
  const index = LESSONS.findIndex((l) => l.slug === slug);
  return index < 0 ? null : { lesson: LESSONS[index], index };
}

export type LessonContent = ComponentType<MDXProps>;

// One chunk per lesson and language: a lesson's text, maths and widgets load only when it is opened.
const sources = import.meta.glob<{ default: LessonContent }>("../../lessons/*/*.mdx");

export function hasLessonSource(slug: string, lang: Lang): boolean {
  return `../../lessons/${lang}/${slug}.mdx` in sources;
}

/** Loads one lesson's MDX; rejects with a message naming the missing file. */
export function loadLesson(slug: string, lang: Lang): Promise<{ default: LessonContent }> {
  const load = sources[`../../lessons/${lang}/${slug}.mdx`] as (() => Promise<{ default: LessonContent }>) | undefined;
  if (!load) return Promise.reject(new Error(`The lesson file lessons/${lang}/${slug}.mdx does not exist.`));
  return load();
}
