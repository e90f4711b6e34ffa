// src/widgets/chars/PytorchExport.tsx: "Export to PyTorch" for the character lab (the same streams, the carried state).
import { PytorchExportButton } from "../kit/PytorchExportButton";
import { useChar, useCharStore } from "./CharStoreProvider";

export function PytorchExport() {
  const store = useCharStore();
  const hasRun = useChar((s) => s.snapshot !== null && (s.status === "idle" || s.status === "training" || s.status === "diverged"));
  return <PytorchExportButton disabled={!hasRun} request={() => store.getState().requestPytorch()} />;
}
