// src/viz/MatrixHeatmap.tsx: a weight or gradient matrix as a heatmap, 0 at white, gate blocks marked.
import { useCallback, useMemo, useState, type KeyboardEvent, type PointerEvent } from "react";
import { DIVERGING, symmetricDomain } from "./colors";
import { DataTableToggle, rowsNote, type TableData } from "./DataTable";
import { ChartFigure, EmptyState, NO_DATA_MESSAGE, Readout } from "./Figure";
import { countOf, formatCount, formatValue } from "./format";
import { HEATMAP_MARGIN, HeatmapPlot, gridStats, heatmapGeometry, rangeText, sliceStats, type RowBlock } from "./Heatmap";
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
    let text = `${label}: ${formatCount(rows)} × ${formatCount(cols)} matrix`;
    if (rowBlocks) text += ` (row blocks ${rowBlocks.map((b) => `${b.name} of ${b.size}`).join(", ")})`;
    text += `, values ${rangeText(stats.min, stats.max)}, mean |value| ${formatValue(stats.meanAbs)}`;
    if (stats.nonFinite > 0) text += `; ${countOf(stats.nonFinite, "value")} not finite`;
    return text;
  }, [label, rows, cols, rowBlocks, stats]);
  const buildTable = useCallback(() => matrixTable(label, data, rows, cols, rowBlocks), [label, data, rows, cols, rowBlocks]);

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
    <ChartFigure ref={ref} title={label}>
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
        xLabel="column"
        yLabel="row"
        rowBlocks={rowBlocks}
        highlightCell={cell}
        plotProps={{
          tabIndex: 0,
          "aria-keyshortcuts": "ArrowUp ArrowDown ArrowLeft ArrowRight Escape",
          onPointerMove: fromPointer,
          onPointerDown: fromPointer,
          onPointerLeave: () => {
            setCell(null);
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
        min {formatValue(stats.min)}, max {formatValue(stats.max)}
      </p>
      <Readout
        isLive={isFocused}
        hint="Hover, or focus the matrix and use the arrow keys, to read a cell."
        text={cell === null ? null : `${rowName(cell.row, rowBlocks)}, column ${cell.col}: ${formatValue(data[cell.row * cols + cell.col])}`}
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
function rowName(row: number, rowBlocks: readonly RowBlock[] | undefined): string {
  let start = 0;
  for (const b of rowBlocks ?? []) {
    if (row < start + b.size) return `row ${row} (${b.name}, unit ${row - start})`;
    start += b.size;
  }
  return `row ${row}`;
}

function matrixTable(label: string, data: Float64Array, rows: number, cols: number, rowBlocks: readonly RowBlock[] | undefined): TableData {
  const picked = evenlySpaced(rows, TABLE_ROWS);
  const note = rowsNote(picked.length, rows, "row");
  if (cols <= COLUMNS_LISTED_MAX) {
    const headers = ["row"];
    for (let c = 0; c < cols; c++) headers.push(`column ${c}`);
    return {
      caption: `${label}: ${note}`,
      headers,
      rows: picked.map((r) => {
        const row = [rowName(r, rowBlocks)];
        for (let c = 0; c < cols; c++) row.push(formatValue(data[r * cols + c]));
        return row;
      }),
    };
  }
  return {
    caption: `${label}: ${note}; lowest, mean and highest of ${countOf(cols, "column")}`,
    headers: ["row", "min", "mean", "max"],
    rows: picked.map((r) => {
      const s = sliceStats(data, r * cols, 1, cols);
      return [rowName(r, rowBlocks), formatValue(s.min), formatValue(s.mean), formatValue(s.max)];
    }),
  };
}
