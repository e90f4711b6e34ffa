// src/i18n/controls.ts: the shared controls' words and the settings schema's validation messages.
import { fn, type Dict } from "./index";

export interface RangeProblem {
  label: string;
  isInteger: boolean;
  min: number;
  max: number;
  /** True when the lower bound itself is not allowed (a learning rate above 0). */
  isMinExclusive: boolean;
  /** What was typed (cut short), or "" when nothing was. */
  got: string;
}

export const CONTROLS = {
  // Run bars: the English names are what tests and learners look for ("Train", "Pause", "Step", "Reset").
  train: { en: "Train", zh: "训练" },
  pause: { en: "Pause", zh: "暂停" },
  step: { en: "Step", zh: "单步" },
  reset: { en: "Reset", zh: "重置" },
  dismiss: { en: "Dismiss", zh: "关闭" },

  // Under a control whose value was refused: the value in force is kept.
  stillUsing: { en: " Still using {kept}.", zh: "仍在使用 {kept}。" },

  // Validation of one field (src/store/schema.ts); {label} is the setting's name in the same language.
  mustBeOnOff: { en: "{label} must be on or off.", zh: "{label}只能是开或关。" },
  mustBeOneOf: { en: "{label} must be one of {options}.", zh: "{label}必须是以下之一：{options}。" },
  mustBeInRange: fn<RangeProblem>(
    (p) =>
      `${p.label} must be ${p.isInteger ? "a whole number" : "a number"} ` +
      `${p.isMinExclusive ? `above ${p.min} and up to ${p.max}` : `from ${p.min} to ${p.max}`}${p.got === "" ? "" : `, not ${p.got}`}.`,
    (p) =>
      `${p.label}必须是${p.isMinExclusive ? `大于 ${p.min} 且不超过 ${p.max} 的` : `${p.min} 到 ${p.max} 之间的`}` +
      `${p.isInteger ? "整数" : "数"}${p.got === "" ? "" : `，而不是 ${p.got}`}。`,
  ),
  // Settings read from a link (src/store/schema.ts fromParams).
  notASetting: { en: "\"{key}\" is not a setting of this widget.", zh: "“{key}”不是这个小部件的设置项。" },
  badParam: { en: "{param}: {error}", zh: "{param}：{error}" },
  and: { en: " and ", zh: "和" },
} as const satisfies Dict;

/** How each choice of an enum setting reads on screen (the URL keeps the short value). */
export const OPTIONS = {
  rnn: { en: "RNN (tanh)", zh: "RNN（tanh）" },
  lstm: { en: "LSTM", zh: "LSTM" },
  gru: { en: "GRU", zh: "GRU" },
  pytorch: { en: "PyTorch default (uniform ±1/√H)", zh: "PyTorch 默认（均匀分布 ±1/√H）" },
  xavier: { en: "Xavier", zh: "Xavier" },
  orthogonal: { en: "Orthogonal", zh: "正交" },
  identity: { en: "Identity (recurrent weights)", zh: "单位矩阵（循环权重）" },
  adam: { en: "Adam", zh: "Adam" },
  rmsprop: { en: "RMSprop", zh: "RMSprop" },
  momentum: { en: "SGD with momentum", zh: "带动量的 SGD" },
  sgd: { en: "SGD", zh: "SGD" },
} as const satisfies Dict;

/** An option's label in `lang`, or the value itself when it has none. */
export function optionLabel(value: string, lang: "en" | "zh"): string {
  const entry = (OPTIONS as Dict)[value] as { en: string; zh: string } | undefined;
  return entry ? entry[lang] : value;
}
