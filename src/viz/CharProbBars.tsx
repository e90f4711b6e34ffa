// src/viz/CharProbBars.tsx: the most likely next characters at one step of generation, as horizontal bars.
import { scaleLinear } from "d3";
import { useMemo } from "react";
import { useT } from "../i18n";
import { VIZ } from "../i18n/viz";
import { seriesStyle } from "./colors";
import { ChartFigure, EmptyState } from "./Figure";
import { probData } from "./chartData";
import { useElementSize } from "./useElementSize";

export interface CharCandidate {
  /** The character as shown (invisible ones named: "␣ (space)"). */
  label: string;
  /** Probability under the distribution sampled from. */
  p: number;
  /** The character that was drawn at this step. */
  isChosen: boolean;
}

export interface CharProbBarsProps {
  candidates: readonly CharCandidate[];
  title: string;
  emptyMessage?: string;
}

const ROW_HEIGHT = 24;
const LABEL_WIDTH = 110;
const VALUE_WIDTH = 56;

export function CharProbBars({ candidates, title, emptyMessage: emptyProp }: CharProbBarsProps) {
  const t = useT(VIZ);
  const emptyMessage = emptyProp ?? t("candidatesEmpty");
  const { ref, width } = useElementSize<HTMLElement>();
  const x = useMemo(() => scaleLinear([0, 1], [LABEL_WIDTH, Math.max(LABEL_WIDTH + 20, width - VALUE_WIDTH)]), [width]);
  const height = candidates.length * ROW_HEIGHT + 4;
  const gist = useMemo(
    () =>
      t("captionOf", { title, rows: candidates.map((c) => `${c.label} ${(100 * c.p).toFixed(1)}%${c.isChosen ? t("drawn") : ""}`).join(t("listSeparator")) }) +
      t("sentenceEnd"),
    [title, candidates, t],
  );
  if (candidates.length === 0) {
    return (
      <ChartFigure ref={ref} title={title}>
        <EmptyState message={emptyMessage} />
      </ChartFigure>
    );
  }
  const chosen = seriesStyle(1).color;
  const other = seriesStyle(0).color;
  return (
    <ChartFigure ref={ref} title={title} data={() => probData(candidates)}>
      <svg role="img" aria-label={gist} width={width} height={height} className="char-bars">
        <title>{title}</title>
        {candidates.map((c, i) => {
          const y = 2 + i * ROW_HEIGHT;
          return (
            <g key={i}>
              <text x={LABEL_WIDTH - 8} y={y + ROW_HEIGHT / 2} textAnchor="end" dominantBaseline="central" className="char-bars-label">
                {c.label}
              </text>
              <rect x={x(0)} y={y + 3} width={Math.max(1, x(c.p) - x(0))} height={ROW_HEIGHT - 6} fill={c.isChosen ? chosen : other} opacity={c.isChosen ? 1 : 0.7} />
              <text x={x(c.p) + 6} y={y + ROW_HEIGHT / 2} dominantBaseline="central" className="char-bars-value">
                {`${(100 * c.p).toFixed(1)}%${c.isChosen ? t("drawnMark") : ""}`}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFigure>
  );
}
