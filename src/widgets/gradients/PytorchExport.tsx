// src/widgets/gradients/PytorchExport.tsx: "Export to PyTorch", one button per cell (each trains its own network).
import { useT } from "../../i18n";
import { PYTORCH } from "../../i18n/pytorch";
import { GRAD_CELLS } from "../../worker/gradients/protocol";
import { PytorchExportButton } from "../kit/PytorchExportButton";
import { useGrad, useGradStore } from "./GradStoreProvider";
import { CELL_NAMES } from "./text";

export function PytorchExport() {
  const store = useGradStore();
  const t = useT(PYTORCH);
  const hasRun = useGrad((s) => s.snapshot !== null && (s.status === "idle" || s.status === "training"));
  return (
    <div className="kit-pytorch-group" role="group" aria-label={t("exportButton")}>
      {GRAD_CELLS.map((cell) => (
        <PytorchExportButton
          key={cell}
          disabled={!hasRun}
          label={t("exportCell", { cell: CELL_NAMES[cell] })}
          request={() => store.getState().requestPytorch(cell)}
        />
      ))}
    </div>
  );
}
