// src/i18n/kit.ts: what the training kit says in every widget: worker problems (codes and values from the worker,
// worded here), a restarted or failed worker, slow settings. No English text from the worker reaches the Chinese UI.
import { fn, msgOf, msgPer, type Dict, type Lang, type Msg } from ".";
import type { Problem } from "../worker/kit/protocol";

const ENGINE_EN: Record<string, string> = {
  config: "a model or training setting is out of range",
  shape: "an array has the wrong length or shape",
  value: "a number is not finite, or a class index is out of range",
  "model-file": "the model file is malformed or does not fit",
  state: "the request does not fit the network's current state",
};
const ENGINE_ZH: Record<string, string> = {
  config: "某个模型或训练设置超出范围",
  shape: "某个数组的长度或形状不对",
  value: "某个数值不是有限数，或类别索引超出范围",
  "model-file": "模型文件格式有误或与当前设置不符",
  state: "这个请求与网络的当前状态不符",
};
const RANGE_EN: Record<string, string> = { temperature: "The temperature", sampleLength: "The sample length", topK: "The number of candidates", seed: "The seed" };
const RANGE_ZH: Record<string, string> = { temperature: "温度", sampleLength: "样本长度", topK: "候选数", seed: "随机种子" };
const quoted = (s: string[]): string => s.map((c) => JSON.stringify(c)).join(", ");
/** At most a short prefix of a detail that came from elsewhere (an input may be huge). */
const short = (s: string): string => (s.length > 300 ? `${s.slice(0, 300)}…` : s);

function problemEn(p: Problem): string {
  switch (p.key) {
    case "version":
      return `This page speaks protocol ${p.page}, the training worker ${p.worker}: reload the page.`;
    case "beforeInit":
      return `The training worker got "${p.command}" before it was set up.`;
    case "clipNorm":
      return `The clipping norm must be a positive number, but is ${p.value}.`;
    case "range":
      return `${RANGE_EN[p.what] ?? p.what} must be from ${p.min} to ${p.max}, but is ${p.value}.`;
    case "vocabulary":
      return p.problem === "tooSmall" ? "The vocabulary needs at least two characters." : "The vocabulary lists a character twice.";
    case "cannotTrain":
      return `This model cannot train on the current text: its vocabulary lacks ${quoted(p.missing)}. It can still write samples. Pick a text written in its characters, or press Reset to train a new model on this text.`;
    case "checkpoint":
      return `The saved weights do not fit this network (${p.got} numbers, ${p.expected} expected).`;
    case "engine":
      return `The network refused this: ${ENGINE_EN[p.code] ?? p.code} (${short(p.detail)}).`;
    case "text":
      return short(p.detail);
    case "internal":
      return `The training worker failed (${short(p.detail)}).`;
    case "crash":
      return `The training worker crashed (${short(p.detail)}).`;
  }
}

function problemZh(p: Problem): string {
  switch (p.key) {
    case "version":
      return `此页面使用协议 ${p.page}，训练 worker 使用协议 ${p.worker}：请重新加载页面。`;
    case "beforeInit":
      return `训练 worker 在完成设置之前收到了“${p.command}”。`;
    case "clipNorm":
      return `裁剪范数必须是正数，但当前为 ${p.value}。`;
    case "range":
      return `${RANGE_ZH[p.what] ?? p.what}必须在 ${p.min} 到 ${p.max} 之间，但当前为 ${p.value}。`;
    case "vocabulary":
      return p.problem === "tooSmall" ? "词表至少需要两个字符。" : "词表中有重复的字符。";
    case "cannotTrain":
      return `这个模型无法在当前文本上训练：它的词表缺少 ${quoted(p.missing)}。它仍然可以生成样本。请选择用它的字符写成的文本，或按“重置”在这段文本上训练新模型。`;
    case "checkpoint":
      return `保存的权重与这个网络不符（有 ${p.got} 个数，应为 ${p.expected} 个）。`;
    case "engine":
      return `网络拒绝了这个请求：${ENGINE_ZH[p.code] ?? "输入有误"}。`;
    case "text":
      return "这段文本无法使用。";
    case "internal":
      return "训练 worker 出现内部错误。";
    case "crash":
      return "训练 worker 崩溃了。";
  }
}

