// src/lessons/widgets/StepThrough.tsx: a tiny RNN, LSTM or GRU walked through time: diagram, equations with the
// current step's numbers, symbol readout, values table, and (optionally) editable weights.
import { useMemo, useState } from "react";
import type { CellType, Network, OutputMode } from "../../engine";
import { equationRows, paramSymbols, stepSymbols, substitutedTex } from "../equations";
import { fmt } from "../format";
import { useStrings } from "../LangContext";
import { LiveEquation } from "../LiveEquation";
import { boolProp, choiceProp, intProp, type WidgetProps } from "../props";
import { StepControls } from "../StepControls";
import { StepStoreProvider, useStep, type Direction } from "../stepStore";
import { SymbolPanel, ValuesTable } from "../SymbolPanel";
import { useHiddenFor } from "../answers";
import { buildTinyNet, maskStepData, MAX_TINY_HIDDEN, MAX_TINY_STEPS, rowOf, runTinyNet, type TinyNetSpec } from "../tinyNet";
import { CellDiagram } from "../CellDiagram";
import { UnrolledDiagram } from "../UnrolledDiagram";
import { WeightEditor } from "./WeightEditor";

export const CELL_NAME: Record<CellType, string> = { rnn: "RNN", lstm: "LSTM", gru: "GRU" };

export function readTinySpec(props: WidgetProps): TinyNetSpec {
  return {
    cell: choiceProp<CellType>(props, "cell", ["rnn", "lstm", "gru"], "rnn"),
    hidden: intProp(props, "hidden", 2, 1, MAX_TINY_HIDDEN),
    steps: intProp(props, "steps", 4, 1, MAX_TINY_STEPS),
    seed: intProp(props, "seed", 1, 0, 1_000_000),
    outputs: choiceProp<OutputMode>(props, "outputs", ["all", "last"], "all"),
  };
}

export default function StepThrough(props: WidgetProps) {
  const spec = readTinySpec(props);
  const allowBackward = boolProp(props, "backward", false);
  const start = choiceProp<Direction>(props, "start", ["forward", "backward"], "forward");
  const isEditable = boolProp(props, "editable", false);
  const s = useStrings();
  return (
    <section className="lesson-widget step-through" aria-label={s.stepThroughTitle(CELL_NAME[spec.cell], spec.hidden)}>
      <h3 className="widget-title">{s.stepThroughTitle(CELL_NAME[spec.cell], spec.hidden)}</h3>
      <StepStoreProvider T={spec.steps} direction={allowBackward ? start : "forward"}>
        <StepThroughBody spec={spec} allowBackward={allowBackward} isEditable={isEditable} />
      </StepStoreProvider>
    </section>
  );
}

function StepThroughBody({ spec, allowBackward, isEditable }: { spec: TinyNetSpec; allowBackward: boolean; isEditable: boolean }) {
  const s = useStrings();
  const t = useStep((st) => st.t);
  const direction = useStep((st) => st.direction);
  // The network is mutable (weights are edited in place); `version` counts edits so the pass is rerun.
  const [{ net, id }, setNet] = useState<{ net: Network; id: number }>(() => ({ net: buildTinyNet(spec), id: 0 }));
  const [version, setVersion] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for in-place edits of net
  const computed = useMemo(() => runTinyNet(net, spec), [net, spec.cell, spec.hidden, spec.steps, spec.outputs, version]);
  // An unanswered exercise further down asks for one of these numbers: it shows as "?" until answered. Edited
  // weights make different numbers, so nothing is hidden then.
  const hidden = useHiddenFor(spec);
  const data = useMemo(() => (version === 0 ? maskStepData(computed, hidden) : computed), [computed, hidden, version]);
  const rows = useMemo(() => equationRows(data, t, direction), [data, t, direction]);
  const stepValues = useMemo(() => stepSymbols(data, t, direction), [data, t, direction]);
  const params = useMemo(() => paramSymbols(data), [data]);
  const isForward = direction === "forward";
  const current = rowOf(isForward ? data.h : data.dh, t - 1, data.H);

  return (
    <>
      <div className="step-top">
        <UnrolledDiagram T={data.T} cell={data.cell} outputs={data.outputs} currentValue={current} />
        <StepControls allowBackward={allowBackward} />
      </div>
      {data.cell !== "rnn" && <CellDiagram data={data} />}
      <div className="step-equations" aria-label={s.equations} role="group">
        {rows.map((row) => (
          <div key={row.id} className="eq-row">
            <LiveEquation tex={row.general} className="eq-general" />
            <LiveEquation tex={substitutedTex(row, row.result)} className="eq-substituted" />
          </div>
        ))}
        <p className="loss-line">{s.lossLine(fmt(data.loss))}</p>
        {hidden !== "" && version === 0 && <p className="hint">{s.hiddenUntilAnswered}</p>}
      </div>
      <div className="step-side">
        <SymbolPanel symbols={[...stepValues, ...params]} />
        <ValuesTable t={t} symbols={stepValues} />
      </div>
      {isEditable && (
        <WeightEditor
          key={id}
          net={net}
          onEdit={() => {
            setVersion((v) => v + 1);
          }}
          onReset={() => {
            setNet({ net: buildTinyNet(spec), id: id + 1 });
          }}
        />
      )}
    </>
  );
}
