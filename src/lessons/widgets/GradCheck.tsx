// src/lessons/widgets/GradCheck.tsx: the engine's finite-difference gradient check, run live on the lesson's tiny network.
import { useState } from "react";
import { gradCheck, type GradCheckResult } from "../../engine";
import { fmt } from "../format";
import { useStrings } from "../LangContext";
import { intProp, type WidgetProps } from "../props";
import { buildTinyNet, tinyBatch } from "../tinyNet";
import { CELL_NAME, readTinySpec } from "./StepThrough";
import { PARAM_LABEL } from "./WeightEditor";

/**
 * Float64 central differences with ε = 1e−5 have truncation error ~ε² and rounding ~1e−16/ε, so a correct BPTT
 * agrees to about 1e−7 relative on these well-conditioned tiny networks; a missing term is off by far more.
 */
const AGREEMENT = 1e-5;

function paramLabel(name: string): string {
  const base = PARAM_LABEL[name];
  return base ?? name;
}

/** "[2, 1]" for a matrix entry, "[2]" for a vector's: 1-based, as the lessons index. */
function entryLabel(shape: readonly number[], index: number): string {
  if (shape.length < 2) return `[${index + 1}]`;
  return `[${Math.floor(index / shape[1]) + 1}, ${(index % shape[1]) + 1}]`;
}

export default function GradCheck(props: WidgetProps) {
  const spec = readTinySpec(props);
  const samples = intProp(props, "samples", 12, 1, 64);
  const s = useStrings();
  const [result, setResult] = useState<{ check: GradCheckResult; shapes: Record<string, readonly number[]> } | null>(null);
  const title = `${s.gradCheckTitle} (${CELL_NAME[spec.cell]})`;
  return (
    <section className="lesson-widget grad-check" aria-label={title}>
      <h3 className="widget-title">{title}</h3>
      <button
        type="button"
        onClick={() => {
          const net = buildTinyNet(spec);
          const shapes = Object.fromEntries(net.layout.specs.map((p) => [p.name, p.shape]));
          setResult({ check: gradCheck(net, tinyBatch(spec), { samples, seed: 7 }), shapes });
        }}
      >
        {s.runGradCheck}
      </button>
      {result && (
        <>
          <p role="status" className={result.check.maxRelError < AGREEMENT ? "verdict-ok" : "verdict-bad"}>
            {s.gradCheckVerdict(fmt(result.check.maxRelError), result.check.maxRelError < AGREEMENT)}
          </p>
          <div className="table-scroll">
            <table className="values-table">
              <caption>{s.gradCheckCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{s.parameter}</th>
                  <th scope="col">{s.entry}</th>
                  <th scope="col">{s.bptt}</th>
                  <th scope="col">{s.finiteDiff}</th>
                  <th scope="col">{s.relError}</th>
                </tr>
              </thead>
              <tbody>
                {result.check.entries.map((e, i) => (
                  <tr key={i}>
                    <th scope="row">{paramLabel(e.name)}</th>
                    <td>{entryLabel(result.shapes[e.name], e.index)}</td>
                    <td>{e.analytic.toPrecision(8).replace("-", "−")}</td>
                    <td>{e.numeric.toPrecision(8).replace("-", "−")}</td>
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
