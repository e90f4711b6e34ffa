// src/lessons/widgets/TrainCompare.tsx: several copies of one small RNN (same initial weights) trained side by side on
// the sine task, each with its own optimiser, learning rate, clipping or weight decay: a loss chart per run.
import { useId, useState } from "react";
import { createNetwork, createOptimizer, type CellType } from "../../engine";
import { fmt } from "../format";
import { useStrings } from "../LangContext";
import { LessonLossChart } from "../LessonChart";
import { choiceProp, intProp, runsProp, stringProp, boolProp, type RunSpec, type WidgetProps } from "../props";
import { sineBatch } from "../tasks";
import { useTraining, type Training } from "../useTraining";

const LR_CHOICES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 2, 3];

export function TrainingButtons({ training, maxSteps }: { training: Training; maxSteps: number }) {
  const s = useStrings();
  return (
    <div className="control-row">
      {training.isTraining ? (
        <button type="button" onClick={training.pause}>
          {s.pauseTraining}
        </button>
      ) : (
        <button type="button" onClick={training.start} aria-disabled={training.stepsDone >= maxSteps}>
          {s.train}
        </button>
      )}
      <button type="button" onClick={training.reset}>
        {s.reset}
      </button>
      <span role="status">
        {s.stepsDone(training.stepsDone)} / {maxSteps}
      </span>
    </div>
  );
}

export default function TrainCompare(props: WidgetProps) {
  const initialRuns = runsProp(props, "runs", "sgd 0.1; momentum 0.05; rmsprop 0.01; adam 0.01");
  const maxSteps = intProp(props, "steps", 300, 10, 5000);
  const H = intProp(props, "hidden", 8, 1, 32);
  const cell = choiceProp<CellType>(props, "cell", ["rnn", "lstm", "gru"], "rnn");
  const isEditable = boolProp(props, "editable", false);
  const title = stringProp(props, "title", "");
  const s = useStrings();
  const [runs, setRuns] = useState<RunSpec[]>(initialRuns);
  const heading = title || s.trainingWidgetTitle(s.optimizer);
  return (
    <section className="lesson-widget train-compare" aria-label={heading}>
      <h3 className="widget-title">{heading}</h3>
      {/* New settings, new networks: the keyed part below is made afresh. */}
      <TrainCompareRuns key={JSON.stringify(runs)} runs={runs} setRuns={isEditable ? setRuns : null} maxSteps={maxSteps} H={H} cell={cell} />
    </section>
  );
}

interface RunsProps {
  runs: readonly RunSpec[];
  /** Null when the learning rates are fixed. */
  setRuns: ((update: (old: RunSpec[]) => RunSpec[]) => void) | null;
  maxSteps: number;
  H: number;
  cell: CellType;
}

function TrainCompareRuns({ runs, setRuns, maxSteps, H, cell }: RunsProps) {
  const s = useStrings();
  const idBase = useId();
  // Every run starts from the same weights (seed 2) on the same 16 waves of 20 steps.
  const training = useTraining(() => {
    const train = sineBatch(16, 20, 0, 1);
    return runs.map((r, k) => {
      const net = createNetwork({ cell, inputSize: 1, hiddenSize: H, numLayers: 1, outputSize: 1, loss: "mse" }, { seed: 2 });
      return { label: String(k), net, opt: createOptimizer(net, { kind: r.optimizer, lr: r.lr, weightDecay: r.weightDecay }), train, clipMaxNorm: r.clip };
    });
  }, maxSteps);
  const labelOf = (r: RunSpec) =>
    s.runLabel(s.optimizerName(r.optimizer), fmt(r.lr), r.clip === null ? null : fmt(r.clip), r.weightDecay > 0 ? fmt(r.weightDecay) : null);

  return (
    <>
      <TrainingButtons training={training} maxSteps={maxSteps} />
      <div className="small-multiples">
        {training.runs.map((run, k) => {
          const last = run.loss.length > 0 ? run.loss[run.loss.length - 1] : NaN;
          const spec = runs[k];
          return (
            <div key={k} className="run-panel">
              <LessonLossChart train={{ step: run.step, loss: run.loss }} height={150} title={s.lossChartTitle(labelOf(spec))} />
              {setRuns && (
                <label className="control-row" htmlFor={`${idBase}-${k}`}>
                  {s.learningRate}
                  <select
                    id={`${idBase}-${k}`}
                    value={spec.lr}
                    onChange={(e) => {
                      const lr = Number(e.target.value);
                      setRuns((old) => old.map((r, j) => (j === k ? { ...r, lr } : r)));
                    }}
                  >
                    {[...new Set([...LR_CHOICES, spec.lr])].sort((a, b) => a - b).map((lr) => (
                      <option key={lr} value={lr}>
                        {lr}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <p className="run-note">
                {run.divergedAt !== null ? s.diverged(run.divergedAt) : run.loss.length > 0 ? s.finalLoss(fmt(last)) : ""}
                {spec.clip !== null && run.step.length > 0 ? ` · ${s.clippedSteps(run.clippedSteps, run.step.length)}` : ""}
              </p>
            </div>
          );
        })}
      </div>
    </>
  );
}
