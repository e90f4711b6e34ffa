// src/lessons/CellDiagram.tsx: the LSTM and GRU cells drawn in the spirit of colah's diagrams, bound to the step
// view's live values: the state's additive path along the top, each gate's value written on its wire, the current
// step's numbers (the same StepData the equations show, hidden answers included). Wires are D3 paths.
import { line } from "d3";
import type { ReactNode } from "react";
import { fmtVec } from "./format";
import { useStrings } from "./LangContext";
import { useStep } from "./stepStore";
import { rowOf, type StepData } from "./tinyNet";

const W = 600;
const H = 250;
const TOP = 46;
const BOTTOM = 214;
const path = line();

function Wire({ points, symbol, arrow = true }: { points: [number, number][]; symbol?: string; arrow?: boolean }) {
  const hovered = useStep((s) => s.hovered);
  return (
    <path
      d={path(points) ?? ""}
      className="cell-wire"
      data-sym={symbol}
      data-hot={symbol !== undefined && hovered === symbol ? "true" : undefined}
      markerEnd={arrow ? "url(#cell-arrow)" : undefined}
    />
  );
}

function Op({ x, y, label }: { x: number; y: number; label: string }) {
  return (
    <g className="cell-op">
      <circle cx={x} cy={y} r={11} />
      <text x={x} y={y} dy="0.35em" textAnchor="middle">
        {label}
      </text>
    </g>
  );
}

function Gate({ x, y, act, name, symbol }: { x: number; y: number; act: string; name: string; symbol: string }) {
  const hovered = useStep((s) => s.hovered);
  const setHovered = useStep((s) => s.setHovered);
  return (
    <g
      className="cell-gate"
      data-sym={symbol}
      data-hot={hovered === symbol ? "true" : undefined}
      onMouseEnter={() => {
        setHovered(symbol);
      }}
      onMouseLeave={() => {
        setHovered(null);
      }}
    >
      <rect x={x - 24} y={y - 13} width={48} height={26} rx={5} />
      <text x={x} y={y} dy="0.35em" textAnchor="middle">
        {act} {name}
      </text>
    </g>
  );
}

function Value({ x, y, label, values, anchor = "start" }: { x: number; y: number; label: string; values: Float64Array; anchor?: "start" | "middle" | "end" }) {
  return (
    <text className="cell-value" x={x} y={y} textAnchor={anchor}>
      {label} = {fmtVec(values)}
    </text>
  );
}

