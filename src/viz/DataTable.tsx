// src/viz/DataTable.tsx: a chart's text alternative: a "Show data" button revealing a small table.
import { useId, useMemo, useState } from "react";
import { useT } from "../i18n";
import { VIZ, type VizT } from "../i18n/viz";
import { countOf, formatCount } from "./format";

export interface TableData {
  /** Says what the rows are and, when rows were left out, which were kept ("20 of 1,201 steps, evenly spaced"). */
  caption: string;
  headers: readonly string[];
  /** Already formatted; the first cell of each row is its row header. */
  rows: readonly (readonly string[])[];
}

export interface DataTableToggleProps {
  /** The chart's title: completes the button's accessible name ("Show data for Training loss"). */
  chartTitle: string;
  /** Builds the table; called only while it is shown, so a closed table costs nothing per snapshot. */
  build: () => TableData;
}

export function DataTableToggle({ chartTitle, build }: DataTableToggleProps) {
  const t = useT(VIZ);
  const [isOpen, setIsOpen] = useState(false);
  const tableId = useId();
  const table = useMemo(() => (isOpen ? build() : null), [isOpen, build]);
  return (
    <div className="viz-data">
      <button
        type="button"
        className="viz-data-toggle"
        aria-expanded={isOpen}
        aria-controls={tableId}
        onClick={() => {
          setIsOpen((open) => !open);
        }}
      >
        <span aria-hidden="true">{isOpen ? "▾ " : "▸ "}</span>
        {t("showData")}
        <span className="viz-sr-only">{t("showDataFor", { title: chartTitle })}</span>
      </button>
      <div id={tableId} className="viz-table-wrap" hidden={!isOpen}>
        {table && (
          <table className="viz-table">
            <caption>{table.caption}</caption>
            <thead>
              <tr>
                {table.headers.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) =>
                    c === 0 ? (
                      <th key={c} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={c}>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}

/** The count entries of the charts' dictionary ("countTimesteps": "40 timesteps", "40 个时间步"). */
export type CountKey = Extract<keyof typeof VIZ, `count${string}`>;

/** rowsNote in the chart's language: "all 40 timesteps", "20 of 1,201 timesteps, evenly spaced", "全部 40 个时间步". */
export function rowsNoteIn(t: VizT, shown: number, total: number, noun: CountKey): string {
  const count = t(noun, { n: total });
  return shown >= total ? t("allRows", { count }) : t("someRows", { shown: formatCount(shown), count });
}

/** "all 40 timesteps" or "20 of 1,201 timesteps, evenly spaced": which rows a caption says are shown (noun singular). */
export function rowsNote(shown: number, total: number, noun: string): string {
  return shown >= total ? `all ${countOf(total, noun)}` : `${formatCount(shown)} of ${countOf(total, noun)}, evenly spaced`;
}
