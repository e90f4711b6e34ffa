// src/widgets/gradients/ExplanationPanel.tsx: why the curves look as they do: the Jacobian product, with live numbers.
import { formatCount, formatValue } from "../../viz/format";
import type { GradCellView, GradSnapshot } from "../../worker/protocol";
import { useGrad } from "./GradStoreProvider";
import { CELL_NAMES, firstOverLast, perStep } from "./text";

/** Geometric mean of gain[1…T−1]: the per-step factor the prediction multiplies by. */
function meanGain(gain: Float64Array): number {
  let sum = 0;
  for (let t = 1; t < gain.length; t++) sum += Math.log(gain[t]);
  return Math.exp(sum / (gain.length - 1));
}

interface Row {
  cell: GradCellView;
  local: string;
  predictedPerStep: number;
  measuredPerStep: number;
  predictedRatio: number;
  measuredRatio: number;
  what: string;
}

function rowsOf(s: GradSnapshot): Row[] {
  const T = s.T;
  return s.cells.map((c) => {
    const p = c.profile;
    const measured = p.dcNorm ?? p.dhNorm;
    const measuredRatio = firstOverLast(measured);
    const predictedRatio = firstOverLast(p.predicted);
    const local =
      c.cell === "rnn"
        ? `ρ(W_hh) = ${formatValue(c.spectralRadius.W_hh)}, mean tanh′ = mean(1 − h²) = ${formatValue(p.meanLocal)}`
        : c.cell === "lstm"
          ? `mean forget gate f = ${formatValue(p.meanLocal)}`
          : `mean update gate z = ${formatValue(p.meanLocal)}`;
    return {
      cell: c,
      local,
      predictedPerStep: meanGain(p.gain),
      measuredPerStep: perStep(measuredRatio, T),
      predictedRatio,
      measuredRatio,
      what: c.cell === "lstm" ? "‖∂L/∂c_0‖ / ‖∂L/∂c_T−1‖" : "‖∂L/∂h_0‖ / ‖∂L/∂h_T−1‖",
    };
  });
}

export function ExplanationPanel() {
  const snapshot = useGrad((s) => s.snapshot);
  if (!snapshot) return null;
  const T = snapshot.T;
  const rows = rowsOf(snapshot);
  const [rnn, lstm, gru] = rows;
  return (
    <section className="grad-explain" aria-labelledby="grad-explain-heading">
      <h2 id="grad-explain-heading">Why the gradient vanishes or explodes</h2>
      <p>
        The loss is measured only at the last step, so the gradient that reaches step <var>t</var> has come back through
        every step after it. In a tanh-RNN, <var>h</var><sub>k</sub> = tanh(<var>W</var><sub>ih</sub><var>x</var>
        <sub>k</sub> + <var>W</var><sub>hh</sub><var>h</var><sub>k−1</sub> + <var>b</var>), and the chain rule gives
      </p>
      <p className="grad-math" aria-label="dL/dh_t equals dL/dh_(T−1) times the product, for k from t+1 to T−1, of diag(1 − h_k squared) times W_hh">
        ∂L/∂<var>h</var><sub>t</sub> = ∂L/∂<var>h</var><sub>T−1</sub> · ∏<sub>k = t+1 … T−1</sub> diag(1 − <var>h</var>
        <sub>k</sub>²) <var>W</var><sub>hh</sub>
      </p>
      <p>
        Each step back multiplies by <var>W</var><sub>hh</sub>, which in the long run stretches a vector by its spectral
        radius ρ(<var>W</var><sub>hh</sub>) (its largest |eigenvalue|), and by tanh′ = 1 − <var>h</var>², which is at most 1 and
        near 0 for saturated units. So the gradient shrinks or grows roughly like (ρ · tanh′)<sup>T−1−t</sup>: geometrically.
        Below 1 per step it <strong>vanishes</strong>, above 1 it <strong>explodes</strong>. Now, for the tanh-RNN, {rnn.local}:
        ρ times the measured tanh′ factor predicts {formatValue(rnn.predictedPerStep)} per step, and the curve measures{" "}
        {formatValue(rnn.measuredPerStep)}. Over {formatCount(T - 1)} steps that is {formatValue(rnn.predictedRatio)} predicted
        against {formatValue(rnn.measuredRatio)} measured (ρ alone would say {formatValue((rnn.cell.spectralRadius.W_hh ?? NaN) ** (T - 1))}).
      </p>
      <p>
        The gated cells add a path without <var>W</var><sub>hh</sub> and without tanh′. The LSTM's cell state has
        <var> c</var><sub>t</sub> = <var>f</var><sub>t</sub> ⊙ <var>c</var><sub>t−1</sub> + <var>i</var><sub>t</sub> ⊙ <var>g</var>
        <sub>t</sub>, so ∂L/∂<var>c</var><sub>t−1</sub> receives ∂L/∂<var>c</var><sub>t</sub> ⊙ <var>f</var><sub>t</sub> directly:
        with the forget gate near 1, almost nothing is lost per step. The GRU's <var>h</var><sub>t</sub> = (1 − <var>z</var>
        <sub>t</sub>) ⊙ <var>n</var><sub>t</sub> + <var>z</var><sub>t</sub> ⊙ <var>h</var><sub>t−1</sub> does the same with its
        update gate <var>z</var>. Their predicted curves follow that direct path alone; the other paths, through the gates and{" "}
        <var>W</var><sub>hh</sub>, add to it, so the measured curve can lie above the prediction.
      </p>
      <p>
        That is why the gate biases matter at the start of training. Now the mean forget gate is {formatValue(lstm.cell.profile.meanLocal)}{" "}
        and the mean update gate {formatValue(gru.cell.profile.meanLocal)}: kept for {formatCount(T - 1)} steps, that leaves{" "}
        {formatValue(lstm.cell.profile.meanLocal ** (T - 1))} and {formatValue(gru.cell.profile.meanLocal ** (T - 1))} of the
        gradient. A bias of 5 puts a gate at σ(5) ≈ 0.993, and 0.993<sup>{formatCount(T - 1)}</sup> ≈{" "}
        {formatValue((1 / (1 + Math.exp(-5))) ** (T - 1))}: the “LSTM rescues” preset.
      </p>
      <div className="grad-explain-scroll">
      <table className="grad-table">
        <caption>
          Predicted against measured decay at step {formatCount(snapshot.step)}, over T − 1 = {formatCount(T - 1)} steps
        </caption>
        <thead>
          <tr>
            <th scope="col">cell</th>
            <th scope="col">what sets the rate</th>
            <th scope="col">predicted per step</th>
            <th scope="col">measured per step</th>
            <th scope="col">ratio</th>
            <th scope="col">predicted</th>
            <th scope="col">measured</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.cell.cell}>
              <th scope="row">{CELL_NAMES[r.cell.cell]}</th>
              <td>{r.local}</td>
              <td>{formatValue(r.predictedPerStep)}</td>
              <td>{formatValue(r.measuredPerStep)}</td>
              <td>{r.what}</td>
              <td>{formatValue(r.predictedRatio)}</td>
              <td>{formatValue(r.measuredRatio)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </section>
  );
}
