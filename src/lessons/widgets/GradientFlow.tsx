// src/lessons/widgets/GradientFlow.tsx: ‖∂L/∂h_t‖ over a long sequence as W_hh's spectral radius (RNN) or the forget
// bias (LSTM) changes; the engine's own spectral radius and gradient clipping on the same gradients.
import { useId, useMemo, useState } from "react";
import { clipGradNorm, createNetwork, gradNorm, readTrace, spectralRadius, type CellType } from "../../engine";
import { fmt } from "../format";
import { LessonChart } from "../LessonChart";
import { useStrings } from "../LangContext";
import { boolProp, choiceProp, intProp, numberProp, type WidgetProps } from "../props";
import { CELL_NAME } from "./StepThrough";

const CLIP_CHOICES = [0.5, 1, 2, 5, 10] as const;

interface FlowResult {
  dhNorm: Float64Array;
  dcNorm: Float64Array | null;
  rho: number;
  totalNorm: number;
  clippedNorm: number;
}

/**
 * One forward and backward pass of a network with a loss at the last step only, so every gradient starts at
 * t = T and flows back alone. Inputs: a sine of amplitude 0.5 (states stay off saturation at moderate weights).
 */
function runFlow(cell: CellType, H: number, T: number, knob: number, clipMaxNorm: number): FlowResult {
  const net = createNetwork(
    { cell, inputSize: 1, hiddenSize: H, numLayers: 1, outputSize: 1, loss: "mse", outputMode: "last" },
    { seed: 3, kernels: "ts", init: cell === "lstm" ? { scheme: "xavier", forgetBias: knob } : { scheme: "orthogonal", spectralRadius: knob } },
  );
  const inputs = Float64Array.from({ length: T }, (_, t) => 0.5 * Math.sin(0.5 * t));
  net.forwardBackward({ T, B: 1, inputs, targets: Float64Array.of(1) });
  const trace = readTrace(net);
  const g = net.grads.slice();
  const totalNorm = clipGradNorm(g, clipMaxNorm);
  const Whh = net.param("rnn.weight_hh_l0");
  return {
    dhNorm: trace.dhNorm![0],
    dcNorm: trace.dcNorm ? trace.dcNorm[0] : null,
    rho: cell === "lstm" ? NaN : spectralRadius(Whh, 0, H),
    totalNorm,
    clippedNorm: gradNorm(g),
  };
}

export default function GradientFlow(props: WidgetProps) {
  const cell = choiceProp<CellType>(props, "cell", ["rnn", "lstm"], "rnn");
  const H = intProp(props, "hidden", 16, 1, 64);
  const T = intProp(props, "steps", 40, 2, 200);
  const showClip = boolProp(props, "clip", false);
  const s = useStrings();
  const knobId = useId();
  const clipId = useId();
  const [knob, setKnob] = useState(() => numberProp(props, cell === "lstm" ? "forgetBias" : "radius", cell === "lstm" ? 0 : 0.9, -5, 5));
  const [clip, setClip] = useState<number>(1);
  const flow = useMemo(() => runFlow(cell, H, T, knob, clip), [cell, H, T, knob, clip]);
  const series = useMemo(() => {
    const out = [{ label: s.normSeries("h"), values: flow.dhNorm }];
    if (flow.dcNorm) out.push({ label: s.normSeries("c"), values: flow.dcNorm });
    return out;
  }, [flow, s]);
  const title = `${s.gradientFlowTitle} (${CELL_NAME[cell]}, T = ${T})`;
  const first = flow.dhNorm[0];
  const last = flow.dhNorm[T - 1];

  return (
    <section className="lesson-widget gradient-flow" aria-label={title}>
      <h3 className="widget-title">{title}</h3>
      <div className="control-row">
        <label htmlFor={knobId}>{cell === "lstm" ? s.forgetBias : s.spectralRadius}</label>
        <input
          id={knobId}
          type="range"
          min={cell === "lstm" ? -2 : 0.5}
          max={cell === "lstm" ? 5 : 2}
          step={cell === "lstm" ? 0.5 : 0.05}
          value={knob}
          onChange={(e) => {
            setKnob(Number(e.target.value));
          }}
        />
        <output htmlFor={knobId}>{fmt(knob)}</output>
      </div>
      {cell !== "lstm" && <p className="hint">{s.measuredRadius(fmt(flow.rho))}</p>}
      <LessonChart series={series} title={title} xLabel={s.timeAxis} yLabel={s.gradNormAxis} log height={220} />
      <p role="status">{s.ratioLine(fmt(first), fmt(last), fmt(first / last))}</p>
      {showClip && (
        <div className="control-row">
          <label htmlFor={clipId}>{s.clipThreshold}</label>
          <select
            id={clipId}
            value={clip}
            onChange={(e) => {
              setClip(Number(e.target.value));
            }}
          >
            {CLIP_CHOICES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          <span>{s.clipLine(fmt(flow.totalNorm), fmt(flow.clippedNorm), flow.clippedNorm < flow.totalNorm)}</span>
        </div>
      )}
      <p>
        <a href="#/visualizer/gradients">{s.gradientsLink}</a>
      </p>
    </section>
  );
}
