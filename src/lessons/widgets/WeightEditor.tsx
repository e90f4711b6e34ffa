// src/lessons/widgets/WeightEditor.tsx: every parameter of a tiny network as a number field; an edit writes into the
// engine's parameter view and the widget reruns the pass.
import { useId, useState } from "react";
import type { Network } from "../../engine";
import { fmt, parseShown } from "../format";
import { useStrings } from "../LangContext";

/** The lessons' names for PyTorch's parameter names. */
export const PARAM_LABEL: Record<string, string> = {
  "rnn.weight_ih_l0": "W_ih",
  "rnn.weight_hh_l0": "W_hh",
  "rnn.bias_ih_l0": "b_ih",
  "rnn.bias_hh_l0": "b_hh",
  "head.weight": "W_hy",
  "head.bias": "b_y",
};

export function WeightEditor({ net, onEdit, onReset }: { net: Network; onEdit: () => void; onReset: () => void }) {
  const s = useStrings();
  const helpId = useId();
  return (
    <fieldset className="weight-editor" aria-describedby={helpId}>
      <legend>{s.weights}</legend>
      <p id={helpId} className="hint">
        {s.weightsHelp}
      </p>
      <div className="weight-grid">
        {net.layout.specs.map((spec) => {
          const label = PARAM_LABEL[spec.name] ?? spec.name;
          const rows = spec.shape[0];
          const cols = spec.shape.length > 1 ? spec.shape[1] : 1;
          const isMatrix = spec.shape.length > 1;
          return (
            <div key={spec.name} className="weight-block">
              <span className="weight-name">{label}</span>
              <div className="weight-cells" style={{ gridTemplateColumns: `repeat(${cols}, 4.6rem)` }}>
                {Array.from({ length: rows * cols }, (_, i) => (
                  <WeightInput
                    key={i}
                    net={net}
                    name={spec.name}
                    index={i}
                    label={isMatrix ? s.weightLabel(label, Math.floor(i / cols) + 1, (i % cols) + 1) : s.biasLabel(label, i + 1)}
                    onEdit={onEdit}
                  />
                ))}
              </div>
            </div>
          );
        })}
      </div>
      <button type="button" onClick={onReset}>
        {s.resetWeights}
      </button>
    </fieldset>
  );
}

function WeightInput({ net, name, index, label, onEdit }: { net: Network; name: string; index: number; label: string; onEdit: () => void }) {
  const s = useStrings();
  const [draft, setDraft] = useState(() => fmt(net.param(name)[index]));
  const value = parseShown(draft);
  const isValid = Number.isFinite(value) && Math.abs(value) <= 100;
  return (
    <input
      type="text"
      inputMode="decimal"
      aria-label={label}
      aria-invalid={!isValid}
      title={isValid ? undefined : s.notANumber}
      value={draft}
      onChange={(e) => {
        const text = e.target.value;
        setDraft(text);
        const v = parseShown(text);
        if (Number.isFinite(v) && Math.abs(v) <= 100) {
          net.param(name)[index] = v;
          onEdit();
        }
      }}
    />
  );
}