/** A worker's problem worded in both languages (the Chinese never quotes the worker's English detail). */
export function problemMsg(p: Problem): Msg {
  return { en: problemEn(p), zh: problemZh(p) };
}

export const KIT = {
  couldNotStart: { en: "The training worker could not be started: {why}", zh: "无法启动训练 worker：{why}" },
  noWorkers: { en: "this browser has no Web Workers, which training needs", zh: "此浏览器不支持训练所需的 Web Worker" },
  crashedTooOften: {
    en: "The training worker crashed {n} times in a minute (last: {why}). Reload the page; if it happens again, choose smaller settings.",
    zh: "训练 worker 在一分钟内崩溃了 {n} 次（最近一次：{why}）。请重新加载页面；如果再次发生，请选择更小的设置。",
  },
  restarted: fn<{ why: string; step: number; goesOn: boolean }>(
    (p) => `The training worker stopped unexpectedly (${p.why}). It was restarted from step ${p.step.toLocaleString("en")}` + (p.goesOn ? " and training continues." : "; press Train to continue."),
    (p) => `训练 worker 意外停止（${p.why}）。已从第 ${p.step.toLocaleString("en")} 步重新启动` + (p.goesOn ? "，训练继续进行。" : "，按“训练”继续。"),
  ),
  noAnswer: { en: "no answer for {s} s", zh: "{s} 秒没有响应" },
  workerStopped: { en: "the worker stopped", zh: "worker 已停止" },
  workerFailed: { en: "an error in the worker", zh: "worker 中出现错误" },
  slowStep: fn<{ seconds: string }>(
    (p) => `With these settings one training step takes about ${p.seconds} s here, so the charts will move slowly. Smaller settings (hidden size, layers, batch, sequence length) train faster.`,
    (p) => `在这些设置下，每个训练步骤大约需要 ${p.seconds} 秒，图表会更新得很慢。更小的设置（隐藏层大小、层数、批大小、序列长度）训练得更快。`,
  ),
  tooSlow: fn<{ seconds: string }>(
    (p) => `These settings are too large to train in the browser: one step would take about ${p.seconds} s. Lower the hidden size, the layers, the batch or the sequence length.`,
    (p) => `这些设置太大，无法在浏览器中训练：每一步大约需要 ${p.seconds} 秒。请减小隐藏层大小、层数、批大小或序列长度。`,
  ),
} as const satisfies Dict;

/** The expected seconds per step, as a short number. */
export function secondsText(ms: number): string {
  const s = ms / 1000;
  return s >= 10 ? String(Math.round(s)) : s.toFixed(1);
}

export function slowStepMsg(ms: number): Msg {
  return msgOf(KIT, "slowStep", { seconds: secondsText(ms) });
}

export function tooSlowMsg(ms: number): Msg {
  return msgOf(KIT, "tooSlow", { seconds: secondsText(ms) });
}

/** "Restarted from step n", with the reason worded per language. */
export function restartedMsg(why: Msg, step: number, goesOn: boolean): Msg {
  return msgPer(KIT, "restarted", (lang: Lang) => ({ why: why[lang], step, goesOn }));
}

/** Settings a course locked (src/store/locks.ts). */
export const LOCKS = {
  lockedRefusal: {
    en: "{label} is set by your course (locked) at {value}; it cannot be changed here.",
    zh: "{label}由你的课程设定（已锁定）为 {value}，这里不能更改。",
  },
  lockedRemedy: {
    en: "This remedy would change {labels}, which your course has locked. Reset, or ask your teacher.",
    zh: "这个补救办法会更改{labels}，而你的课程锁定了它们。请重置，或询问你的老师。",
  },
} as const satisfies Dict;
