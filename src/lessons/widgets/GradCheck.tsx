// src/lessons/widgets/GradCheck.tsx: a finite-difference gradient check, run live on the lesson's tiny network:
// every weight once, BPTT's derivative against the central difference of the engine's loss. A switch drops the
// gradient's t + 1 term (each step backpropagated alone, the state still carried forward), and the check fails.
import { useId, useState } from "react";
import type { Network } from "../../engine";
import { fmt } from "../format";
import { useStrings } from "../LangContext";
import { type WidgetProps } from "../props";
import { buildTinyNet, tinyBatch, type TinyNetSpec } from "../tinyNet";
import { CELL_NAME, readTinySpec } from "./StepThrough";
import { PARAM_LABEL } from "./WeightEditor";

/**
 * Float64 central differences with ε = 1e−5 have truncation error ~ε² and rounding ~1e−16/ε, so a correct BPTT
 * agrees to about 1e−7 relative on these well-conditioned tiny networks; a missing term is off by far more.
 */
const AGREEMENT = 1e-5;
const EPS = 1e-5;

export interface CheckEntry {
  name: string;
  /** Index within the tensor (row-major). */
  index: number;
  analytic: number;
  numeric: number;
  relError: number;
}

/**
 * ∂L/∂θ with the t + 1 term dropped: the sequence run as T windows of one step, the state carried from each into
 * the next (as truncated BPTT does) but no gradient sent back across a window's start. The loss is a mean over
 * the T steps, so each one-step window's gradient counts 1/T.
 */
export function gradientWithoutNextTerm(net: Network, spec: TinyNetSpec): Float64Array {
  const batch = tinyBatch(spec);
  const T = spec.steps;
  const total = new Float64Array(net.numParams);
  net.resetState();
  for (let t = 0; t < T; t++) {
    const window = { T: 1, B: 1, inputs: batch.inputs!.subarray(t, t + 1), targets: batch.targets!.subarray(t, t + 1) };
    net.forwardBackward(window, { initialState: t === 0 ? "zeros" : "carry" });
    const g = net.grads;
    for (let i = 0; i < total.length; i++) total[i] += g[i] / T;
  }
  net.resetState();
  return total;
}

/** Every weight of the tiny network once: the chosen gradient against the central difference of the full loss. */
export function checkAll(spec: TinyNetSpec, dropNext: boolean): CheckEntry[] {
  const net = buildTinyNet(spec);
  const batch = tinyBatch(spec);
  net.forwardBackward(batch);
  const analytic = dropNext ? gradientWithoutNextTerm(net, spec) : net.grads.slice();
  const theta = net.params;
  const entries: CheckEntry[] = [];
  for (const p of net.layout.specs) {
    for (let index = 0; index < p.size; index++) {
      const at = p.offset + index;
      const saved = theta[at];
      theta[at] = saved + EPS;
      const up = net.forward(batch);
      theta[at] = saved - EPS;
      const down = net.forward(batch);
      theta[at] = saved;
      const numeric = (up - down) / (2 * EPS);
      const a = analytic[at];
      entries.push({ name: p.name, index, analytic: a, numeric, relError: Math.abs(a - numeric) / Math.max(Math.abs(a), Math.abs(numeric), 1e-12) });
    }
  }
  return entries;
}

/** "[2, 1]" for a matrix entry, "[2]" for a vector's: 1-based, as the lessons index. */
function entryLabel(shape: readonly number[], index: number): string {
  if (shape.length < 2) return `[${index + 1}]`;
  return `[${Math.floor(index / shape[1]) + 1}, ${(index % shape[1]) + 1}]`;
}

const precise = (v: number): string => v.toPrecision(8).replace("-", "−");

export default function GradCheck(props: WidgetProps) {
  const spec = readTinySpec(props);
  const s = useStrings();
  const switchId = useId();
  const [dropNext, setDropNext] = useState(false);
  const [result, setResult] = useState<{ entries: CheckEntry[]; dropNext: boolean; shapes: Record<string, readonly number[]> } | null>(null);
  const title = `${s.gradCheckTitle} (${CELL_NAME[spec.cell]})`;
  const canDrop = spec.cell === "rnn" && spec.outputs === "all";
  const maxRel = result ? Math.max(...result.entries.map((e) => e.relError)) : 0;
  const run = (drop: boolean) => {
    const shapes = Object.fromEntries(buildTinyNet(spec).layout.specs.map((p) => [p.name, p.shape]));
    setResult({ entries: checkAll(spec, drop), dropNext: drop, shapes });
  };
  return (
    <section className="lesson-widget grad-check" aria-label={title}>
      <h3 className="widget-title">{title}</h3>
      <div className="control-row">
        <button
          type="button"
          onClick={() => {
            run(dropNext);
          }}
        >
          {s.runGradCheck}
        </button>
        {canDrop && (
          <label htmlFor={switchId}>
            <input
              id={switchId}
              type="checkbox"
              checked={dropNext}
              onChange={(e) => {
                setDropNext(e.target.checked);
                if (result) run(e.target.checked);
              }}
            />{" "}
            {s.dropNextTerm}
          </label>
        )}
      </div>
      {result && (
        <>
          <p role="status" className={maxRel < AGREEMENT ? "verdict-ok" : "verdict-bad"}>
            {s.gradCheckVerdict(fmt(maxRel), maxRel < AGREEMENT)}
            {result.dropNext ? ` ${s.droppedExplained}` : ""}
          </p>
          <div className="table-scroll">
            <table className="values-table">
              <caption>{result.dropNext ? s.gradCheckCaptionDropped : s.gradCheckCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{s.parameter}</th>
                  <th scope="col">{s.entry}</th>
                  <th scope="col">{result.dropNext ? s.bpttDropped : s.bptt}</th>
                  <th scope="col">{s.finiteDiff}</th>
                  <th scope="col">{s.relError}</th>
                </tr>
              </thead>
              <tbody>
                {result.entries.map((e) => (
                  <tr key={`${e.name}/${e.index}`} className={e.relError < AGREEMENT ? undefined : "is-off"}>
                    <th scope="row">{PARAM_LABEL[e.name] ?? e.name}</th>
                    <td>{entryLabel(result.shapes[e.name], e.index)}</td>
                    <td>{precise(e.analytic)}</td>
                    <td>{precise(e.numeric)}</td>
                    <td>{fmt(e.relError)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
