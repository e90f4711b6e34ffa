// src/lessons/widgets/Seq2Seq.tsx: an encoder–decoder with attention drawn for one decoder step at a time; the
// learner picks the step and sees which encoder states its context vector draws on. Weights are illustrative.
import { useId, useState } from "react";
import { fmt } from "../format";
import { useStrings } from "../LangContext";
import { stringProp, WidgetPropError, type WidgetProps } from "../props";

const COL = 120;

function parseWeights(text: string, rows: number, cols: number): number[][] {
  const out = text.split(";").map((row) => row.trim().split(/\s+/).map(Number));
  if (out.length !== rows || out.some((r) => r.length !== cols || r.some((v) => !(v >= 0)))) {
    throw new WidgetPropError(`weights must be ${rows} rows of ${cols} non-negative numbers separated by ";".`);
  }
  // Each row is normalised to sum to 1, as softmax weights do.
  return out.map((r) => {
    const sum = r.reduce((a, b) => a + b, 0);
    return r.map((v) => v / sum);
  });
}

export default function Seq2Seq(props: WidgetProps) {
  const s = useStrings();
  const source = stringProp(props, "source", "I love deep learning").split(/\s+/);
  const target = stringProp(props, "target", "我 爱 深度 学习").split(/\s+/);
  const alpha = parseWeights(stringProp(props, "weights", ""), target.length, source.length);
  const [t, setT] = useState(1);
  const groupId = useId();
  const S = source.length;
  const width = Math.max(S, target.length) * COL + 60;
  const ex = (j: number): number => 30 + (j + 0.5) * COL;
  const Y = { dec: 40, ctx: 140, enc: 250, src: 305 };
  const row = alpha[t - 1];
  const strongest = row.indexOf(Math.max(...row));
  return (
    <section className="lesson-widget seq2seq" aria-label={s.attentionDiagramTitle}>
      <h3 className="widget-title">{s.attentionDiagramTitle}</h3>
      <div className="control-row" role="group" aria-labelledby={groupId}>
        <span id={groupId}>{s.chooseDecoderStep}:</span>
        {target.map((word, i) => (
          <button key={i} type="button" aria-pressed={t === i + 1} onClick={() => { setT(i + 1); }}>
            {i + 1}: {word}
          </button>
        ))}
      </div>
      <svg className="unrolled diagram" viewBox={`0 0 ${width} 330`} width="100%" style={{ maxWidth: `${width}px` }} role="img" aria-label={s.attentionLabel(t, target[t - 1], source[strongest])}>
        <title>{s.attentionDiagramTitle}</title>
        <defs>
          <marker id="att-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="arrow-head" />
          </marker>
        </defs>
        <text className="diagram-label" x={6} y={Y.enc - 30}>
          {s.encoder}
        </text>
        <text className="diagram-label" x={6} y={Y.dec - 26}>
          {s.decoder}
        </text>
        {/* attention lines from every encoder state to the context of step t */}
        {source.map((_, j) => (
          <g key={j}>
            <line className="attention-line" x1={ex(j)} y1={Y.enc - 21} x2={ex(t - 1)} y2={Y.ctx + 16} strokeWidth={1 + 12 * row[j]} />
            <text className="attention-weight" x={ex(j) + 24} y={Y.enc - 24}>
              α={fmt(row[j])}
            </text>
          </g>
        ))}
        <g className="unrolled-node">
          <rect x={ex(t - 1) - 34} y={Y.ctx - 16} width={68} height={32} rx={6} className="context-node" />
          <text x={ex(t - 1)} y={Y.ctx} dy="0.35em" textAnchor="middle">
            c{t}
          </text>
        </g>
        <line className="unrolled-arrow" x1={ex(t - 1)} y1={Y.ctx - 17} x2={ex(t - 1)} y2={Y.dec + 22} markerEnd="url(#att-arrow)" />
        {source.map((word, j) => (
          <g key={j} className="unrolled-node">
            {j < S - 1 && <line className="unrolled-arrow" x1={ex(j) + 22} y1={Y.enc} x2={ex(j + 1) - 24} y2={Y.enc} markerEnd="url(#att-arrow)" />}
            <circle cx={ex(j)} cy={Y.enc} r={21} />
            <text x={ex(j)} y={Y.enc} dy="0.35em" textAnchor="middle">
              h{j + 1}
            </text>
            <text x={ex(j)} y={Y.src} textAnchor="middle" className="diagram-word">
              {word}
            </text>
          </g>
        ))}
        {target.map((word, i) => (
          <g key={i} className={`unrolled-node ${i + 1 === t ? "is-current" : ""}`}>
            {i < target.length - 1 && <line className="unrolled-arrow" x1={ex(i) + 22} y1={Y.dec} x2={ex(i + 1) - 24} y2={Y.dec} markerEnd="url(#att-arrow)" />}
            <circle cx={ex(i)} cy={Y.dec} r={21} />
            <text x={ex(i)} y={Y.dec} dy="0.35em" textAnchor="middle">
              s{i + 1}
            </text>
            <text x={ex(i) + 26} y={Y.dec - 20} className="diagram-word">
              {word}
            </text>
          </g>
        ))}
      </svg>
      <p className="hint">{s.attentionIllustrative}</p>
    </section>
  );
}
