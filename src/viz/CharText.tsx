// src/viz/CharText.tsx: a text with each character's background coloured by one value (a unit's activation, a gate).
import { color } from "d3";
import { useCallback, useMemo, useState } from "react";
import { DIVERGING, SEQUENTIAL, rampPosition, type ColorRamp } from "./colors";
import { useT } from "../i18n";
import { VIZ, VIZ_EN, type VizT } from "../i18n/viz";
import { DataTableToggle, type TableData } from "./DataTable";
import { ChartFigure, EmptyState, NO_DATA_MESSAGE } from "./Figure";
import { charData } from "./chartData";
import { formatValue } from "./format";

export interface CharTextProps {
  /** One code point per entry, in reading order. */
  chars: readonly string[];
  /** The value at each character (after the network has read it), same length as `chars`. */
  values: ArrayLike<number>;
  /** "diverging": signed values, 0 white (h, c, tanh gates); "sequential": 0 … 1 (sigmoid gates). */
  ramp: "diverging" | "sequential";
  /** Colour domain; diverging defaults to [−1, 1], sequential to [0, 1]. */
  domain?: [number, number];
  /** What the values are ("Layer 1, unit 17: hidden state h"); also the figure's title. */
  title: string;
  /** The character highlighted (hovered here or in a linked chart). */
  hoverT?: number | null;
  onHoverT?: (t: number | null) => void;
  emptyMessage?: string;
}

/** Text colour that stays readable on a background: black on light colours, white on dark ones. */
function inkFor(background: string): string {
  const c = color(background)?.rgb();
  if (!c) return "inherit";
  // Relative luminance (sRGB, roughly): above the middle grey, dark ink reads better.
  const lum = (0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b) / 255;
  return lum > 0.55 ? "#111" : "#fff";
}

/** A visible stand-in for characters that would otherwise show nothing. */
function shown(ch: string): string {
  return ch === "\n" ? "↵" : ch === "\t" ? "⇥" : ch;
}

export function CharText({ chars, values, ramp, domain, title, hoverT, onHoverT, emptyMessage = NO_DATA_MESSAGE }: CharTextProps) {
  if (values.length !== chars.length) {
    throw new Error(`CharText "${title}": ${values.length} values for ${chars.length} characters; they must match.`);
  }
  const tr = useT(VIZ);
  const rampSpec: ColorRamp = ramp === "diverging" ? DIVERGING : SEQUENTIAL;
  const lo = domain?.[0] ?? (ramp === "diverging" ? -1 : 0);
  const hi = domain?.[1] ?? 1;
  const [ownHover, setOwnHover] = useState<number | null>(null);
  const isControlled = hoverT !== undefined;
  const t = isControlled ? hoverT : ownHover;
  const setHover = (next: number | null): void => {
    if (!isControlled) setOwnHover(next);
    onHoverT?.(next);
  };

  const styles = useMemo(() => {
    const out: { background: string; color: string }[] = [];
    for (let i = 0; i < values.length; i++) {
      const p = rampPosition(values[i], [lo, hi], rampSpec.kind);
      const background = Number.isNaN(p) ? "#ff00ff" : rampSpec.at(p);
      out.push({ background, color: inkFor(background) });
    }
    return out;
  }, [values, lo, hi, rampSpec]);

  const gist = useMemo(() => describeCharValues(title, chars, values, tr), [title, chars, values, tr]);
  const buildTable = useCallback((): TableData => charTable(tr, title, chars, values), [tr, title, chars, values]);

  if (chars.length === 0) {
    return (
      <ChartFigure title={title}>
        <EmptyState message={emptyMessage} />
      </ChartFigure>
    );
  }
  const readout = t !== null && t >= 0 && t < chars.length ? tr("charReadout", { i: t + 1, ch: shown(chars[t]), value: formatValue(values[t]) }) : null;
  return (
    <ChartFigure title={title} data={() => charData(chars, values)}>
      <p className="char-text" aria-label={gist} role="img" onPointerLeave={(e) => { if (e.pointerType !== "touch") setHover(null); }}>
        {chars.map((ch, i) => (
          <span
            key={i}
            className={i === t ? "char-cell char-cell-hover" : "char-cell"}
            style={styles[i]}
            onPointerEnter={() => {
              setHover(i);
            }}
          >
            {shown(ch)}
            {ch === "\n" ? <br /> : null}
          </span>
        ))}
      </p>
      <p className="viz-readout" aria-live="off">
        {readout ?? <span className="viz-hint">{tr("charHint")}</span>}
      </p>
      <CharLegend ramp={rampSpec} lo={lo} hi={hi} />
      <DataTableToggle chartTitle={title} build={buildTable} />
    </ChartFigure>
  );
}

function CharLegend({ ramp, lo, hi }: { ramp: ColorRamp; lo: number; hi: number }) {
  const stops = [0, 0.25, 0.5, 0.75, 1];
  return (
    <p className="char-legend">
      <span>{formatValue(lo)}</span>
      <span className="char-legend-bar" aria-hidden="true" style={{ background: `linear-gradient(to right, ${stops.map((s) => ramp.at(s)).join(", ")})` }} />
      <span>{formatValue(hi)}</span>
    </p>
  );
}

/** The gist in words: where the value is highest and lowest. */
export function describeCharValues(title: string, chars: readonly string[], values: ArrayLike<number>, t: VizT = VIZ_EN): string {
  let max = -Infinity;
  let min = Infinity;
  let at = -1;
  let atMin = -1;
  for (let i = 0; i < values.length; i++) {
    if (values[i] > max) {
      max = values[i];
      at = i;
    }
    if (values[i] < min) {
      min = values[i];
      atMin = i;
    }
  }
  if (at < 0) return t("charNoValues", { title });
  const context = (i: number): string => chars.slice(Math.max(0, i - 8), i + 1).map(shown).join("");
  return t("charGist", { title, n: String(chars.length), max: formatValue(max), atMax: context(at), min: formatValue(min), atMin: context(atMin) });
}

const TABLE_ROWS = 40;

function charTable(t: VizT, title: string, chars: readonly string[], values: ArrayLike<number>): TableData {
  const n = Math.min(chars.length, TABLE_ROWS);
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) rows.push([String(i + 1), shown(chars[i]), formatValue(values[i])]);
  return { caption: t("charCaption", { title, n: String(n), total: String(chars.length) }), headers: [t("positionHeader"), t("characterHeader"), t("valueHeader")], rows };
}
