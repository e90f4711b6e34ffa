// src/viz/MatrixHeatmap.tsx: a weight or gradient matrix as a heatmap, 0 at white, gate blocks marked.
import { useCallback, useMemo, useState, type KeyboardEvent, type PointerEvent } from "react";
import { DIVERGING, symmetricDomain } from "./colors";
import { useT } from "../i18n";
import { VIZ, type VizT } from "../i18n/viz";
import { DataTableToggle, rowsNoteIn, type TableData } from "./DataTable";
import { ChartFigure, EmptyState, NO_DATA_MESSAGE, Readout } from "./Figure";
import { matrixData } from "./chartData";
import { formatCount, formatValue } from "./format";
import { HEATMAP_MARGIN, HeatmapPlot, gridStats, heatmapGeometry, rangeTextIn, sliceStats, type RowBlock } from "./Heatmap";
import { clampIndex, evenlySpaced } from "./scales";
import { useElementSize } from "./useElementSize";

export interface MatrixHeatmapProps {
  /** [rows][cols] row-major (PyTorch layout: W_hh of an LSTM is [4H][H], gate blocks i f g o). */
  data: Float64Array;
  rows: number;
  cols: number;
  /** What the matrix is: "W_hh, layer 1", "∂L/∂W_hh". Also the chart's title. */
  label: string;
  /** Blocks of rows, top to bottom (e.g. i f g o of H rows each); their sizes must add up to rows. */
  rowBlocks?: RowBlock[];
  /** Colour domain; defaults to symmetric about 0 from the largest |value|. */
  domain?: [number, number];
  emptyMessage?: string;
}

/** Largest cell: a 4 × 4 matrix should not fill the page. */
const CELL_MAX = 28;
/** Rows try to fit this many pixels (each row at least 2 pixels tall, so large matrices grow instead). */
const PLOT_HEIGHT_TARGET = 360;
const COLUMNS_LISTED_MAX = 6;
const TABLE_ROWS = 16;

interface Cell {
  row: number;
  col: number;
}

export function MatrixHeatmap({ data, rows, cols, label, rowBlocks, domain, emptyMessage = NO_DATA_MESSAGE }: MatrixHeatmapProps) {
  checkMatrix(label, data, rows, cols, rowBlocks);
  const t = useT(VIZ);
  const { ref, width } = useElementSize<HTMLElement>();
  const [cell, setCell] = useState<Cell | null>(null);
  const [isFocused, setIsFocused] = useState(false);
  const geometry = useMemo(() => {
    const available = width - HEATMAP_MARGIN.left - HEATMAP_MARGIN.right;
    const cellWidth = Math.max(1, Math.min(CELL_MAX, available / Math.max(1, cols)));
    const cellHeight = Math.max(2, Math.min(CELL_MAX, PLOT_HEIGHT_TARGET / Math.max(1, rows)));
    return heatmapGeometry(width, rows * cellHeight, rows, cols, cols * cellWidth);
  }, [width, rows, cols]);
  const stats = useMemo(() => gridStats(data), [data]);
  const lo = domain?.[0];
  const hi = domain?.[1];
  const colorDomain = useMemo<[number, number]>(
    () => (lo !== undefined && hi !== undefined ? [lo, hi] : symmetricDomain(data)),
    [lo, hi, data],
  );
  const ariaLabel = useMemo(() => {
    let text = t("matrixGist", { label, rows: formatCount(rows), cols: formatCount(cols) });
    if (rowBlocks) text += t("rowBlocks", { blocks: rowBlocks.map((b) => t("rowBlock", { name: b.name, size: b.size })).join(t("listSeparator")) });
    text += t("matrixValues", { range: rangeTextIn(t, stats.min, stats.max), mean: formatValue(stats.meanAbs) });
    if (stats.nonFinite > 0) text += t("notFinite", { count: t("countValues", { n: stats.nonFinite }) });
    return text;
  }, [t, label, rows, cols, rowBlocks, stats]);
  const buildTable = useCallback(() => matrixTable(t, label, data, rows, cols, rowBlocks), [t, label, data, rows, cols, rowBlocks]);

  if (rows === 0 || cols === 0) {
    return (
      <ChartFigure ref={ref} title={label}>
        <EmptyState message={emptyMessage} />
      </ChartFigure>
    );
  }

  const fromPointer = (e: PointerEvent) => {
    const box = e.currentTarget.getBoundingClientRect();
    const col = Math.floor(geometry.x.invert(e.clientX - box.left));
    const row = Math.floor(geometry.y.invert(e.clientY - box.top));
    const inside = row >= 0 && row < rows && col >= 0 && col < cols;
    if (!inside) setCell(null);
    else if (!cell || cell.row !== row || cell.col !== col) setCell({ row, col });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (e.key === "Escape") {
      setCell(null);
      return;
    }
    if (!(e.key in moves)) return;
    const move = moves[e.key];
    e.preventDefault();
    setCell(cell ? { row: clampIndex(cell.row + move[0], rows), col: clampIndex(cell.col + move[1], cols) } : { row: 0, col: 0 });
  };

  return (
    <ChartFigure ref={ref} title={label} data={() => matrixData(data, rows, cols, rowBlocks)}>
      <HeatmapPlot
        grid={data}
        rows={rows}
        cols={cols}
        geometry={geometry}
        ramp={DIVERGING}
        domain={colorDomain}
        nonFinite={stats.nonFinite}
        ariaLabel={ariaLabel}
        title={label}
        xLabel={t("columnAxis")}
        yLabel={t("rowAxis")}
        rowBlocks={rowBlocks}
        highlightCell={cell}
        plotProps={{
          tabIndex: 0,
          "aria-keyshortcuts": "ArrowUp ArrowDown ArrowLeft ArrowRight Escape",
          onPointerMove: fromPointer,
          onPointerDown: fromPointer,
          onPointerLeave: (e: PointerEvent) => {
            // A finger "leaves" as it lifts: keep the cell the tap showed.
            if (e.pointerType !== "touch") setCell(null);
          },
          onKeyDown,
          onFocus: () => {
            setIsFocused(true);
          },
          onBlur: () => {
            setIsFocused(false);
          },
        }}
      />
      <p className="viz-legend-note">
        {t("minMax", { min: formatValue(stats.min), max: formatValue(stats.max) })}
      </p>
      <Readout
        isLive={isFocused}
        hint={t("matrixHint")}
        text={cell === null ? null : t("cellReadout", { row: rowName(t, cell.row, rowBlocks), col: cell.col, value: formatValue(data[cell.row * cols + cell.col]) })}
      />
      <DataTableToggle chartTitle={label} build={buildTable} />
    </ChartFigure>
  );
}

