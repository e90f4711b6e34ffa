// src/lessons/widgets/Predict.tsx: "predict, then reveal": one equation of the tiny network with its numbers in
// place and the result hidden; the learner types one entry and the widget checks it against the engine.
import { useEffect, useId, useMemo, useState, type ReactNode } from "react";
import { specKey, useAnswers, useHiddenFor } from "../answers";
import { equationRows, substitutedTex } from "../equations";
import { fmt, parseShown } from "../format";
import { useStrings } from "../LangContext";
import { LiveEquation } from "../LiveEquation";
import { choiceProp, intProp, numberProp, WidgetPropError, type WidgetProps } from "../props";
import { StepStoreProvider, type Direction } from "../stepStore";
import { buildTinyNet, maskStepData, rowOf, runTinyNet, type StepData } from "../tinyNet";
import { readTinySpec } from "./StepThrough";

type Quantity = "h" | "c" | "n" | "y" | "dh" | "da" | "dc";
const QUANTITIES: readonly Quantity[] = ["h", "c", "n", "y", "dh", "da", "dc"];
const BACKWARD: readonly Quantity[] = ["dh", "da", "dc"];

/** The engine's value of quantity at step t (1-based), entry `unit` (1-based), and how to name it. */
function answerOf(data: StepData, q: Quantity, t: number, unit: number): { value: number; name: string } {
  const H = data.H;
  const k = t - 1;
  const pick = (a: Float64Array | null | undefined): number => {
    if (!a) throw new WidgetPropError(`quantity "${q}" does not exist for a ${data.cell} network.`);
    return rowOf(a, k, H)[unit - 1];
  };
  switch (q) {
    case "h":
      return { value: pick(data.h), name: `h_${t}` };
    case "c":
      return { value: pick(data.c), name: `c_${t}` };
    case "n":
      return { value: pick(data.gates.n), name: `n_${t}` };
    case "y": {
      const idx = data.outputs === "all" ? k : 0;
      return { value: data.y[idx], name: `y_${t}` };
    }
    case "dh":
      return { value: pick(data.dh), name: `∂L/∂h_${t}` };
    case "da":
      if (data.cell !== "rnn") throw new WidgetPropError('quantity "da" exists for the tanh RNN only.');
      return { value: pick(data.dPre), name: `∂L/∂a_${t}` };
    case "dc":
      return { value: pick(data.dc), name: `∂L/∂c_${t}` };
  }
}

/**
 * How many decimals a hand calculation needs so that rounding alone keeps it within the tolerance: the fewest d
 * with 0.5·10^−d ≤ tolerance (±0.01 → 2, ±0.002 → 3).
 */
export function decimalsFor(tolerance: number): number {
  let d = 0;
  while (0.5 * 10 ** -d > tolerance * (1 + 1e-9) && d < 12) d++;
  return d;
}

export default function Predict(props: WidgetProps & { children?: ReactNode }) {
  const spec = readTinySpec(props);
  const quantity = choiceProp<Quantity>(props, "quantity", QUANTITIES, "h");
  const t = intProp(props, "step", 1, 1, spec.steps);
  const unit = intProp(props, "unit", 1, 1, spec.hidden);
  const tolerance = numberProp(props, "tolerance", 0.01, 1e-6, 1);
  const direction: Direction = BACKWARD.includes(quantity) ? "backward" : "forward";
  const s = useStrings();
  const data = useMemo(() => runTinyNet(buildTinyNet(spec), spec), [spec.cell, spec.hidden, spec.steps, spec.seed, spec.outputs]); // eslint-disable-line react-hooks/exhaustive-deps -- spec is rebuilt from literal props each render
  // Another exercise on the page may ask for a number this equation substitutes: it stays "?" here too.
  const hidden = useHiddenFor(spec);
  const row = equationRows(maskStepData(data, hidden), t, direction).find((r) => r.id === quantity);
  if (!row) throw new WidgetPropError(`There is no equation for "${quantity}" at step ${t} of this ${spec.cell} network.`);
  const answer = answerOf(data, quantity, t, unit);
  const what = data.H === 1 ? answer.name : s.entryOf(answer.name, unit);
  const inputId = useId();
  const [draft, setDraft] = useState("");
  const [feedback, setFeedback] = useState<{ kind: "right" | "wrong" | "revealed" | "empty" } | null>(null);
  const isAnswered = feedback?.kind === "right" || feedback?.kind === "revealed";
  // Until it is answered, the same value elsewhere on the page (the step-through widget above) shows "?".
  const net = specKey(spec);
  const hide = useAnswers((st) => st.hide);
  const release = useAnswers((st) => st.release);
  useEffect(() => {
    if (isAnswered) return;
    hide(inputId, { net, quantity, t, unit });
    return () => {
      release(inputId);
    };
  }, [hide, release, inputId, net, quantity, t, unit, isAnswered]);

  const check = () => {
    const v = parseShown(draft);
    if (!Number.isFinite(v)) setFeedback({ kind: "empty" });
    else setFeedback({ kind: Math.abs(v - answer.value) <= tolerance ? "right" : "wrong" });
  };
  const message =
    feedback === null
      ? ""
      : feedback.kind === "right"
        ? s.correct(fmt(answer.value))
        : feedback.kind === "wrong"
          ? s.wrong(fmt(tolerance))
          : feedback.kind === "revealed"
            ? s.revealed(fmt(answer.value))
            : s.enterNumber;

  return (
    <section className="lesson-widget predict" aria-label={`${s.predictTitle}: ${what}`}>
      <h3 className="widget-title">{s.predictTitle}</h3>
      {props.children && <div className="predict-question">{props.children}</div>}
      <StepStoreProvider T={spec.steps}>
        <LiveEquation tex={row.general} className="eq-general" />
        <LiveEquation tex={substitutedTex(row, "\\;?")} className="eq-substituted" />
      </StepStoreProvider>
      <p className="hint">{s.predictAsk(what, decimalsFor(tolerance))}</p>
      <form
        className="predict-form"
        onSubmit={(e) => {
          e.preventDefault();
          check();
        }}
      >
        <label htmlFor={inputId}>{s.answerFor(what)}</label>
        <input
          id={inputId}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
          }}
        />
        <button type="submit">{s.check}</button>
        <button
          type="button"
          onClick={() => {
            setFeedback({ kind: "revealed" });
          }}
        >
          {s.reveal}
        </button>
      </form>
      <p className={`predict-feedback is-${feedback?.kind ?? "none"}`} role="status">
        {feedback?.kind === "right" && <span aria-hidden="true">✓ </span>}
        {feedback?.kind === "wrong" && <span aria-hidden="true">✗ </span>}
        {message}
      </p>
    </section>
  );
}
