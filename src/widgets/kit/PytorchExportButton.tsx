// src/widgets/kit/PytorchExportButton.tsx: "Export to PyTorch": asks the worker for the Python file that continues the
// run (src/export/pytorch.ts), downloads it, and says what it is and how to run it (or why there is none).
import { useState } from "react";
import { inLang, msgOf, msgPer, useT, type Msg } from "../../i18n";
import { problemMsg } from "../../i18n/kit";
import { PYTORCH } from "../../i18n/pytorch";
import type { PytorchReport } from "../../store/kit/pytorch";
import { useDownload } from "./download";
import "./pytorch.css";

export interface PytorchExportButtonProps {
  /** Asks the widget's store (and so its worker) for the file. */
  request: () => Promise<PytorchReport>;
  disabled?: boolean;
  /** The button's text when a widget has several (e.g. "Export LSTM to PyTorch"). */
  label?: string;
  className?: string;
}

type Outcome = { kind: "ok" | "error"; text: Msg } | null;

export function PytorchExportButton({ request, disabled = false, label, className }: PytorchExportButtonProps) {
  const t = useT(PYTORCH);
  const download = useDownload();
  const [isBusy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const onClick = (): void => {
    setBusy(true);
    void request().then((report) => {
      setBusy(false);
      if ("problem" in report) {
        const why = problemMsg(report.problem);
        setOutcome({ kind: "error", text: msgPer(PYTORCH, "refused", (lang) => ({ why: why[lang] })) });
        return;
      }
      try {
        download(report.fileName, report.text);
        setOutcome({ kind: "ok", text: msgOf(PYTORCH, "saved", { file: report.fileName, step: report.step }) });
      } catch (e) {
        setOutcome({ kind: "error", text: msgPer(PYTORCH, "refused", () => ({ why: (e as Error).message })) });
      }
    });
  };
  return (
    <div className={className ?? "kit-pytorch"}>
      <button type="button" disabled={disabled || isBusy} onClick={onClick} title={t("hint")}>
        {label ?? t("exportButton")}
      </button>
      {/* Polite, with no role: the widget's own status line stays the one role="status" region. */}
      <p className={outcome?.kind === "error" ? "kit-pytorch-note kit-pytorch-error" : "kit-pytorch-note"} aria-live="polite">
        {isBusy ? t("preparing") : outcome ? inLang(outcome.text, t.lang) : null}
      </p>
    </div>
  );
}
