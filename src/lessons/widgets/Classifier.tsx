// src/lessons/widgets/Classifier.tsx: many-to-one classification trained live: "which comes first, a or b?", with
// accuracy on training and held-out sequences and a box to try one's own sequence.
import { useId, useMemo, useState } from "react";
import { createNetwork, createOptimizer, type CellType, type Network } from "../../engine";
import { fmt } from "../format";
import { useStrings } from "../LangContext";
import { LessonLossChart } from "../LessonChart";
import { choiceProp, intProp, stringProp, type WidgetProps } from "../props";
import { orderBatch, orderClassOf, orderText, ORDER_SYMBOLS } from "../tasks";
import { useTraining } from "../useTraining";
import { TrainingButtons } from "./TrainCompare";

const T = 10;
const MAX_STEPS = 300;
const TRAIN = orderBatch(256, T, 1);
const TEST = orderBatch(200, T, 2);
const SHOWN_EXAMPLES = 6;

/** Fraction of sequences whose larger head output is the true class (the outputs are the engine's). */
function accuracy(net: Network, batch: typeof TRAIN): number {
  net.forward(batch);
  const y = net.outputs();
  let right = 0;
  for (let b = 0; b < batch.B; b++) if ((y[2 * b + 1] > y[2 * b] ? 1 : 0) === batch.targetIndices[b]) right++;
  return right / batch.B;
}

/** Distance bands for the error analysis: markers next to each other, a few apart, far apart. */
export const DISTANCE_BANDS = [
  [1, 2],
  [3, 5],
  [6, 9],
] as const;

/**
 * Error analysis: accuracy on the batch split by the distance between a and b (the engine's outputs, as in
 * accuracy()). Returns one { from, to, count, right } per band.
 */
export function accuracyByDistance(net: Network, batch: typeof TRAIN): { from: number; to: number; count: number; right: number }[] {
  net.forward(batch);
  const y = net.outputs();
  const bands = DISTANCE_BANDS.map(([from, to]) => ({ from, to, count: 0, right: 0 }));
  for (let b = 0; b < batch.B; b++) {
    const text = orderText(batch, b);
    const distance = Math.abs(text.indexOf("a") - text.indexOf("b"));
    const band = bands.find((x) => distance >= x.from && distance <= x.to);
    if (!band) continue;
    band.count++;
    if ((y[2 * b + 1] > y[2 * b] ? 1 : 0) === batch.targetIndices[b]) band.right++;
  }
  return bands;
}

/** The engine's verdict on one sequence: predicted class, and P(true class) = exp(−cross-entropy). */
function classify(net: Network, text: string, truth: number): { predicted: number; pTrue: number } {
  // The text was checked by orderClassOf: ASCII letters only, so split("") is safe.
  const inputIndices = Int32Array.from(text.split(""), (c) => (ORDER_SYMBOLS as readonly string[]).indexOf(c));
  const loss = net.forward({ T, B: 1, inputIndices, targetIndices: Int32Array.of(truth) });
  const y = net.outputs();
  return { predicted: y[1] > y[0] ? 1 : 0, pTrue: Math.exp(-loss) };
}

const percent = (x: number): string => `${Math.round(x * 100)}%`;

export default function Classifier(props: WidgetProps) {
  const s = useStrings();
  const title = stringProp(props, "title", s.classifierTitle);
  const [cell, setCell] = useState<CellType>(() => choiceProp<CellType>(props, "cell", ["rnn", "lstm", "gru"], "rnn"));
  const H = intProp(props, "hidden", 8, 1, 32);
  const cellId = useId();
  return (
    <section className="lesson-widget classifier" aria-label={title}>
      <h3 className="widget-title">{title}</h3>
      <div className="control-row">
        <label htmlFor={cellId}>{s.cellChoice}</label>
        <select
          id={cellId}
          value={cell}
          onChange={(e) => {
            setCell(e.target.value as CellType);
          }}
        >
          <option value="rnn">RNN</option>
          <option value="gru">GRU</option>
          <option value="lstm">LSTM</option>
        </select>
      </div>
      <ClassifierRun key={`${cell}/${H}`} cell={cell} H={H} />
    </section>
  );
}