function checkMatrix(label: string, data: Float64Array, rows: number, cols: number, rowBlocks: readonly RowBlock[] | undefined): void {
  if (data.length !== rows * cols) {
    throw new Error(
      `MatrixHeatmap "${label}": data has ${data.length} numbers, but rows × cols = ${rows} × ${cols} = ${rows * cols}. ` +
        "Pass the matrix row-major with its own shape.",
    );
  }
  if (rowBlocks && rows > 0) {
    const total = rowBlocks.reduce((sum, b) => sum + b.size, 0);
    if (total !== rows) {
      throw new Error(
        `MatrixHeatmap "${label}": rowBlocks add up to ${total} rows (${rowBlocks.map((b) => `${b.name} ${b.size}`).join(", ")}), ` +
          `but the matrix has ${rows}. Give one block per gate, each of hidden size rows (an LSTM's W_hh: i f g o).`,
      );
    }
  }
}

/** "row 17 (f, unit 1)" inside gate blocks, else "row 17". */
function rowName(t: VizT, row: number, rowBlocks: readonly RowBlock[] | undefined): string {
  let start = 0;
  for (const b of rowBlocks ?? []) {
    if (row < start + b.size) return t("rowInBlock", { row, block: b.name, unit: row - start });
    start += b.size;
  }
  return t("rowN", { row });
}

function matrixTable(t: VizT, label: string, data: Float64Array, rows: number, cols: number, rowBlocks: readonly RowBlock[] | undefined): TableData {
  const picked = evenlySpaced(rows, TABLE_ROWS);
  const caption = t("captionOf", { title: label, rows: rowsNoteIn(t, picked.length, rows, "countRows") });
  if (cols <= COLUMNS_LISTED_MAX) {
    const headers = [t("rowAxis")];
    for (let c = 0; c < cols; c++) headers.push(t("columnN", { col: c }));
    return {
      caption,
      headers,
      rows: picked.map((r) => {
        const row = [rowName(t, r, rowBlocks)];
        for (let c = 0; c < cols; c++) row.push(formatValue(data[r * cols + c]));
        return row;
      }),
    };
  }
  return {
    caption: t("lowMeanHigh", { caption, count: t("countColumns", { n: cols }) }),
    headers: [t("rowAxis"), t("min"), t("mean"), t("max")],
    rows: picked.map((r) => {
      const s = sliceStats(data, r * cols, 1, cols);
      return [rowName(t, r, rowBlocks), formatValue(s.min), formatValue(s.mean), formatValue(s.max)];
    }),
  };
}
