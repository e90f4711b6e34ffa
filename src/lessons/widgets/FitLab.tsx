// src/lessons/widgets/FitLab.tsx: under- and overfitting on a small noisy sine data set: training and validation loss
// as the network trains, the step early stopping would keep, and what weight decay changes.
import { useId, useMemo, useState } from "react";
import { createNetwork, createOptimizer } from "../../engine";
import { fmt } from "../format";
import { useStrings } from "../LangContext";
import { LessonLossChart } from "../LessonChart";
import { intProp, numberProp, stringProp, type WidgetProps } from "../props";
import { sineBatch } from "../tasks";
import { useTraining } from "../useTraining";
import { TrainingButtons } from "./TrainCompare";

const HIDDEN_CHOICES = [2, 8, 24];
const DECAY_CHOICES = [0, 0.001, 0.01, 0.05];
const MAX_STEPS = 1500;

export default function FitLab(props: WidgetProps) {
  const s = useStrings();
  const title = stringProp(props, "title", s.fitTitle);
  const [H, setH] = useState(() => intProp(props, "hidden", 24, 1, 64));
  const [weightDecay, setWeightDecay] = useState(() => numberProp(props, "weightDecay", 0, 0, 0.5));
  const hId = useId();
  const wdId = useId();
  return (
    <section className="lesson-widget fit-lab" aria-label={title}>
      <h3 className="widget-title">{title}</h3>
      <div className="control-row">
        <label htmlFor={hId}>{s.hiddenSize}</label>
        <select
          id={hId}
          value={H}
          onChange={(e) => {
            setH(Number(e.target.value));
          }}
        >
          {HIDDEN_CHOICES.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
        <label htmlFor={wdId}>{s.weightDecay}</label>
        <select
          id={wdId}
          value={weightDecay}
          onChange={(e) => {
            setWeightDecay(Number(e.target.value));
          }}
        >
          {DECAY_CHOICES.map((w) => (
            <option key={w} value={w}>
              {w}
            </option>
          ))}
        </select>
      </div>
      <FitRun key={`${H}/${weightDecay}`} H={H} weightDecay={weightDecay} />
    </section>
  );
}

/** One training run for fixed settings (remounted when they change). */
function FitRun({ H, weightDecay }: { H: number; weightDecay: number }) {
  const s = useStrings();
  // Six noisy waves to learn from, 32 others to validate on: few enough examples that a large network can
  // memorise their noise (standard deviation 0.25, so the best achievable loss is about 0.06).
  const training = useTraining(() => {
    const net = createNetwork({ cell: "rnn", inputSize: 1, hiddenSize: H, numLayers: 1, outputSize: 1, loss: "mse" }, { seed: 2 });
    return [
      {
        label: "fit",
        net,
        opt: createOptimizer(net, { kind: "adam", lr: 0.01, weightDecay }),
        train: sineBatch(6, 20, 0.25, 5),
        validation: sineBatch(32, 20, 0.25, 99),
        clipMaxNorm: null,
      },
    ];
  }, MAX_STEPS, 25);
  const run = training.runs[0];
  const best = useMemo(() => {
    let k = 0;
    for (let i = 1; i < run.valLoss.length; i++) if (run.valLoss[i] < run.valLoss[k]) k = i;
    return { step: run.valStep[k], loss: run.valLoss[k] };
  }, [run]);
  return (
    <>
      <TrainingButtons training={training} maxSteps={MAX_STEPS} />
      <LessonLossChart
        train={{ step: run.step, loss: run.loss }}
        validation={{ step: run.valStep, loss: run.valLoss }}
        height={200}
        title={s.fitLossTitle(H, fmt(weightDecay))}
      />
      {training.stepsDone > 0 && <p className="run-note">{s.bestValidation(best.step, fmt(best.loss))}</p>}
    </>
  );
}
