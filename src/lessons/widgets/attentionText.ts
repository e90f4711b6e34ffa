// src/lessons/widgets/attentionText.ts: the words of lesson 9's live widgets (one decoder step with attention, and
// unidirectional vs bidirectional), in English and Chinese.
import type { Lang } from "../i18n";

const EN = {
  stepTitle: "One decoder step with attention, computed by the engine",
  stepIntro: (src: string, tgt: string) =>
    `A small encoder–decoder (tanh-RNN cells, H = 3, dot-product attention) reads “${src}” and is taught to write “${tgt}”. Every number below is the engine's own, for the step you pick.`,
  decoderStep: "Decoder step",
  stepButton: (t: number, y: string) => `t = ${t}: reads “${y}”`,
  trainButton: (n: number) => `Train ${n} steps`,
  resetButton: "New weights",
  trained: (n: number, loss: string) => `Trained ${n} steps; loss ${loss}.`,
  untrained: "Untrained: the weights are PyTorch's default initialisation (seeded). Train a few times and watch the weights α sharpen.",
  equations: "The equations of this step",
  symbols: "Symbols of this step",
  hoverHint: "Hover or focus a symbol to see its value.",
  likeliest: (y: string, p: string) => `The likeliest output is “${y}” (p = ${p}).`,
  openLab: "Train a real one on dates or pronunciations in the translation lab",
  biTitle: "A label that depends on what comes next: unidirectional vs bidirectional",
  biIntro:
    "Each position is labelled with the symbol that comes after it (the last with “–”). A left-to-right RNN has not read it yet when it must answer, so it can only guess; a bidirectional RNN reads the sequence from both ends. Both are trained on the same batches from the same seed.",
  biTrain: (n: number) => `Train both ${n} steps`,
  biReset: "Start again",
  uni: "Unidirectional GRU",
  bi: "Bidirectional GRU",
  biScore: (acc: string, loss: string, step: number) => `Held-out accuracy ${acc} · loss ${loss} · step ${step}`,
  biExample: "A held-out sequence, its labels, and each network's answers",
  input: "Input",
  target: "Label (the next symbol)",
};

const ZH: typeof EN = {
  stepTitle: "带注意力的一个解码步骤（由引擎计算）",
  stepIntro: (src: string, tgt: string) =>
    `一个小型编码器–解码器（tanh-RNN 单元，H = 3，点积注意力）读入“${src}”，学习写出“${tgt}”。下面的每个数字都是引擎针对你选择的那一步算出来的。`,
  decoderStep: "解码步骤",
  stepButton: (t: number, y: string) => `t = ${t}：读入“${y}”`,
  trainButton: (n: number) => `训练 ${n} 步`,
  resetButton: "重新初始化权重",
  trained: (n: number, loss: string) => `已训练 ${n} 步；损失 ${loss}。`,
  untrained: "尚未训练：权重为 PyTorch 的默认初始化（固定种子）。多训练几次，观察权重 α 如何变得集中。",
  equations: "这一步的方程",
  symbols: "这一步的符号",
  hoverHint: "将鼠标悬停在符号上（或用键盘聚焦）即可查看其值。",
  likeliest: (y: string, p: string) => `最可能的输出是“${y}”（p = ${p}）。`,
  openLab: "在翻译实验室里用日期或发音数据训练一个真正的模型",
  biTitle: "取决于后文的标签：单向与双向对比",
  biIntro:
    "每个位置的标签是它后面的那个符号（最后一个位置为“–”）。从左到右的 RNN 在必须回答时还没有读到它，只能猜；双向 RNN 从两端读取序列。两个网络使用同一种子、在相同的批次上训练。",
  biTrain: (n: number) => `两个网络各训练 ${n} 步`,
  biReset: "重新开始",
  uni: "单向 GRU",
  bi: "双向 GRU",
  biScore: (acc: string, loss: string, step: number) => `留出集准确率 ${acc} · 损失 ${loss} · 第 ${step} 步`,
  biExample: "一个留出序列、它的标签以及两个网络的回答",
  input: "输入",
  target: "标签（下一个符号）",
};

export type AttentionText = typeof EN;
export const ATTENTION_TEXT: Record<Lang, AttentionText> = { en: EN, zh: ZH };