export function CellDiagram({ data }: { data: StepData }) {
  const s = useStrings();
  const t = useStep((st) => st.t);
  const k = t - 1;
  const Hn = data.H;
  const zeros = new Float64Array(Hn);
  const hPrev = t > 1 ? rowOf(data.h, k - 1, Hn) : zeros;
  const h = rowOf(data.h, k, Hn);
  const gate = (g: string) => rowOf(data.gates[g], k, Hn);
  const sub = (n: number) => String(n).replace(/\d/g, (d) => "₀₁₂₃₄₅₆₇₈₉"[Number(d)]);
  let body: ReactNode;
  if (data.cell === "lstm") {
    const cPrev = t > 1 ? rowOf(data.c!, k - 1, Hn) : zeros;
    const c = rowOf(data.c!, k, Hn);
    body = (
      <>
        {/* The cell state's path: multiplied by f, then i ⊙ g added. No matrix on it. */}
        <Wire points={[[20, TOP], [148, TOP]]} symbol="cPrev" />
        <Op x={160} y={TOP} label="×" />
        <Wire points={[[171, TOP], [318, TOP]]} />
        <Op x={330} y={TOP} label="+" />
        <Wire points={[[341, TOP], [585, TOP]]} symbol="c" />
        <Value x={20} y={TOP - 14} label={`c${sub(t - 1)}`} values={cPrev} />
        <Value x={585} y={TOP - 14} label={`c${sub(t)}`} values={c} anchor="end" />
        {/* Inputs: h_{t−1} and x_t along the bottom, into every gate. */}
        <Wire points={[[20, BOTTOM], [470, BOTTOM]]} symbol="hPrev" arrow={false} />
        <Value x={20} y={BOTTOM + 22} label={`h${sub(t - 1)}, x${sub(t)}`} values={Float64Array.of(...hPrev, data.x[k])} />
        {(
          [
            ["f", 160, "σ"],
            ["i", 260, "σ"],
            ["g", 330, "tanh"],
            ["o", 430, "σ"],
          ] as const
        ).map(([g, x, act]) => (
          <g key={g}>
            <Wire points={[[x, BOTTOM], [x, 150]]} />
            <Gate x={x} y={137} act={act} name={g} symbol={g} />
            <Value x={x} y={g === "f" || g === "g" ? 170 : 190} label={`${g}${sub(t)}`} values={gate(g)} anchor="middle" />
          </g>
        ))}
        <Wire points={[[160, 124], [160, TOP + 11]]} symbol="f" />
        <Wire points={[[260, 124], [260, 96], [318, 96]]} symbol="i" />
        <Op x={330} y={96} label="×" />
        <Wire points={[[330, 124], [330, 107]]} symbol="g" />
        <Wire points={[[330, 85], [330, TOP + 11]]} />
        {/* Output: h_t = o ⊙ tanh(c_t). */}
        <Wire points={[[500, TOP], [500, 76]]} symbol="c" />
        <Gate x={500} y={89} act="tanh" name="" symbol="c" />
        <Wire points={[[500, 102], [500, 159]]} />
        <Op x={500} y={170} label="×" />
        <Wire points={[[430, 124], [430, 105], [470, 105], [470, 170], [489, 170]]} symbol="o" />
        <Wire points={[[511, 170], [585, 170]]} symbol="h" />
        <Value x={585} y={158} label={`h${sub(t)}`} values={h} anchor="end" />
      </>
    );
  } else if (data.cell === "gru") {
    const hn = rowOf(data.hn!, k, Hn);
    body = (
      <>
        {/* The state's path: kept in proportion z, replaced in proportion 1 − z by the candidate. */}
        <Wire points={[[20, TOP], [148, TOP]]} symbol="hPrev" />
        <Op x={160} y={TOP} label="×" />
        <Wire points={[[171, TOP], [398, TOP]]} />
        <Op x={410} y={TOP} label="+" />
        <Wire points={[[421, TOP], [585, TOP]]} symbol="h" />
        <Value x={20} y={TOP - 14} label={`h${sub(t - 1)}`} values={hPrev} />
        <Value x={585} y={TOP - 14} label={`h${sub(t)}`} values={h} anchor="end" />
        <Wire points={[[20, BOTTOM], [360, BOTTOM]]} symbol="hPrev" arrow={false} />
        <Value x={20} y={BOTTOM + 22} label={`h${sub(t - 1)}, x${sub(t)}`} values={Float64Array.of(...hPrev, data.x[k])} />
        {(
          [
            ["r", 110, "σ"],
            ["z", 220, "σ"],
            ["n", 340, "tanh"],
          ] as const
        ).map(([g, x, act]) => (
          <g key={g}>
            <Wire points={[[x, BOTTOM], [x, 150]]} />
            <Gate x={x} y={137} act={act} name={g} symbol={g} />
            <Value x={x + 28} y={g === "n" ? 160 : 116} label={`${g}${sub(t)}`} values={gate(g)} />
          </g>
        ))}
        {/* r scales W_hn h_{t−1} + b_hn inside the candidate. */}
        <Wire points={[[110, 124], [110, 180], [318, 180]]} symbol="r" />
        <Op x={330} y={180} label="×" />
        <Value x={150} y={198} label="Wₕₙ h + bₕₙ" values={hn} />
        <Wire points={[[220, 124], [220, 96], [160, 96], [160, TOP + 11]]} symbol="z" />
        <Op x={280} y={96} label="1−" />
        <Wire points={[[220, 96], [269, 96]]} symbol="z" />
        <Wire points={[[291, 96], [398, 96]]} />
        <Op x={410} y={96} label="×" />
        <Wire points={[[340, 124], [340, 110], [399, 106]]} symbol="n" />
        <Wire points={[[410, 85], [410, TOP + 11]]} />
      </>
    );
  } else {
    return null;
  }
  return (
    <svg className="cell-diagram" viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={s.cellDiagramLabel(data.cell === "lstm" ? "LSTM" : "GRU", t)}>
      <title>{s.cellDiagramLabel(data.cell === "lstm" ? "LSTM" : "GRU", t)}</title>
      <defs>
        <marker id="cell-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="arrow-head" />
        </marker>
      </defs>
      {body}
    </svg>
  );
}
