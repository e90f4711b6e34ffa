// src/widgets/sine/PytorchExport.tsx: "Export to PyTorch" for the sine playground (windows of the same series).
import { PytorchExportButton } from "../kit/PytorchExportButton";
import { useSine, useSineStore } from "./SineStoreProvider";

export function PytorchExport() {
  const store = useSineStore();
  const hasRun = useSine((s) => s.snapshot !== null && (s.status === "idle" || s.status === "training" || s.status === "diverged"));
  return <PytorchExportButton disabled={!hasRun} request={() => store.getState().requestPytorch()} />;
}
