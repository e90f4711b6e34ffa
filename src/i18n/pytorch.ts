// src/i18n/pytorch.ts: the words of "Export to PyTorch" (every training widget has the button).
import type { Dict } from ".";

export const PYTORCH = {
  exportButton: { en: "Export to PyTorch", zh: "导出到 PyTorch" },
  exportCell: { en: "Export {cell} to PyTorch", zh: "将 {cell} 导出到 PyTorch" },
  preparing: { en: "Writing the Python file…", zh: "正在生成 Python 文件…" },
  saved: {
    en: "Saved {file}. Run it with python3 {file} (PyTorch needed): it goes on from step {step} with these weights, optimiser and data.",
    zh: "已保存 {file}。用 python3 {file} 运行（需要 PyTorch）：它从第 {step} 步起，用这些权重、优化器和数据继续训练。",
  },
  refused: { en: "No Python file: {why}", zh: "无法生成 Python 文件：{why}" },
  hint: {
    en: "A runnable .py file: the model, its weights, the optimiser and the data, continuing where this page stopped.",
    zh: "一个可运行的 .py 文件：模型、权重、优化器和数据，从本页停下的地方继续训练。",
  },
} as const satisfies Dict;
