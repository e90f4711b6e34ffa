// src/lessons/widgets/WaveContinue.tsx: the payoff first: a small RNN learns sine waves in the page, then continues a
// wave it has never seen, feeding each prediction back in as the next input (free running).
import { useMemo } from "react";
import { createNetwork, createOptimizer, type Network } from "../../engine";
import { fmt } from "../format";
import { useStrings } from "../LangContext";
import { LessonChart } from "../LessonChart";
import { intProp, type WidgetProps } from "../props";
import { sineBatch } from "../tasks";
import { useTraining } from "../useTraining";
import { TrainingButtons } from "./TrainCompare";

/** The wave to continue: period 12 (inside the training range, 8–16) and a phase no training wave shares exactly. */
export const PROMPT_STEPS = 24;
export const CONTINUE_STEPS = 36;
export const waveAt = (t: number): number => Math.sin((2 * Math.PI * t) / 12 + 0.3);

/**
 * Reads the prompt, then feeds each prediction back as the next input for `n` steps; returns the whole sequence
 * (prompt, then the network's continuation).
 */
export function continueWave(net: Network, prompt: readonly number[], n: number): number[] {
  const seq = [...prompt];
  for (let k = 0; k < n; k++) {
    const T = seq.length;
    net.forward({ T, B: 1, inputs: Float64Array.from(seq), targets: new Float64Array(T) });
    seq.push(net.outputs()[T - 1]);
  }
  return seq;
}

/** Mean absolute difference between the continuation and the true wave. */
export function continuationError(seq: readonly number[]): number {
  let sum = 0;
  for (let t = PROMPT_STEPS; t < seq.length; t++) sum += Math.abs(seq[t] - waveAt(t));
  return sum / (seq.length - PROMPT_STEPS);
}

export function makeWaveRun() {
  const net = createNetwork({ cell: "rnn", inputSize: 1, hiddenSize: 8, numLayers: 1, outputSize: 1, loss: "mse" }, { seed: 2 });
  return { label: "wave", net, opt: createOptimizer(net, { kind: "adam", lr: 0.01 }), train: sineBatch(16, 40, 0, 1), clipMaxNorm: null };
}

export default function WaveContinue(props: WidgetProps) {
  const s = useStrings();
  const maxSteps = intProp(props, "steps", 1000, 50, 5000);
  const training = useTraining(() => [makeWaveRun()], maxSteps, 50);
  const net = training.networks[0];
  const prompt = useMemo(() => Array.from({ length: PROMPT_STEPS }, (_, t) => waveAt(t)), []);
  const seq = useMemo(() => continueWave(net, prompt, CONTINUE_STEPS), [net, prompt, training.stepsDone]); // eslint-disable-line react-hooks/exhaustive-deps -- stepsDone stands for the weights changing in place
  const truth = useMemo(() => Array.from({ length: seq.length }, (_, t) => waveAt(t)), [seq.length]);
  const series = useMemo(
    () => [
      { label: s.trueWave, values: truth, x: truth.map((_, t) => t + 1) },
      { label: s.networkWave, values: seq.map((v, t) => (t < PROMPT_STEPS ? NaN : v)), x: seq.map((_, t) => t + 1) },
    ],
    [s, seq, truth],
  );
  const err = continuationError(seq);
  return (
    <section className="lesson-widget wave-continue" aria-label={s.waveTitle}>
      <h3 className="widget-title">{s.waveTitle}</h3>
      <TrainingButtons training={training} maxSteps={maxSteps} />
      <LessonChart title={s.waveTitle} series={series} xLabel={s.waveAxis(PROMPT_STEPS)} yLabel={s.valueAxis} marker={PROMPT_STEPS + 0.5} yDomain={[-1.5, 1.5]} height={190} />
      <p className="run-note" role="status">
        {s.waveError(fmt(err), training.stepsDone)}
      </p>
    </section>
  );
}
