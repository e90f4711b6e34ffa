// src/lessons/UnrolledDiagram.tsx: the network unrolled in time as SVG; the current timestep is highlighted, and its
// nodes and arrows share symbol keys with the equations (hover one, the other lights up).
import type { CellType, OutputMode } from "../engine";
import { fmt, fmtVec } from "./format";
import { useStrings } from "./LangContext";
import { useStep } from "./stepStore";

export interface UnrolledDiagramProps {
  T: number;
  cell: CellType;
  outputs: OutputMode;
  /** The value written under the current step's hidden node (h_t forward, ∂L/∂h_t backward). */
  currentValue?: Float64Array;
}

const COL = 96;
const LEFT = 78;
const Y_OUT = 30;
const Y_H = 108;
const Y_X = 188;
const HEIGHT = 232;
const NODE_R = 21;

type Status = "done" | "current" | "pending";

export function UnrolledDiagram({ T, cell, outputs, currentValue }: UnrolledDiagramProps) {
  const s = useStrings();
  const t = useStep((st) => st.t);
  const direction = useStep((st) => st.direction);
  const hovered = useStep((st) => st.hovered);
  const setHovered = useStep((st) => st.setHovered);
  const setT = useStep((st) => st.setT);
  const isForward = direction === "forward";
  const width = LEFT + T * COL + 16;
  const cx = (step: number): number => LEFT + (step - 0.5) * COL;
  const status = (step: number): Status => {
    if (step === t) return "current";
    return (isForward ? step < t : step > t) ? "done" : "pending";
  };
  /** Props that bind an element to a symbol: highlight when hovered, set the hover on pointer enter. */
  const bind = (key: string | null) =>
    key === null
      ? {}
      : {
          "data-sym": key,
          "data-hot": hovered === key ? "true" : undefined,
          onMouseEnter: () => {
            setHovered(key);
          },
          onMouseLeave: () => {
            setHovered(null);
          },
        };
  const hLabel = cell === "lstm" ? ["h", "c"] : ["h"];
  const hasOut = (step: number): boolean => outputs === "all" || step === T;

  return (
    <svg
      className={`unrolled unrolled-${direction}`}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      width="100%"
      style={{ maxWidth: `${width * 1.15}px` }}
      role="img"
      aria-label={s.diagramLabel(T, t, isForward, outputs === "all")}
    >
      <title>{s.diagramTitle}</title>
      <defs>
        <marker id="arrow-fwd" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="arrow-head" />
        </marker>
      </defs>
      {/* The current step's column. */}
      <rect className="unrolled-current" x={cx(t) - COL / 2 + 4} y={4} width={COL - 8} height={HEIGHT - 8} rx={10} />
      {/* h_0: the initial state. */}
      <g className={`unrolled-node h0 ${t === 1 ? "" : "is-quiet"}`} {...(t === 1 ? bind("hPrev") : {})}>
        <circle cx={LEFT - 42} cy={Y_H} r={NODE_R - 4} strokeDasharray="4 3" />
        <text x={LEFT - 42} y={Y_H} dy="0.35em" textAnchor="middle">
          {hLabel.map((v) => `${v}₀`).join(",")}
        </text>
      </g>
      {Array.from({ length: T }, (_, i) => {
        const step = i + 1;
        const st = status(step);
        const x = cx(step);
        const isCur = step === t;
        const prevX = step === 1 ? LEFT - 42 + NODE_R - 4 : cx(step - 1) + NODE_R;
        // Keys of this column's parts, when it is the current step (or its neighbour that the equations use).
        const keys = {
          x: isCur && isForward ? "x" : null,
          h: isCur ? (isForward ? "h" : "dh") : !isForward && step === t + 1 ? (cell === "rnn" ? "daNext" : "dhNext") : isForward && step === t - 1 ? "hPrev" : !isForward && step === t - 1 ? "hPrev" : null,
          y: isCur ? (isForward ? "y" : "dy") : null,
          inArrow: isCur && isForward ? (cell === "rnn" ? "Wih" : null) : null,
          recArrow: (isForward && isCur) || (!isForward && step === t + 1) ? "Whh" : null,
          outArrow: isCur ? "Why" : null,
        };
        return (
          <g key={step} className={`unrolled-step is-${st}`}>
            {/* recurrent arrow h_{s−1} → h_s */}
            <line
              x1={prevX}
              y1={Y_H}
              x2={x - NODE_R - 2}
              y2={Y_H}
              className="unrolled-arrow rec"
              markerEnd={isForward ? "url(#arrow-fwd)" : undefined}
              markerStart={isForward ? undefined : "url(#arrow-fwd)"}
              {...bind(keys.recArrow)}
            />
            {/* input arrow x_s → h_s */}
            <line x1={x} y1={Y_X - 15} x2={x} y2={Y_H + NODE_R + 3} className="unrolled-arrow" markerEnd="url(#arrow-fwd)" {...bind(keys.inArrow)} />
            <g className="unrolled-node x" {...bind(keys.x)}>
              <rect x={x - 22} y={Y_X - 14} width={44} height={28} rx={5} />
              <text x={x} y={Y_X} dy="0.35em" textAnchor="middle">
                x{sub(step)}
              </text>
            </g>
            <g
              className="unrolled-node h"
              {...bind(keys.h)}
              onClick={() => {
                setT(step);
              }}
            >
              <circle cx={x} cy={Y_H} r={NODE_R} />
              <text x={x} y={Y_H} dy="0.35em" textAnchor="middle">
                {hLabel.map((v) => `${v}${sub(step)}`).join(",")}
              </text>
            </g>
            {isCur && currentValue && (
              // Beside the input arrow, not on it: one entry per line, right of the arrow.
              <text className="unrolled-value" x={x + 7} y={Y_H + NODE_R + 14} textAnchor="start" aria-label={fmtVec(currentValue)}>
                {Array.from(currentValue, (v, j) => (
                  <tspan key={j} x={x + 7} dy={j === 0 ? 0 : "1.15em"}>
                    {fmt(v)}
                  </tspan>
                ))}
              </text>
            )}
            {hasOut(step) && (
              <>
                <line
                  x1={x}
                  y1={Y_H - NODE_R - 2}
                  x2={x}
                  y2={Y_OUT + 15}
                  className="unrolled-arrow"
                  markerEnd={isForward ? "url(#arrow-fwd)" : undefined}
                  markerStart={isForward ? undefined : "url(#arrow-fwd)"}
                  {...bind(keys.outArrow)}
                />
                <g className="unrolled-node y" {...bind(keys.y)}>
                  <rect x={x - 22} y={Y_OUT - 14} width={44} height={28} rx={5} />
                  <text x={x} y={Y_OUT} dy="0.35em" textAnchor="middle">
                    y{sub(step)}
                  </text>
                </g>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}

const SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";
function sub(n: number): string {
  return String(n)
    .split("")
    .map((ch) => SUBSCRIPTS[Number(ch)])
    .join("");
}
