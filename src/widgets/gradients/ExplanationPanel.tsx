// src/widgets/gradients/ExplanationPanel.tsx: why the curves look as they do: the Jacobian product, with live numbers.
// Every figure is written out as the product it is (see explain.ts), so the page's numbers multiply out at every step.
// The prose has inline maths markup, so each language has its own paragraphs (ProseEn, ProseZh) over the same numbers.
import type { ReactNode } from "react";
import { useT } from "../../i18n";
import { GRADS } from "../../i18n/gradients";
import { presetSettings } from "../../store/gradSettings";
import { formatCount, formatValue } from "../../viz/format";
import { useGrad } from "./GradStoreProvider";
import { cellFigures, formatFactor, sigmoid, type CellFigures } from "./explain";
import { CELL_NAMES } from "./text";

/** base^exp, with a "^" that screen readers (and the page's text) keep. */
function Pow({ base, exp }: { base: string; exp: number }) {
  return (
    <span className="grad-pow">
      {base}
      <sup>
        <span className="viz-sr-only">^</span>
        {formatCount(exp)}
      </sup>
    </span>
  );
}

/** "a × b = c": the per-step factor and what it is made of. */
function Product({ a, b, c }: { a: number; b: number; c: number }) {
  return (
    <>
      {formatFactor(a)} × {formatFactor(b)} = {formatFactor(c)}
    </>
  );
}

/** "c^(T−1) ≈ r": the per-step factor over all T − 1 steps. */
function Power({ perStep, steps, ratio }: { perStep: number; steps: number; ratio: number }) {
  return (
    <>
      <Pow base={formatFactor(perStep)} exp={steps} /> ≈ {formatValue(ratio)}
    </>
  );
}

/** The settings the shown run was started with (the store restarts the run when any of these change). */
interface Biases {
  forget: number;
  update: number;
  /** The biases the "LSTM rescues" preset sets. */
  rescueForget: number;
  rescueUpdate: number;
}

