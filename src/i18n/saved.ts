// src/i18n/saved.ts: the words about a run kept in this browser across reloads (sine playground).
import type { Dict } from "./index";

export const SAVED = {
  restored: {
    en: "Continued from your run saved in this browser (step {step}).",
    zh: "已从此浏览器中保存的训练继续（第 {step} 步）。",
  },
  savedAt: {
    en: "Saved in this browser at step {step}: a reload continues from there.",
    zh: "已保存在此浏览器中（第 {step} 步）：重新加载后会从这里继续。",
  },
  willSave: {
    en: "Once you train, the run is saved in this browser every few seconds and on pause, so a reload continues it.",
    zh: "开始训练后，训练进度会每隔几秒以及在暂停时保存在此浏览器中，重新加载后可以继续。",
  },
  noStorage: {
    en: "This browser offers no storage (IndexedDB), so the run is not kept after a reload.",
    zh: "此浏览器不提供存储（IndexedDB），所以重新加载后训练不会保留。",
  },
  forget: { en: "Forget saved run", zh: "忘记保存的训练" },
  forgot: {
    en: "Forgot the saved run: a new network starts from step 0. It is saved again once you train it.",
    zh: "已忘记保存的训练：新的网络从第 0 步开始。训练后会再次保存。",
  },
  otherSettings: {
    en: "A run saved in this browser used other settings than this link, so a new network starts. Training it replaces the saved run.",
    zh: "此浏览器中保存的训练使用的设置与此链接不同，所以从新的网络开始。训练它会替换保存的训练。",
  },
  couldNotRead: {
    en: "Could not read the saved run ({why}); starting afresh.",
    zh: "无法读取保存的训练（{why}）；从头开始。",
  },
  couldNotSave: {
    en: "Could not save the run for the next visit ({why}). Training goes on.",
    zh: "无法保存训练以供下次访问（{why}）。训练继续进行。",
  },
  couldNotForget: {
    en: "Could not forget the saved run ({why}).",
    zh: "无法忘记保存的训练（{why}）。",
  },
} as const satisfies Dict;