/** One network for fixed settings (remounted when they change): training, accuracy, examples, the try-it box. */
function ClassifierRun({ cell, H }: { cell: CellType; H: number }) {
  const s = useStrings();
  const seqId = useId();
  const [text, setText] = useState("ccacdbdccd");
  const training = useTraining(() => {
    const net = createNetwork(
      { cell, inputSize: ORDER_SYMBOLS.length, hiddenSize: H, numLayers: 1, outputSize: 2, loss: "xent", outputMode: "last", inputKind: "onehot" },
      { seed: 1 },
    );
    return [{ label: "order", net, opt: createOptimizer(net, { kind: "adam", lr: 0.02 }), train: TRAIN, validation: TEST, clipMaxNorm: null }];
  }, MAX_STEPS, 10);
  const run = training.runs[0];
  const net = training.networks[0];
  // `run` is a new object after every slice of training and after a reset: the weights changed, measure again.
  const measured = useMemo(() => {
    const examples = Array.from({ length: SHOWN_EXAMPLES }, (_, b) => {
      const seq = orderText(TEST, b);
      return { seq, truth: TEST.targetIndices[b], ...classify(net, seq, TEST.targetIndices[b]) };
    });
    return { train: accuracy(net, TRAIN), test: accuracy(net, TEST), examples, byDistance: accuracyByDistance(net, TEST) };
  }, [net, run]); // eslint-disable-line react-hooks/exhaustive-deps -- run stands for the weights
  const truth = orderClassOf(text, T);
  const mine = useMemo(() => (truth === null ? null : classify(net, text.trim().toLowerCase(), truth)), [net, text, truth, run]); // eslint-disable-line react-hooks/exhaustive-deps -- as above
  const className = (k: number): string => (k === 0 ? s.classAFirst : s.classBFirst);

  return (
    <>
      <TrainingButtons training={training} maxSteps={MAX_STEPS} />
      <LessonLossChart
        train={{ step: run.step, loss: run.loss }}
        validation={{ step: run.valStep, loss: run.valLoss }}
        height={170}
        title={`${s.trainingLoss} / ${s.testLoss}`}
        validationLabel={s.testLoss}
      />
      <p className="run-note" aria-live="polite">
        {s.accuracy(percent(measured.train), percent(measured.test))}
      </p>
      <div className="table-scroll">
        <table className="values-table">
          <caption>{s.examplesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{s.sequence}</th>
              <th scope="col">{s.truth}</th>
              <th scope="col">{s.predicted}</th>
              <th scope="col">P</th>
            </tr>
          </thead>
          <tbody>
            {measured.examples.map((e, i) => (
              <tr key={i}>
                <th scope="row">
                  <code>{e.seq}</code>
                </th>
                <td>{className(e.truth)}</td>
                <td>
                  {e.predicted === e.truth ? "✓ " : "✗ "}
                  {className(e.predicted)}
                </td>
                <td>{fmt(e.pTrue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll">
        <table className="values-table">
          <caption>{s.errorAnalysisCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{s.markerDistance}</th>
              <th scope="col">{s.sequencesHeader}</th>
              <th scope="col">{s.testAccuracy}</th>
            </tr>
          </thead>
          <tbody>
            {measured.byDistance.map((band) => (
              <tr key={band.from}>
                <th scope="row">
                  {band.from}–{band.to}
                </th>
                <td>{band.count}</td>
                <td>{band.count > 0 ? percent(band.right / band.count) : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="control-row">
        <label htmlFor={seqId}>{s.sequenceInput}</label>
        <input
          id={seqId}
          type="text"
          value={text}
          maxLength={T + 4}
          aria-invalid={truth === null}
          onChange={(e) => {
            setText(e.target.value);
          }}
        />
      </div>
      <p role="status">{truth === null || !mine ? s.sequenceInvalid(T) : s.prediction(className(mine.predicted), fmt(mine.predicted === truth ? mine.pTrue : 1 - mine.pTrue))}</p>
    </>
  );
}
