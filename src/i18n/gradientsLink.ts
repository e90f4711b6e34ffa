// src/i18n/gradientsLink.ts: the words of the gradient visualizer's settings checks and link reader. Kept apart from the widget's
// dictionary because they are part of the app shell's first load (the embed registry reads every widget's link).
import type { Dict } from "./index";

export const GRADS_LINK = {
  zeroRadius: {
    en: "A spectral radius of 0 makes W_hh all zeros: no gradient flows back at all. Choose a radius above 0.",
    zh: "谱半径为 0 会让 W_hh 全为零：完全没有梯度能够回传。请选择大于 0 的谱半径。",
  },
  noSuchPreset: { en: "preset={preset}: there is no such preset; the presets are {list}.", zh: "preset={preset}：没有这个预设；可用的预设有 {list}。" },
  usingInstead: { en: "{message} Using {value} for “{label}”.", zh: "{message}“{label}”改用 {value}。" },
} as const satisfies Dict;
