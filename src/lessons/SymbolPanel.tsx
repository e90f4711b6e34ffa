// src/lessons/SymbolPanel.tsx: the hovered symbol's current value, and a focusable list of every symbol (keyboard access).
import { fmtVec, texMat } from "./format";
import type { SymbolValue } from "./equations";
import { useStrings } from "./LangContext";
import { useStep } from "./stepStore";
import { Tex } from "./Tex";

function valueTex(v: SymbolValue): string {
  return texMat(v.values, v.rows, v.cols);
}

export function SymbolPanel({ symbols }: { symbols: readonly SymbolValue[] }) {
  const s = useStrings();
  const hovered = useStep((st) => st.hovered);
  const setHovered = useStep((st) => st.setHovered);
  const current = symbols.find((v) => v.key === hovered) ?? null;
  return (
    <div className="symbol-panel">
      <div className="symbol-readout" aria-live="polite">
        {current ? <Tex tex={`${current.label} = ${valueTex(current)}`} /> : <span className="hint">{s.hoverHint}</span>}
      </div>
      <ul className="symbol-list" aria-label={s.symbolsLabel}>
        {symbols.map((v) => (
          <li key={v.key}>
            <button
              type="button"
              data-sym={v.key}
              data-hot={hovered === v.key ? "true" : undefined}
              aria-label={`${v.text} = ${fmtVec(v.values)}`}
              onFocus={() => {
                setHovered(v.key);
              }}
              onBlur={() => {
                setHovered(null);
              }}
              onMouseEnter={() => {
                setHovered(v.key);
              }}
              onMouseLeave={() => {
                setHovered(null);
              }}
            >
              <Tex tex={v.label} aria-hidden="true" />
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The current step's values as a table: the text alternative of the equations, and what tests read. */
export function ValuesTable({ t, symbols }: { t: number; symbols: readonly SymbolValue[] }) {
  const s = useStrings();
  const hovered = useStep((st) => st.hovered);
  return (
    <table className="values-table">
      <caption>{s.valuesCaption(t)}</caption>
      <thead>
        <tr>
          <th scope="col">{s.symbolHeader}</th>
          <th scope="col">{s.valueHeader}</th>
        </tr>
      </thead>
      <tbody>
        {symbols.map((v) => (
          <tr key={v.key} data-sym={v.key} data-hot={hovered === v.key ? "true" : undefined}>
            <th scope="row">{v.text}</th>
            <td>{fmtVec(v.values)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
