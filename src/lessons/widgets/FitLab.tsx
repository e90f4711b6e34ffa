// src/lessons/widgets/FitLab.tsx: under- and overfitting on a small noisy sine data set: training and validation loss
// as the network trains, the step early stopping would keep, and what weight decay changes.
import { useId, useMemo, useState } from "react";
import { createNetwork, createOptimizer, createRng } from "../../engine";
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
  const [decayKind, setDecayKind] = useState<"adam" | "adamw">("adam");
  const [augment, setAugment] = useState(false);
  const hId = useId();
  const wdId = useId();
  const kindId = useId();
  const augId = useId();
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
      <div className="control-row">
        <label htmlFor={kindId}>{s.decayKind}</label>
        <select
          id={kindId}
          value={decayKind}
          onChange={(e) => {
            setDecayKind(e.target.value === "adamw" ? "adamw" : "adam");
          }}
        >
          <option value="adam">{s.decayAdamL2}</option>
          <option value="adamw">{s.decayAdamW}</option>
        </select>
        <label htmlFor={augId}>
          <input
            id={augId}
            type="checkbox"
            checked={augment}
            onChange={(e) => {
              setAugment(e.target.checked);
            }}
          />{" "}
          {s.augmentLabel}
        </label>
      </div>
      <FitRun key={`${H}/${weightDecay}/${decayKind}/${augment}`} H={H} weightDecay={weightDecay} decayKind={decayKind} augment={augment} />
    </section>
  );
}

/** One training run for fixed settings (remounted when they change). */
/**
 * The six training waves, plus (with augmentation) five altered copies of each: the whole series shifted up or
 * down by a constant (−0.2 … 0.2) and with fresh noise (standard deviation 0.1) added, so the network cannot
 * memorise one particular noise pattern. The validation waves are never altered.
 */
export function fitTrainingSet(augment: boolean) {
  const base = sineBatch(6, 20, 0.25, 5);
  if (!augment) return base;
  const T = 20;
  const B = 36;
  const rng = createRng(11);
  const inputs = new Float64Array(T * B);
  const targets = new Float64Array(T * B);
  const series = new Float64Array(T + 1);
  for (let b = 0; b < B; b++) {
    const wave = b % 6;
    const copy = Math.floor(b / 6);
    const shift = copy === 0 ? 0 : -0.2 + (0.4 * (copy - 1)) / 4;
    // The wave as one series x_0 … x_T (inputs are x_0 … x_{T−1}, targets x_1 … x_T), altered as a whole.
    for (let t = 0; t < T; t++) series[t] = base.inputs[t * 6 + wave];
    series[T] = base.targets[(T - 1) * 6 + wave];
    for (let t = 0; t <= T; t++) if (copy > 0) series[t] += shift + 0.1 * rng.normal();
    for (let t = 0; t < T; t++) {
      inputs[t * B + b] = series[t];
      targets[t * B + b] = series[t + 1];
    }
  }
  return { T, B, inputs, targets };
}

function FitRun({ H, weightDecay, decayKind, augment }: { H: number; weightDecay: number; decayKind: "adam" | "adamw"; augment: boolean }) {
  const s = useStrings();
  // Six noisy waves to learn from, 32 others to validate on: few enough examples that a large network can
  // memorise their noise (standard deviation 0.25, so the best achievable loss is about 0.06).
  const training = useTraining(() => {
    const net = createNetwork({ cell: "rnn", inputSize: 1, hiddenSize: H, numLayers: 1, outputSize: 1, loss: "mse" }, { seed: 2 });
    return [
      {
        label: "fit",
        net,
        opt: createOptimizer(net, { kind: decayKind, lr: 0.01, weightDecay }),
        train: fitTrainingSet(augment),
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
