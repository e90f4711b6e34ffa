// src/lessons/widgets/AttentionStep.tsx: one decoder step of an encoder–decoder with dot-product attention, every
// symbol's value from the engine's trace (scores, softmax weights, context, decoder input, new state, output), in
// KaTeX with the symbols bound to the symbol panel. A tiny model (tanh-RNN, H = 3) the learner can train a little.
import { useMemo, useState } from "react";
import { Rng } from "../../engine/rng";
import { packSeq2SeqBatch, Seq2SeqModel, Seq2SeqTrainer } from "../../engine/seq2seq";
import type { SymbolValue } from "../equations";
import { fmt, sym, texCol, texMat, texNum, texRow } from "../format";
import { useLessonLang } from "../LangContext";
import { LiveEquation } from "../LiveEquation";
import { intProp, stringProp, WidgetPropError, type WidgetProps } from "../props";
import { StepStoreProvider } from "../stepStore";
import { SymbolPanel } from "../SymbolPanel";
import { ATTENTION_TEXT } from "./attentionText";

const E = 2;
const H = 3;
const SOS = 0;
const EOS = 1;
/** Steps per press of Train: small enough for one main-thread task well under 50 ms. */
export const TRAIN_CHUNK = 40;

interface Tiny {
  model: Seq2SeqModel;
  trainer: Seq2SeqTrainer;
  vocab: string[];
  source: number[];
  target: number[];
  steps: number;
}

/** Ids: 0 = <s>, 1 = </s>, then the distinct symbols of source and target in order of appearance. */
function vocabularyOf(source: string, target: string): string[] {
  return ["<s>", "</s>", ...new Set([...Array.from(source), ...Array.from(target)])];
}

function build(source: string, target: string, seed: number): Tiny {
  const vocab = vocabularyOf(source, target);
  const ids = (s: string): number[] => Array.from(s, (c) => vocab.indexOf(c));
  const model = new Seq2SeqModel(
    { cell: "rnn", attention: "dot", sourceVocabSize: vocab.length, targetVocabSize: vocab.length, embeddingSize: E, hiddenSize: H },
    { rng: new Rng(seed), kernels: "ts" },
  );
  return { model, trainer: new Seq2SeqTrainer(model, { kind: "adam", lr: 0.05 }), vocab, source: [...ids(source), EOS], target: ids(target), steps: 0 };
}

/** Every value of the teacher-forced pass, per decoder step (engine trace, B = 1). */
function passOf(tiny: Tiny) {
  const batch = packSeq2SeqBatch([{ source: tiny.source, target: tiny.target }], { sos: SOS, eos: EOS });
  const loss = tiny.model.forward(batch);
  const tr = tiny.model.trace();
  return { loss, tr, emb: tiny.model.param("decoder.embedding.weight"), Wih: tiny.model.param("decoder.rnn.weight_ih_l0"), Whh: tiny.model.param("decoder.rnn.weight_hh_l0"), bih: tiny.model.param("decoder.rnn.bias_ih_l0"), bhh: tiny.model.param("decoder.rnn.bias_hh_l0") };
}

const sv = (key: string, label: string, text: string, values: Float64Array, rows: number, cols: number, isParam = false): SymbolValue => ({ key, label, text, values, rows, cols, isParam });

