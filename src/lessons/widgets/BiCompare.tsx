// src/lessons/widgets/BiCompare.tsx: a task where each position's label is the symbol that comes after it, trained
// with a unidirectional and a bidirectional GRU side by side (same seed, same batches). The left-to-right network has
// not read the answer when it must give it, so it stays near chance; the bidirectional one learns it.
import { useMemo, useState } from "react";
import { createNetwork, createOptimizer, trainStep, type Batch, type Network, type Optimizer } from "../../engine";
import { createRng } from "../../engine/rng";
import { fmt } from "../format";
import { useLessonLang } from "../LangContext";
import { intProp, type WidgetProps } from "../props";
import { ATTENTION_TEXT } from "./attentionText";

const SYMBOLS = ["a", "b", "c"];
/** Label classes: the next symbol (0–2), or 3 "–" at the last position. */
const END = 3;
const LABELS = [...SYMBOLS, "–"];
const H = 8;
const B = 16;
const HELD_OUT = 64;
/** Steps per press: both networks together stay well under one 50 ms main-thread task. */
export const BI_CHUNK = 25;

/** B random sequences of T symbols with their labels (the next symbol), time-major. */
export function nextSymbolBatch(T: number, batch: number, rng: ReturnType<typeof createRng>): Batch {
  const inputIndices = new Int32Array(T * batch);
  const targetIndices = new Int32Array(T * batch);
  for (let b = 0; b < batch; b++) for (let t = 0; t < T; t++) inputIndices[t * batch + b] = rng.int(SYMBOLS.length);
  for (let b = 0; b < batch; b++) for (let t = 0; t < T; t++) targetIndices[t * batch + b] = t + 1 < T ? inputIndices[(t + 1) * batch + b] : END;
  return { T, B: batch, inputIndices, targetIndices };
}

interface Run {
  net: Network;
  opt: Optimizer;
}

interface Lab {
  runs: [Run, Run];
  rng: ReturnType<typeof createRng>;
  heldOut: Batch;
  steps: number;
}

function build(T: number, seed: number): Lab {
  const make = (bidirectional: boolean): Run => {
    const net = createNetwork(
      { cell: "gru", inputSize: SYMBOLS.length, hiddenSize: H, numLayers: 1, outputSize: LABELS.length, loss: "xent", outputMode: "all", inputKind: "onehot", bidirectional },
      { seed, kernels: "ts" },
    );
    return { net, opt: createOptimizer(net, { kind: "adam", lr: 0.03 }) };
  };
  return { runs: [make(false), make(true)], rng: createRng(seed + 1), heldOut: nextSymbolBatch(T, HELD_OUT, createRng(seed + 2)), steps: 0 };
}

/** Accuracy over every held-out position and each network's labels for the first held-out sequence. */
function score(run: Run, heldOut: Batch): { accuracy: number; loss: number; first: number[] } {
  const loss = run.net.forward(heldOut);
  const y = run.net.outputs();
  const O = LABELS.length;
  let right = 0;
  const first: number[] = [];
  for (let t = 0; t < heldOut.T; t++) {
    for (let b = 0; b < heldOut.B; b++) {
      const off = (t * heldOut.B + b) * O;
      let best = 0;
      for (let k = 1; k < O; k++) if (y[off + k] > y[off + best]) best = k;
      if (best === heldOut.targetIndices![t * heldOut.B + b]) right++;
      if (b === 0) first.push(best);
    }
  }
  return { accuracy: right / (heldOut.T * heldOut.B), loss, first };
}

export default function BiCompare(props: WidgetProps) {
  const T = intProp(props, "steps", 6, 3, 12);
  const seed = intProp(props, "seed", 1, 0, 1_000_000);
  const s = ATTENTION_TEXT[useLessonLang()];
  const [lab, setLab] = useState(() => build(T, seed));
  // A new `lab` object after each chunk of training (the networks themselves are trained in place).
  const scores = useMemo(() => lab.runs.map((r) => score(r, lab.heldOut)), [lab]);
  const train = () => {
    const { runs, rng } = lab;
    for (let i = 0; i < BI_CHUNK; i++) {
      const batch = nextSymbolBatch(T, B, rng);
      for (const r of runs) trainStep(r.net, r.opt, batch, { clipMaxNorm: 1 });
    }
    setLab({ ...lab, steps: lab.steps + BI_CHUNK });
  };
  const input = Array.from({ length: T }, (_, t) => SYMBOLS[lab.heldOut.inputIndices![t * HELD_OUT]]);
  const target = Array.from({ length: T }, (_, t) => LABELS[lab.heldOut.targetIndices![t * HELD_OUT]]);
  return (
    <section className="lesson-widget bi-compare" aria-label={s.biTitle}>
      <h3 className="widget-title">{s.biTitle}</h3>
      <p>{s.biIntro}</p>
      <div className="control-row">
        <button type="button" onClick={train}>
          {s.biTrain(BI_CHUNK)}
        </button>
        <button
          type="button"
          onClick={() => {
            setLab(build(T, seed));
          }}
        >
          {s.biReset}
        </button>
      </div>
      <ul role="status">
        {[s.uni, s.bi].map((name, k) => (
          <li key={name}>
            <strong>{name}</strong>: {s.biScore(`${(100 * scores[k].accuracy).toFixed(0)}%`, fmt(scores[k].loss), lab.steps)}
          </li>
        ))}
      </ul>
      <table className="values-table">
        <caption>{s.biExample}</caption>
        <tbody>
          <tr>
            <th scope="row">{s.input}</th>
            {input.map((v, i) => (
              <td key={i}>{v}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">{s.target}</th>
            {target.map((v, i) => (
              <td key={i}>{v}</td>
            ))}
          </tr>
          {[s.uni, s.bi].map((name, k) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              {scores[k].first.map((v, i) => (
                <td key={i}>{LABELS[v]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href="#/lab/translate">{s.openLab}</a>
      </p>
    </section>
  );
}
