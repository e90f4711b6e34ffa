// src/lessons/widgets/LossExplorer.tsx: softmax and cross-entropy on three scores the learner sets; the probabilities,
// the loss and ∂L/∂y are the engine's (a network whose head outputs exactly the chosen scores).
import { useId, useMemo, useState } from "react";
import { createNetwork, sampleSymbols } from "../../engine";
import { texCol, texNum } from "../format";
import { useStrings } from "../LangContext";
import { Tex } from "../Tex";

const K = 3;

/**
 * With the head's weight at zero, y = b_y whatever the state, so the engine's head outputs are the chosen scores;
 * sampleSymbols reports softmax(y), forward the cross-entropy, backward ∂L/∂b_y = ∂L/∂y.
 */
function explain(scores: readonly number[], target: number) {
  const net = createNetwork({ cell: "rnn", inputSize: K, hiddenSize: 1, numLayers: 1, outputSize: K, loss: "xent", inputKind: "onehot" }, { seed: 1 });
  net.param("head.weight").fill(0);
  net.param("head.bias").set(scores);
  const probs = new Float64Array(K);
  for (const { index, p } of sampleSymbols(net, { prime: Int32Array.of(0), length: 1, temperature: 1, seed: 1, topK: K })[0].top) probs[index] = p;
  const loss = net.forwardBackward({ T: 1, B: 1, inputIndices: Int32Array.of(0), targetIndices: Int32Array.of(target) });
  return { probs, loss, dy: net.grad("head.bias").slice() };
}

/** Takes no props: the scores and the class are the learner's to set. */
export default function LossExplorer() {
  const s = useStrings();
  const [scores, setScores] = useState<number[]>([2, 1, -1]);
  const [target, setTarget] = useState(0);
  const idBase = useId();
  const { probs, loss, dy } = useMemo(() => explain(scores, target), [scores, target]);
  return (
    <section className="lesson-widget loss-explorer" aria-label={s.lossExplorerTitle}>
      <h3 className="widget-title">{s.lossExplorerTitle}</h3>
      <div className="control-row">
        {scores.map((v, k) => (
          <label key={k} htmlFor={`${idBase}-${k}`}>
            {s.score(k + 1)}
            <input
              id={`${idBase}-${k}`}
              type="range"
              min={-4}
              max={4}
              step={0.1}
              value={v}
              onChange={(e) => {
                const x = Number(e.target.value);
                setScores((old) => old.map((o, j) => (j === k ? x : o)));
              }}
            />
            <output>{v.toFixed(1)}</output>
          </label>
        ))}
      </div>
      <fieldset className="control-row">
        <legend>{s.correctClass}</legend>
        {scores.map((_, k) => (
          <label key={k}>
            <input
              type="radio"
              name={`${idBase}-target`}
              checked={target === k}
              onChange={() => {
                setTarget(k);
              }}
            />
            {s.classLabel(k + 1)}
          </label>
        ))}
      </fieldset>
      <div className="loss-bars" aria-hidden="true">
        {Array.from(probs, (p, k) => (
          <div key={k} className={k === target ? "loss-bar is-target" : "loss-bar"}>
            <span style={{ width: `${(p * 100).toFixed(1)}%` }} />
          </div>
        ))}
      </div>
      <Tex display tex={`p = \\operatorname{softmax}(y) = \\operatorname{softmax}${texCol(scores)} = ${texCol(probs)}`} />
      <Tex display tex={`L = -\\log p_{${target + 1}} = ${texNum(loss)}, \\qquad \\frac{\\partial L}{\\partial y} = p - e_{${target + 1}} = ${texCol(dy)}`} />
    </section>
  );
}
