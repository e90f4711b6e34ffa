// src/lessons/widgets/Bidirectional.tsx: a diagram of a bidirectional RNN: a forward and a backward chain, outputs reading both.
import { useStrings } from "../LangContext";
import { intProp, type WidgetProps } from "../props";

const COL = 110;
const LEFT = 40;

export default function Bidirectional(props: WidgetProps) {
  const T = intProp(props, "steps", 4, 2, 8);
  const s = useStrings();
  const width = LEFT * 2 + T * COL;
  const cx = (t: number): number => LEFT + (t - 0.5) * COL;
  const Y = { y: 30, fwd: 105, bwd: 175, x: 245 };
  return (
    <section className="lesson-widget bidirectional" aria-label={s.bidirectionalTitle}>
      <h3 className="widget-title">{s.bidirectionalTitle}</h3>
      <svg className="unrolled diagram" viewBox={`0 0 ${width} 275`} width="100%" style={{ maxWidth: `${width}px` }} role="img" aria-label={s.bidirectionalLabel(T)}>
        <title>{s.bidirectionalTitle}</title>
        <defs>
          <marker id="bi-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="arrow-head" />
          </marker>
        </defs>
        {Array.from({ length: T }, (_, i) => {
          const t = i + 1;
          const x = cx(t);
          return (
            <g key={t} className="unrolled-step">
              {t < T && <line className="unrolled-arrow" x1={x + 22} y1={Y.fwd} x2={cx(t + 1) - 24} y2={Y.fwd} markerEnd="url(#bi-arrow)" />}
              {t > 1 && <line className="unrolled-arrow bwd" x1={x - 22} y1={Y.bwd} x2={cx(t - 1) + 24} y2={Y.bwd} markerEnd="url(#bi-arrow)" />}
              <line className="unrolled-arrow" x1={x - 8} y1={Y.x - 14} x2={x - 8} y2={Y.bwd + 22} markerEnd="url(#bi-arrow)" />
              <path className="unrolled-arrow" d={`M${x + 8},${Y.x - 14} C${x + 40},${Y.x - 60} ${x + 40},${Y.fwd + 50} ${x + 14},${Y.fwd + 18}`} fill="none" markerEnd="url(#bi-arrow)" />
              <line className="unrolled-arrow" x1={x - 6} y1={Y.fwd - 21} x2={x - 6} y2={Y.y + 15} markerEnd="url(#bi-arrow)" />
              <path className="unrolled-arrow" d={`M${x + 20},${Y.bwd - 10} C${x + 52},${Y.bwd - 60} ${x + 40},${Y.y + 60} ${x + 10},${Y.y + 16}`} fill="none" markerEnd="url(#bi-arrow)" />
              <g className="unrolled-node">
                <rect x={x - 22} y={Y.y - 14} width={44} height={28} rx={5} />
                <text x={x} y={Y.y} dy="0.35em" textAnchor="middle">
                  y{t}
                </text>
                <circle cx={x} cy={Y.fwd} r={21} />
                <text x={x} y={Y.fwd} dy="0.35em" textAnchor="middle">
                  →h{t}
                </text>
                <circle cx={x} cy={Y.bwd} r={21} className="bwd" />
                <text x={x} y={Y.bwd} dy="0.35em" textAnchor="middle">
                  ←h{t}
                </text>
                <rect x={x - 22} y={Y.x - 14} width={44} height={28} rx={5} />
                <text x={x} y={Y.x} dy="0.35em" textAnchor="middle">
                  x{t}
                </text>
              </g>
            </g>
          );
        })}
      </svg>
    </section>
  );
}