export function ExplanationPanel() {
  const t = useT(GRADS);
  const snapshot = useGrad((s) => s.snapshot);
  const forget = useGrad((s) => s.settings.forgetBias);
  const update = useGrad((s) => s.settings.updateBias);
  if (!snapshot) return null;
  const T = snapshot.T;
  const [rnn, lstm, gru] = snapshot.cells.map((c) => cellFigures(c, T));
  const rescue = presetSettings("lstmRescues", 0);
  const biases: Biases = { forget, update, rescueForget: rescue.forgetBias, rescueUpdate: rescue.updateBias };
  const n = T - 1;
  const rows: { key: string; head: string; perStep: ReactNode; f: CellFigures; which: "measured" | "predicted" | "radius" }[] = [
    {
      key: "rnn-measured",
      head: t("rowRnnMeasured"),
      perStep: <Product a={rnn.share} b={rnn.stretch ?? NaN} c={rnn.measuredPerStep} />,
      f: rnn,
      which: "measured",
    },
    {
      key: "rnn-rho",
      head: t("rowRnnRho"),
      perStep: <Product a={rnn.share} b={rnn.rho ?? NaN} c={rnn.predictedPerStep} />,
      f: rnn,
      which: "predicted",
    },
    { key: "rnn-radius", head: t("rowRnnRadius"), perStep: formatFactor(rnn.rho ?? NaN), f: rnn, which: "radius" },
    { key: "lstm-direct", head: t("rowLstmDirect"), perStep: formatFactor(lstm.share), f: lstm, which: "predicted" },
    { key: "lstm-measured", head: t("rowLstmMeasured"), perStep: formatFactor(lstm.measuredPerStep), f: lstm, which: "measured" },
    { key: "gru-direct", head: t("rowGruDirect"), perStep: formatFactor(gru.share), f: gru, which: "predicted" },
    { key: "gru-measured", head: t("rowGruMeasured"), perStep: formatFactor(gru.measuredPerStep), f: gru, which: "measured" },
  ];
  return (
    <section className="grad-explain" aria-labelledby="grad-explain-heading">
      <h2 id="grad-explain-heading">{t("explainHeading")}</h2>
      {t.lang === "zh" ? <ProseZh n={n} rnn={rnn} lstm={lstm} gru={gru} biases={biases} /> : <ProseEn n={n} rnn={rnn} lstm={lstm} gru={gru} biases={biases} />}
      <div className="grad-explain-scroll">
        <table className="grad-table">
          <caption>{t("tableCaption", { step: formatCount(snapshot.step), n: formatCount(n) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("colCell")}</th>
              <th scope="col">{t("colPath")}</th>
              <th scope="col">{t("colPerStep")}</th>
              <th scope="col">{t("colOverSteps", { n: formatCount(n) })}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const perStep = r.which === "measured" ? r.f.measuredPerStep : r.which === "predicted" ? r.f.predictedPerStep : (r.f.rho ?? NaN);
              const ratio = r.which === "measured" ? r.f.measuredRatio : r.which === "predicted" ? r.f.predictedRatio : (r.f.radiusOnlyRatio ?? NaN);
              return (
                <tr key={r.key}>
                  <th scope="row">{CELL_NAMES[r.f.cell]}</th>
                  <td>{r.head}</td>
                  <td>{r.perStep}</td>
                  <td>
                    <Power perStep={perStep} steps={n} ratio={ratio} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

interface ProseProps {
  /** T − 1. */
  n: number;
  rnn: CellFigures;
  lstm: CellFigures;
  gru: CellFigures;
  biases: Biases;
}

/** The chain rule, descending: row-vector gradients meet the last step's Jacobian first. */
function ChainRule({ label }: { label: string }) {
  const J = (k: ReactNode) => (
    <>
      diag(1 − <var>h</var>
      <sub>{k}</sub>²) <var>W</var>
      <sub>hh</sub>
    </>
  );
  return (
    <p className="grad-math" aria-label={label}>
      ∂L/∂<var>h</var>
      <sub>t</sub> = ∂L/∂<var>h</var>
      <sub>T−1</sub> · {J("T−1")} · {J("T−2")} ⋯ {J("t+1")} = ∂L/∂<var>h</var>
      <sub>T−1</sub> · ∏<sub>k = T−1, T−2, …, t+1</sub> {J("k")}
    </p>
  );
}

/** How far the ρ-based estimate is off, as the product it is: (ρ ÷ s̄)^(T−1). */
function offBy(rnn: CellFigures): number {
  return rnn.predictedRatio / rnn.measuredRatio;
}

/** The explanation in English, with the live numbers. */
function ProseEn({ n, rnn, lstm, gru, biases }: ProseProps) {
  const off = offBy(rnn);
  const sf = sigmoid(biases.forget);
  const su = sigmoid(biases.update);
  return (
    <>
      <p>
        The loss is measured only at the last step, so the gradient that reaches step <var>t</var> has come back through
        every step after it. In a tanh-RNN, <var>h</var><sub>k</sub> = tanh(<var>W</var><sub>ih</sub><var>x</var>
        <sub>k</sub> + <var>W</var><sub>hh</sub><var>h</var><sub>k−1</sub> + <var>b</var>), and the chain rule gives, with
        gradients as row vectors (so the last step's factor comes first and the product runs from k = T−1 down to t+1):
      </p>
      <ChainRule label="dL/dh_t equals dL/dh_(T−1) times diag(1 − h_k squared) W_hh for k = T−1, then T−2, down to t+1" />
      <p>
        Each step back, tanh′ = 1 − <var>h</var>² keeps a share of the gradient (at most 1, near 0 for saturated units) and{" "}
        <var>W</var><sub>hh</sub> then stretches or shrinks what is left. Both factors repeat at every step, so over the{" "}
        {formatCount(n)} steps the gradient changes geometrically: below 1 per step it <strong>vanishes</strong>, above 1
        it <strong>explodes</strong>. For the tanh-RNN now, as geometric means over the {formatCount(n)} steps: tanh′ keeps{" "}
        {formatFactor(rnn.share)} and <var>W</var><sub>hh</sub> stretches by {formatFactor(rnn.stretch ?? NaN)}, so{" "}
        <Product a={rnn.share} b={rnn.stretch ?? NaN} c={rnn.measuredPerStep} /> per step, and{" "}
        <Power perStep={rnn.measuredPerStep} steps={n} ratio={rnn.measuredRatio} />: the measured ratio ‖∂L/∂h<sub>0</sub>‖ /
        ‖∂L/∂h<sub>T−1</sub>‖.
      </p>
      <p>
        The spectral radius ρ(<var>W</var><sub>hh</sub>) = {formatFactor(rnn.rho ?? NaN)} (its largest |eigenvalue|) is how much{" "}
        <var>W</var><sub>hh</sub> stretches a vector in the long run when it acts alone; it is exact when{" "}
        <var>W</var><sub>hh</sub> is ρ times a rotation. Put in place of the measured stretch, it gives{" "}
        <Product a={rnn.share} b={rnn.rho ?? NaN} c={rnn.predictedPerStep} /> per step and{" "}
        <Power perStep={rnn.predictedPerStep} steps={n} ratio={rnn.predictedRatio} /> (the dashed “predicted by ρ · tanh′”
        curve); ρ alone gives <Power perStep={rnn.rho ?? NaN} steps={n} ratio={rnn.radiusOnlyRatio ?? NaN} />. Here that
        estimate is {formatValue(off)} times the measurement ((ρ ÷ {formatFactor(rnn.stretch ?? NaN)})
        <sup>
          <span className="viz-sr-only">^</span>
          {formatCount(n)}
        </sup>
        ): {Math.abs(Math.log10(off)) < 1
          ? "close, because the gradient lines up with the direction W_hh stretches most."
          : "tanh′ turns the gradient at every step, away from the direction W_hh stretches most, so ρ is only a rough guide once training has shaped W_hh."}
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
        That is why the gate biases matter. On the gradient's path the forget gate now keeps {formatFactor(lstm.share)} per
        step, so the direct path alone keeps <Power perStep={lstm.share} steps={n} ratio={lstm.predictedRatio} /> (measured,
        all paths: <Power perStep={lstm.measuredPerStep} steps={n} ratio={lstm.measuredRatio} />); the GRU's update gate keeps{" "}
        {formatFactor(gru.share)}, <Power perStep={gru.share} steps={n} ratio={gru.predictedRatio} /> (measured:{" "}
        <Power perStep={gru.measuredPerStep} steps={n} ratio={gru.measuredRatio} />). Before training, a gate with bias{" "}
        <var>b</var> sits near σ(<var>b</var>): this run's forget-gate bias {formatValue(biases.forget)} gives σ ={" "}
        {formatFactor(sf)} and <Power perStep={sf} steps={n} ratio={sf ** n} />, its update-gate bias {formatValue(biases.update)}{" "}
        gives {formatFactor(su)} and <Power perStep={su} steps={n} ratio={su ** n} />. The “LSTM rescues” preset sets them to{" "}
        {formatValue(biases.rescueForget)} and {formatValue(biases.rescueUpdate)}.
      </p>
    </>
  );
}

/** The explanation in Simplified Chinese, with the same numbers. */
function ProseZh({ n, rnn, lstm, gru, biases }: ProseProps) {
  const off = offBy(rnn);
  const sf = sigmoid(biases.forget);
  const su = sigmoid(biases.update);
  return (
    <>
      <p>
        损失只在最后一步计算，所以到达第 <var>t</var> 步的梯度，要经过它之后的每一步才能传回来。在 tanh-RNN 中，
        <var>h</var><sub>k</sub> = tanh(<var>W</var><sub>ih</sub><var>x</var><sub>k</sub> + <var>W</var><sub>hh</sub><var>h</var>
        <sub>k−1</sub> + <var>b</var>)。把梯度写成行向量时（于是最后一步的因子排在最前面，连乘从 k = T−1 递减到 t+1），由链式法则可得
      </p>
      <ChainRule label="dL/dh_t 等于 dL/dh_(T−1) 依次乘以 k = T−1、T−2、……、t+1 的 diag(1 − h_k 的平方) W_hh" />
      <p>
        每往回一步，tanh′ = 1 − <var>h</var>² 保留梯度的一部分（最多为 1，对饱和的单元接近 0），然后 <var>W</var><sub>hh</sub>{" "}
        再把剩下的部分拉伸或压缩。这两个因子每一步都会重复，所以经过 {formatCount(n)} 步，梯度按几何级数变化：每步因子小于 1
        时梯度<strong>消失</strong>，大于 1 时梯度<strong>爆炸</strong>。现在对 tanh-RNN 来说，取这 {formatCount(n)} 步的几何平均：tanh′
        每步保留 {formatFactor(rnn.share)}，<var>W</var><sub>hh</sub> 拉伸 {formatFactor(rnn.stretch ?? NaN)} 倍，所以每步为{" "}
        <Product a={rnn.share} b={rnn.stretch ?? NaN} c={rnn.measuredPerStep} />，而{" "}
        <Power perStep={rnn.measuredPerStep} steps={n} ratio={rnn.measuredRatio} />，正是实测的比值 ‖∂L/∂h<sub>0</sub>‖ /
        ‖∂L/∂h<sub>T−1</sub>‖。
      </p>
      <p>
        谱半径 ρ(<var>W</var><sub>hh</sub>) = {formatFactor(rnn.rho ?? NaN)}（最大的 |特征值|）是 <var>W</var><sub>hh</sub>{" "}
        单独作用时长期来看对向量的拉伸倍数；当 <var>W</var><sub>hh</sub> 是 ρ 乘以一个旋转矩阵时它是精确的。用它代替实测的拉伸，得到每步{" "}
        <Product a={rnn.share} b={rnn.rho ?? NaN} c={rnn.predictedPerStep} />，以及{" "}
        <Power perStep={rnn.predictedPerStep} steps={n} ratio={rnn.predictedRatio} />（即虚线“由 ρ · tanh′ 预测”）；只看 ρ 则得到{" "}
        <Power perStep={rnn.rho ?? NaN} steps={n} ratio={rnn.radiusOnlyRatio ?? NaN} />。这里该估计是实测值的 {formatValue(off)} 倍（(ρ ÷{" "}
        {formatFactor(rnn.stretch ?? NaN)})
        <sup>
          <span className="viz-sr-only">^</span>
          {formatCount(n)}
        </sup>
        ）：{Math.abs(Math.log10(off)) < 1
          ? "两者接近，因为梯度的方向正好与 W_hh 拉伸最多的方向一致。"
          : "tanh′ 每一步都会把梯度转离 W_hh 拉伸最多的方向，所以一旦训练改变了 W_hh，ρ 只能作为粗略的参考。"}
      </p>
      <p>
        门控单元多了一条既不经过 <var>W</var><sub>hh</sub>、也不经过 tanh′ 的路径。LSTM 的细胞状态满足 <var>c</var><sub>t</sub> ={" "}
        <var>f</var><sub>t</sub> ⊙ <var>c</var><sub>t−1</sub> + <var>i</var><sub>t</sub> ⊙ <var>g</var><sub>t</sub>，所以
        ∂L/∂<var>c</var><sub>t−1</sub> 直接得到 ∂L/∂<var>c</var><sub>t</sub> ⊙ <var>f</var><sub>t</sub>：只要遗忘门接近 1，每一步几乎没有损失。GRU 的 <var>h</var><sub>t</sub> = (1 − <var>z</var><sub>t</sub>) ⊙ <var>n</var><sub>t</sub> + <var>z</var>
        <sub>t</sub> ⊙ <var>h</var><sub>t−1</sub> 用它的更新门 <var>z</var> 做到了同样的事。它们的预测曲线只考虑这条直接路径；其他经过门和 <var>W</var><sub>hh</sub> 的路径会叠加在它之上，所以实测曲线可能高于预测。
      </p>
      <p>
        这就是门的偏置很重要的原因。在梯度经过的路径上，遗忘门现在每步保留 {formatFactor(lstm.share)}，所以仅直接路径就保留{" "}
        <Power perStep={lstm.share} steps={n} ratio={lstm.predictedRatio} />（实测，包括所有路径：
        <Power perStep={lstm.measuredPerStep} steps={n} ratio={lstm.measuredRatio} />）；GRU 的更新门每步保留 {formatFactor(gru.share)}，即{" "}
        <Power perStep={gru.share} steps={n} ratio={gru.predictedRatio} />（实测：
        <Power perStep={gru.measuredPerStep} steps={n} ratio={gru.measuredRatio} />）。训练之前，偏置为 <var>b</var> 的门大约取
        σ(<var>b</var>)：本次运行的遗忘门偏置 {formatValue(biases.forget)} 给出 σ = {formatFactor(sf)}，以及{" "}
        <Power perStep={sf} steps={n} ratio={sf ** n} />；更新门偏置 {formatValue(biases.update)} 给出 {formatFactor(su)}，以及{" "}
        <Power perStep={su} steps={n} ratio={su ** n} />。“LSTM 解围”预设把它们设为 {formatValue(biases.rescueForget)} 和{" "}
        {formatValue(biases.rescueUpdate)}。
      </p>
    </>
  );
}
