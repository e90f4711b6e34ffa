// src/lessons/useTraining.ts: trains a few small networks side by side in the page, in slices of a few milliseconds,
// so the page stays responsive; each run keeps its loss history (and a validation loss, when it has a validation set).
//
// The networks are made once per component instance: a widget whose settings change mounts a new instance (a new
// `key`), so new settings always mean new networks, and nothing has to be reset behind React's back.
import { useEffect, useState } from "react";
import { trainStep, type Batch, type Network, type Optimizer } from "../engine";

export interface RunSetup {
  label: string;
  net: Network;
  opt: Optimizer;
  train: Batch;
  /** Global-norm clipping threshold, or null. */
  clipMaxNorm: number | null;
  /** Held-out data: its loss is measured every `evalEvery` steps. */
  validation?: Batch;
}

export interface RunView {
  label: string;
  step: number[];
  loss: number[];
  valStep: number[];
  valLoss: number[];
  /** Step at which the loss or the weights stopped being finite (training of this run stopped), or null. */
  divergedAt: number | null;
  /** Steps whose gradient was clipped. */
  clippedSteps: number;
}

interface RunState extends RunView {
  setup: RunSetup;
}

/** Work per slice before yielding to the page; small enough that input and painting never wait long. */
const SLICE_MS = 10;

function evaluate(r: RunState, step: number): void {
  if (!r.setup.validation) return;
  r.valStep.push(step);
  r.valLoss.push(r.setup.net.forward(r.setup.validation));
}

function buildRuns(makeRuns: () => RunSetup[]): RunState[] {
  return makeRuns().map((setup) => {
    const r: RunState = { setup, label: setup.label, step: [], loss: [], valStep: [], valLoss: [], divergedAt: null, clippedSteps: 0 };
    evaluate(r, 0);
    return r;
  });
}

/** Copies: the charts memoise on array identity, and the runs keep growing theirs. */
function viewOf(runs: readonly RunState[]): RunView[] {
  return runs.map((r) => ({
    label: r.label,
    step: r.step.slice(),
    loss: r.loss.slice(),
    valStep: r.valStep.slice(),
    valLoss: r.valLoss.slice(),
    divergedAt: r.divergedAt,
    clippedSteps: r.clippedSteps,
  }));
}

export interface Training {
  runs: readonly RunView[];
  stepsDone: number;
  isTraining: boolean;
  start: () => void;
  pause: () => void;
  /** New networks from the same settings, step 0. */
  reset: () => void;
  /** The networks being trained, in run order (for measurements beyond the loss, such as accuracy). */
  networks: readonly Network[];
}

interface Session {
  runs: RunState[];
  /** Steps done; the runs are mutated by the training slices, this counter is what React watches. */
  stepsDone: number;
  view: RunView[];
}

function newSession(makeRuns: () => RunSetup[]): Session {
  const runs = buildRuns(makeRuns);
  return { runs, stepsDone: 0, view: viewOf(runs) };
}

export function useTraining(makeRuns: () => RunSetup[], maxSteps: number, evalEvery = 25): Training {
  const [session, setSession] = useState(() => newSession(makeRuns));
  const [isTraining, setIsTraining] = useState(false);

  useEffect(() => {
    if (!isTraining) return;
    const { runs } = session;
    let stepsDone = session.stepsDone;
    let timer = 0;
    const slice = () => {
      const until = performance.now() + SLICE_MS;
      while (performance.now() < until && stepsDone < maxSteps && runs.some((r) => r.divergedAt === null)) {
        const step = stepsDone + 1;
        for (const r of runs) {
          if (r.divergedAt !== null) continue;
          const result = trainStep(r.setup.net, r.setup.opt, r.setup.train, { clipMaxNorm: r.setup.clipMaxNorm });
          r.step.push(step);
          r.loss.push(result.loss);
          if (result.clipped) r.clippedSteps++;
          if (result.diverged) r.divergedAt = step;
          else if (step % evalEvery === 0) evaluate(r, step);
        }
        stepsDone = step;
      }
      const isDone = stepsDone >= maxSteps || runs.every((r) => r.divergedAt !== null);
      setSession((old) => (old.runs === runs ? { runs, stepsDone, view: viewOf(runs) } : old));
      if (isDone) setIsTraining(false);
      else timer = window.setTimeout(slice, 0);
    };
    timer = window.setTimeout(slice, 0);
    return () => {
      window.clearTimeout(timer);
    };
    // session.runs, not session: the slices themselves update the session; only new runs restart the loop.
  }, [isTraining, maxSteps, evalEvery, session.runs]); // eslint-disable-line react-hooks/exhaustive-deps

  return {
    runs: session.view,
    stepsDone: session.stepsDone,
    isTraining,
    networks: session.runs.map((r) => r.setup.net),
    start: () => {
      if (session.stepsDone < maxSteps) setIsTraining(true);
    },
    pause: () => {
      setIsTraining(false);
    },
    reset: () => {
      setIsTraining(false);
      setSession(newSession(makeRuns));
    },
  };
}
