// src/i18n/chartExport.ts: the words of every chart's Export menu (src/viz/Figure.tsx).
import type { Dict } from "./index";

export const CHART_EXPORT = {
  exportMenu: { en: "Export", zh: "导出" },
  exportGroup: { en: "Export {title}", zh: "导出“{title}”" },
  downloadPng: { en: "Download PNG", zh: "下载 PNG" },
  downloadSvg: { en: "Download SVG", zh: "下载 SVG" },
  downloadCsv: { en: "Download CSV", zh: "下载 CSV" },
  couldNotMake: {
    en: "Could not make the {what} ({why}). The data table (“Show data”) has the same numbers.",
    zh: "无法生成 {what}（{why}）。数据表（“显示数据”）中有相同的数字。",
  },
} as const satisfies Dict;
