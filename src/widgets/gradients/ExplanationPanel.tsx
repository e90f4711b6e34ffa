// src/widgets/gradients/ExplanationPanel.tsx: why the curves look as they do: the Jacobian product, with live numbers.
// The prose has inline maths markup, so each language has its own paragraphs (ProseEn, ProseZh) over the same numbers.
import { useT, type Translate } from "../../i18n";
import { GRADS } from "../../i18n/gradients";
import { formatCount, formatValue } from "../../viz/format";
import type { GradCellView, GradSnapshot } from "../../worker/gradients/protocol";
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

function rowsOf(t: Translate<typeof GRADS>, s: GradSnapshot): Row[] {
  const T = s.T;
  return s.cells.map((c) => {
    const p = c.profile;
    const measured = p.dcNorm ?? p.dhNorm;
    const measuredRatio = firstOverLast(measured);
    const predictedRatio = firstOverLast(p.predicted);
    const local =
      c.cell === "rnn"
        ? t("localRnn", { radius: formatValue(c.spectralRadius.W_hh), mean: formatValue(p.meanLocal) })
        : c.cell === "lstm"
          ? t("localLstm", { mean: formatValue(p.meanLocal) })
          : t("localGru", { mean: formatValue(p.meanLocal) });
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
  const t = useT(GRADS);
  const snapshot = useGrad((s) => s.snapshot);
  if (!snapshot) return null;
  const T = snapshot.T;
  const rows = rowsOf(t, snapshot);
  const [rnn, lstm, gru] = rows;
  return (
    <section className="grad-explain" aria-labelledby="grad-explain-heading">
      <h2 id="grad-explain-heading">{t("explainHeading")}</h2>
      {t.lang === "zh" ? <ProseZh T={T} rnn={rnn} lstm={lstm} gru={gru} /> : <ProseEn T={T} rnn={rnn} lstm={lstm} gru={gru} />}
      <div className="grad-explain-scroll">
      <table className="grad-table">
        <caption>
          {t("tableCaption", { step: formatCount(snapshot.step), n: formatCount(T - 1) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("colCell")}</th>
            <th scope="col">{t("colRate")}</th>
            <th scope="col">{t("colPredictedPerStep")}</th>
            <th scope="col">{t("colMeasuredPerStep")}</th>
            <th scope="col">{t("colRatio")}</th>
            <th scope="col">{t("colPredicted")}</th>
            <th scope="col">{t("colMeasured")}</th>
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

interface ProseProps {
  T: number;
  rnn: Row;
  lstm: Row;
  gru: Row;
}

/** The explanation in English, with the live numbers. */
function ProseEn({ T, rnn, lstm, gru }: ProseProps) {
  return (
    <>
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
    </>
  );
}

/** The explanation in Simplified Chinese, with the same numbers. */
function ProseZh({ T, rnn, lstm, gru }: ProseProps) {
  return (
    <>
      <p>
        损失只在最后一步计算，所以到达第 <var>t</var> 步的梯度，要经过它之后的每一步才能传回来。在 tanh-RNN 中，
        <var>h</var><sub>k</sub> = tanh(<var>W</var><sub>ih</sub><var>x</var><sub>k</sub> + <var>W</var><sub>hh</sub><var>h</var>
        <sub>k−1</sub> + <var>b</var>)，由链式法则可得
      </p>
      <p className="grad-math" aria-label="dL/dh_t 等于 dL/dh_(T−1) 乘以 k 从 t+1 到 T−1 的 diag(1 − h_k 的平方) 乘 W_hh 的连乘积">
        ∂L/∂<var>h</var><sub>t</sub> = ∂L/∂<var>h</var><sub>T−1</sub> · ∏<sub>k = t+1 … T−1</sub> diag(1 − <var>h</var>
        <sub>k</sub>²) <var>W</var><sub>hh</sub>
      </p>
      <p>
        每往回一步，都要乘以 <var>W</var><sub>hh</sub>（从长远看，它会把一个向量按其谱半径 ρ(<var>W</var><sub>hh</sub>)，即最大的
        |特征值|，进行拉伸），还要乘以 tanh′ = 1 − <var>h</var>²，它最大为 1，对饱和的单元则接近 0。所以梯度大致按
        (ρ · tanh′)<sup>T−1−t</sup> 缩小或增长，呈几何级数变化：每步因子小于 1 时梯度<strong>消失</strong>，大于 1 时梯度
        <strong>爆炸</strong>。现在，对 tanh-RNN 来说，{rnn.local}：ρ 乘以实测的 tanh′ 因子，预测每步为 {formatValue(rnn.predictedPerStep)}
        ，而曲线实测为 {formatValue(rnn.measuredPerStep)}。经过 {formatCount(T - 1)} 步，预测值为 {formatValue(rnn.predictedRatio)}，实测值为{" "}
        {formatValue(rnn.measuredRatio)}（只看 ρ 会得到 {formatValue((rnn.cell.spectralRadius.W_hh ?? NaN) ** (T - 1))}）。
      </p>
      <p>
        门控单元多了一条既不经过 <var>W</var><sub>hh</sub>、也不经过 tanh′ 的路径。LSTM 的细胞状态满足 <var>c</var><sub>t</sub> ={" "}
        <var>f</var><sub>t</sub> ⊙ <var>c</var><sub>t−1</sub> + <var>i</var><sub>t</sub> ⊙ <var>g</var><sub>t</sub>，所以
        ∂L/∂<var>c</var><sub>t−1</sub> 直接得到 ∂L/∂<var>c</var><sub>t</sub> ⊙ <var>f</var><sub>t</sub>：只要遗忘门接近 1，每一步几乎没有损失。GRU 的 <var>h</var><sub>t</sub> = (1 − <var>z</var><sub>t</sub>) ⊙ <var>n</var><sub>t</sub> + <var>z</var>
        <sub>t</sub> ⊙ <var>h</var><sub>t−1</sub> 用它的更新门 <var>z</var> 做到了同样的事。它们的预测曲线只考虑这条直接路径；其他经过门和 <var>W</var><sub>hh</sub> 的路径会叠加在它之上，所以实测曲线可能高于预测。
      </p>
      <p>
        这就是门的偏置在训练开始时很重要的原因。现在遗忘门的均值为 {formatValue(lstm.cell.profile.meanLocal)}，更新门的均值为{" "}
        {formatValue(gru.cell.profile.meanLocal)}：保持 {formatCount(T - 1)} 步之后，梯度分别只剩{" "}
        {formatValue(lstm.cell.profile.meanLocal ** (T - 1))} 和 {formatValue(gru.cell.profile.meanLocal ** (T - 1))}。偏置为 5 时，门的值为 σ(5) ≈ 0.993，而 0.993<sup>{formatCount(T - 1)}</sup> ≈ {formatValue((1 / (1 + Math.exp(-5))) ** (T - 1))}：这就是“LSTM 解围”预设。
      </p>
    </>
  );
}
