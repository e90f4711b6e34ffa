// src/viz/Axis.tsx: SVG axes rendered by React from tick values D3 chose.

interface AxisProps {
  ticks: readonly number[];
  /** Pixel position of a tick value along the axis. */
  position: (v: number) => number;
  format: (v: number) => string;
  /** Pixel extent of the axis line. */
  from: number;
  to: number;
  label?: string;
}

/** A horizontal axis whose line lies at y, ticks below it, the label centred under the ticks. */
export function XAxis({ ticks, position, format, from, to, y, label }: AxisProps & { y: number }) {
  return (
    <g className="viz-axis" transform={`translate(0,${y})`}>
      <line x1={from} x2={to} />
      {ticks.map((v) => {
        const px = position(v);
        return (
          <g key={v} transform={`translate(${px},0)`}>
            <line y2={5} />
            <text y={8} dy="0.71em" textAnchor="middle">
              {format(v)}
            </text>
          </g>
        );
      })}
      {label && (
        <text className="viz-axis-label" x={(from + to) / 2} y={24} dy="0.71em" textAnchor="middle">
          {label}
        </text>
      )}
    </g>
  );
}

/**
 * A vertical axis whose line lies at x, tick labels to its left, the label turned along it.
 * With `gridTo`, each tick also draws a faint line across the plot to that x.
 */
export function YAxis({ ticks, position, format, from, to, x, label, gridTo }: AxisProps & { x: number; gridTo?: number }) {
  return (
    <g className="viz-axis" transform={`translate(${x},0)`}>
      <line y1={from} y2={to} />
      {ticks.map((v) => {
        const py = position(v);
        return (
          <g key={v} transform={`translate(0,${py})`}>
            {gridTo !== undefined && <line className="viz-grid" x2={gridTo - x} />}
            <line x2={-5} />
            <text x={-8} dy="0.32em" textAnchor="end">
              {format(v)}
            </text>
          </g>
        );
      })}
      {label && (
        <text
          className="viz-axis-label"
          transform={`translate(${-x + 12},${(from + to) / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {label}
        </text>
      )}
    </g>
  );
}
