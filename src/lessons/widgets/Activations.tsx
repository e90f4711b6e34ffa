// src/lessons/widgets/Activations.tsx: σ, tanh and ReLU with their derivatives, and the saturation regions where the
// slope (the factor a gradient is multiplied by when it passes back through the unit) has fallen below a tenth of
// its peak. A slider reads off all six values at one pre-activation a.
import { useId, useMemo, useState } from "react";
import { fmt } from "../format";
import { useStrings } from "../LangContext";
import { LessonChart } from "../LessonChart";
import { choiceProp, type WidgetProps } from "../props";

export type ActivationName = "tanh" | "sigmoid" | "relu";

const sigmoid = (a: number): number => 1 / (1 + Math.exp(-a));

export const ACTIVATIONS: Record<ActivationName, { f: (a: number) => number; df: (a: number) => number; peak: number }> = {
  tanh: { f: Math.tanh, df: (a) => 1 - Math.tanh(a) ** 2, peak: 1 },
  sigmoid: { f: sigmoid, df: (a) => sigmoid(a) * (1 - sigmoid(a)), peak: 0.25 },
  // ReLU's slope is 0 or 1 (PyTorch takes 0 at a = 0): it never saturates for a > 0, and is dead for a < 0.
  relu: { f: (a) => Math.max(0, a), df: (a) => (a > 0 ? 1 : 0), peak: 1 },
};

/** |a| beyond which the slope stays below a tenth of its peak (σ: 3.64; tanh: 1.82); ReLU: none (Infinity). */
export function saturationEdge(name: ActivationName): number {
  if (name === "relu") return Infinity;
  const { df, peak } = ACTIVATIONS[name];
  let lo = 0;
  let hi = 20;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (df(mid) > peak / 10) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

const RANGE = 6;
const GRID = Array.from({ length: 121 }, (_, i) => -RANGE + (i * 2 * RANGE) / 120);

export default function Activations(props: WidgetProps) {
  const s = useStrings();
  const [name, setName] = useState<ActivationName>(() => choiceProp<ActivationName>(props, "start", ["tanh", "sigmoid", "relu"], "tanh"));
  const [a, setA] = useState(2.5);
  const sliderId = useId();
  const { f, df } = ACTIVATIONS[name];
  const edge = saturationEdge(name);
  const label = name === "sigmoid" ? "σ" : name === "tanh" ? "tanh" : "ReLU";
  const series = useMemo(
    () => [
      { label: `${label}(a)`, values: GRID.map(f), x: GRID },
      { label: `${label}′(a)`, values: GRID.map(df), x: GRID },
    ],
    [label, f, df],
  );
  const bands = Number.isFinite(edge)
    ? [
        { from: -RANGE, to: -edge, label: s.saturated },
        { from: edge, to: RANGE, label: s.saturated },
      ]
    : [{ from: -RANGE, to: 0, label: s.deadRelu }];
  const isSaturated = Number.isFinite(edge) ? Math.abs(a) > edge : a < 0;
  return (
    <section className="lesson-widget activations" aria-label={s.activationsTitle}>
      <h3 className="widget-title">{s.activationsTitle}</h3>
      <div className="control-row" role="radiogroup" aria-label={s.activationChoice}>
        {(["tanh", "sigmoid", "relu"] as const).map((n) => (
          <label key={n}>
            <input
              type="radio"
              name={`${sliderId}-act`}
              checked={name === n}
              onChange={() => {
                setName(n);
              }}
            />{" "}
            {n === "sigmoid" ? "σ (sigmoid)" : n === "tanh" ? "tanh" : "ReLU"}
          </label>
        ))}
      </div>
      <LessonChart title={s.activationsTitle} series={series} xLabel={s.preActivation} yLabel={s.valueAxis} bands={bands} marker={a} yDomain={[-1.1, 1.6]} height={200} />
      <div className="control-row">
        <label htmlFor={sliderId}>{s.preActivation}</label>
        <input
          id={sliderId}
          type="range"
          min={-RANGE}
          max={RANGE}
          step={0.1}
          value={a}
          onChange={(e) => {
            setA(Number(e.target.value));
          }}
        />
        <output htmlFor={sliderId}>{fmt(a)}</output>
      </div>
      <p role="status">{s.activationLine(label, fmt(a), fmt(f(a)), fmt(df(a)), isSaturated, Number.isFinite(edge) ? fmt(edge) : null)}</p>
    </section>
  );
}