export default function AttentionStep(props: WidgetProps) {
  const source = stringProp(props, "source", "abcd");
  const target = stringProp(props, "target", "dcba");
  const seed = intProp(props, "seed", 3, 0, 1_000_000);
  if (Array.from(source).length < 2 || Array.from(source).length > 8 || Array.from(target).length < 1 || Array.from(target).length > 8) {
    throw new WidgetPropError("source and target must have 2–8 and 1–8 symbols.");
  }
  const lang = useLessonLang();
  const s = ATTENTION_TEXT[lang];
  const [tiny, setTiny] = useState(() => build(source, target, seed));
  const [t, setT] = useState(0);
  // A new `tiny` object after each chunk of training (the model itself is trained in place).
  const pass = useMemo(() => passOf(tiny), [tiny]);
  const { tr } = pass;
  const S = tr.S;
  const U = tr.U;
  const n = tiny.source.length;
  const Vt = tiny.vocab.length;
  const show = (id: number): string => tiny.vocab[id];
  const row = (a: Float64Array, i: number, w: number): Float64Array => a.slice(i * w, (i + 1) * w);

  const zPrev = t === 0 ? row(tr.encoderOutputs, n - 1, H) : row(tr.decoderStates, t - 1, H);
  const keys = tr.encoderOutputs.slice(0, n * H);
  const e = row(tr.scores, t, S).slice(0, n);
  const alpha = row(tr.attention, t, S).slice(0, n);
  const ctx = row(tr.contexts, t, H);
  const yPrev = tr.decoderInputs[t];
  const embedded = row(pass.emb, yPrev, E);
  const x = Float64Array.from([...embedded, ...ctx]);
  const z = row(tr.decoderStates, t, H);
  const p = row(tr.probs, t, Vt);
  const best = p.indexOf(Math.max(...p));
  const tIdx = t + 1;

  const symbols: SymbolValue[] = [
    sv("zprev", `z_{${tIdx - 1}}`, `z_${tIdx - 1}`, zPrev, H, 1),
    sv("keys", "h_{1..n}", "h_1..h_n", keys, n, H),
    sv("e", `e_{${tIdx}}`, `e_${tIdx}`, e, 1, n),
    sv("alpha", `\\alpha_{${tIdx}}`, `α_${tIdx}`, alpha, 1, n),
    sv("ctx", `c_{${tIdx}}`, `c_${tIdx}`, ctx, H, 1),
    sv("x", `x_{${tIdx}}`, `x_${tIdx}`, x, E + H, 1),
    sv("z", `z_{${tIdx}}`, `z_${tIdx}`, z, H, 1),
    sv("p", `p_{${tIdx}}`, `p_${tIdx}`, p, 1, Vt),
    sv("Wih", "W_{ih}", "W_ih", pass.Wih, H, E + H, true),
    sv("Whh", "W_{hh}", "W_hh", pass.Whh, H, H, true),
  ];
  const Z = sym("zprev", `z_{${tIdx - 1}}`);
  const rows: { general: string; numbers: string }[] = [
    {
      general: `${sym("e", `e_{${tIdx},s}`)} = ${Z}^{\\top} ${sym("keys", "h_s")}`,
      numbers: `${sym("e", `e_{${tIdx}}`)} = ${texRow(zPrev)} ${texMat(keys, n, H).replace("bmatrix", "bmatrix").replace(/^/, "")}^{\\top} = ${texRow(e)}`,
    },
    {
      general: `${sym("alpha", `\\alpha_{${tIdx},s}`)} = \\frac{\\exp ${sym("e", `e_{${tIdx},s}`)}}{\\sum_{s'} \\exp e_{${tIdx},s'}}`,
      numbers: `${sym("alpha", `\\alpha_{${tIdx}}`)} = \\operatorname{softmax}${texRow(e)} = ${texRow(alpha)}`,
    },
    {
      general: `${sym("ctx", `c_{${tIdx}}`)} = \\sum_s ${sym("alpha", `\\alpha_{${tIdx},s}`)} ${sym("keys", "h_s")}`,
      numbers: `${sym("ctx", `c_{${tIdx}}`)} = ${Array.from(alpha, (a, i) => `${texNum(a)} ${texCol(keys.slice(i * H, (i + 1) * H))}`).join(" + ")} = ${texCol(ctx)}`,
    },
    {
      general: `${sym("x", `x_{${tIdx}}`)} = \\begin{bmatrix} \\mathrm{emb}(y_{${tIdx - 1}}) \\\\ ${sym("ctx", `c_{${tIdx}}`)} \\end{bmatrix}`,
      numbers: `${sym("x", `x_{${tIdx}}`)} = \\begin{bmatrix} \\mathrm{emb}(\\text{“${show(yPrev)}”}) \\\\ c_{${tIdx}} \\end{bmatrix} = ${texCol(x)}`,
    },
    {
      general: `${sym("z", `z_{${tIdx}}`)} = \\tanh(${sym("Wih", "W_{ih}")} ${sym("x", `x_{${tIdx}}`)} + b_{ih} + ${sym("Whh", "W_{hh}")} ${Z} + b_{hh})`,
      numbers: `${sym("z", `z_{${tIdx}}`)} = \\tanh\\Big(${texMat(pass.Wih, H, E + H)} ${texCol(x)} + ${texCol(pass.bih)} + ${texMat(pass.Whh, H, H)} ${texCol(zPrev)} + ${texCol(pass.bhh)}\\Big) = ${texCol(z)}`,
    },
    {
      general: `${sym("p", `p_{${tIdx}}`)} = \\operatorname{softmax}(W_{out} ${sym("z", `z_{${tIdx}}`)} + b_{out})`,
      numbers: `${sym("p", `p_{${tIdx}}`)} = ${texRow(p)} \\quad (${tiny.vocab.map((v) => `\\text{${v.replace(/[<>/]/g, (c) => (c === "/" ? "/" : c === "<" ? "‹" : "›"))}}`).join(",\\ ")})`,
    },
  ];

  const train = () => {
    const { trainer } = tiny;
    const batch = packSeq2SeqBatch([{ source: tiny.source, target: tiny.target }], { sos: SOS, eos: EOS });
    for (let i = 0; i < TRAIN_CHUNK; i++) trainer.step(batch, { maxNorm: 1 });
    setTiny({ ...tiny, steps: tiny.steps + TRAIN_CHUNK });
  };

  return (
    <section className="lesson-widget attention-step" aria-label={s.stepTitle}>
      <h3 className="widget-title">{s.stepTitle}</h3>
      <p>{s.stepIntro(source, target)}</p>
      <div className="control-row" role="group" aria-label={s.decoderStep}>
        <span>{s.decoderStep}:</span>
        {Array.from({ length: U }, (_, i) => (
          <button
            key={i}
            type="button"
            aria-pressed={t === i}
            onClick={() => {
              setT(i);
            }}
          >
            {s.stepButton(i + 1, show(tr.decoderInputs[i]))}
          </button>
        ))}
      </div>
      <div className="control-row">
        <button type="button" onClick={train}>
          {s.trainButton(TRAIN_CHUNK)}
        </button>
        <button
          type="button"
          onClick={() => {
            setTiny(build(source, target, seed));
          }}
        >
          {s.resetButton}
        </button>
        <span role="status">{tiny.steps === 0 ? s.untrained : s.trained(tiny.steps, fmt(pass.loss))}</span>
      </div>
      <StepStoreProvider T={U}>
        <div className="step-equations" aria-label={s.equations} role="group">
          {rows.map((r, i) => (
            <div key={i} className="eq-row">
              <LiveEquation tex={r.general} className="eq-general" />
              <LiveEquation tex={r.numbers} className="eq-substituted" />
            </div>
          ))}
          <p>{s.likeliest(show(best), fmt(p[best]))}</p>
        </div>
        <div className="step-side">
          <SymbolPanel symbols={symbols} />
        </div>
      </StepStoreProvider>
      <p>
        <a href="#/lab/translate">{s.openLab}</a>
      </p>
    </section>
  );
}
