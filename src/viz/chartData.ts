// src/viz/chartData.ts: each chart's data as CSV columns: every value it draws, unrounded (its data table shows a sample).
import type { ChartData } from "./exportChart";
import type { RowBlock } from "./Heatmap";

type Values = ArrayLike<number>;
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Loss per logged step; training and validation rows merged on the step, a blank where one was not logged. */
export function lossData(train: { step: Values; loss: Values }, validation?: { step: Values; loss: Values }): ChartData {
  const rows: (number | null)[][] = [];
  const v = validation ?? { step: [], loss: [] };
  let a = 0;
  let b = 0;
  while (a < train.step.length || b < v.step.length) {
    const sa = a < train.step.length ? train.step[a] : Infinity;
    const sb = b < v.step.length ? v.step[b] : Infinity;
    const step = Math.min(sa, sb);
    const row: (number | null)[] = [step, sa === step ? train.loss[a++] : null];
    if (validation) row.push(sb === step ? v.loss[b++] : null);
    rows.push(row);
  }
  return { headers: validation ? ["step", "training loss", "validation loss"] : ["step", "training loss"], rows };
}

/** Target and predictions per timestep: teacher-forced for t < T, then the free-running continuation. */
export function seriesData(target: Values, teacherForced: Values, freeRun?: Values, futureTarget?: Values): ChartData {
  const T = target.length;
  const F = Math.max(freeRun?.length ?? 0, futureTarget?.length ?? 0);
  const rows = range(T + F).map((t) =>
    t < T ? [t, target[t], teacherForced[t], null] : [t, futureTarget?.[t - T] ?? null, null, freeRun?.[t - T] ?? null],
  );
  return { headers: ["t", "target", "teacher-forced", "free-running"], rows };
}

/** A [T][H] state (t major): one row per timestep, one column per unit. */
export function timeGridData(values: Values, T: number, H: number, name = "unit"): ChartData {
  return {
    headers: ["t", ...range(H).map((j) => `${name} ${j}`)],
    rows: range(T).map((t) => [t, ...range(H).map((j) => values[t * H + j])]),
  };
}

/** Several [T][H] grids side by side (the gates): one column per gate and unit ("f unit 3"). */
export function gatesData(gates: Readonly<Record<string, Values>>, names: readonly string[], T: number, H: number): ChartData {
  return {
    headers: ["t", ...names.flatMap((g) => range(H).map((j) => `${g} unit ${j}`))],
    rows: range(T).map((t) => [t, ...names.flatMap((g) => range(H).map((j) => gates[g][t * H + j]))]),
  };
}

/** Series over timesteps, possibly of different lengths: a blank past a series' end. */
export function timeSeriesData(series: readonly { label: string; values: Values }[]): ChartData {
  const T = series.reduce((m, s) => Math.max(m, s.values.length), 0);
  return {
    headers: ["t", ...series.map((s) => s.label)],
    rows: range(T).map((t) => [t, ...series.map((s) => (t < s.values.length ? s.values[t] : null))]),
  };
}

/** Series sharing one step axis (the first series' steps). */
export function stepSeriesData(series: readonly { label: string; step: Values; values: Values }[]): ChartData {
  const steps = series[0]?.step ?? [];
  return {
    headers: ["step", ...series.map((s) => s.label)],
    rows: range(steps.length).map((i) => [steps[i], ...series.map((s) => s.values[i])]),
  };
}

/** A [rows][cols] matrix, row-major; rows named by their block ("i 3") when the matrix has blocks. */
export function matrixData(data: Values, rows: number, cols: number, rowBlocks?: readonly RowBlock[]): ChartData {
  const names: string[] = [];
  for (const b of rowBlocks ?? []) for (let j = 0; j < b.size; j++) names.push(`${b.name} ${j}`);
  const hasNames = names.length === rows;
  return {
    headers: hasNames ? ["row", "block", ...range(cols).map((c) => `column ${c}`)] : ["row", ...range(cols).map((c) => `column ${c}`)],
    rows: range(rows).map((r) => {
      const values = range(cols).map((c) => data[r * cols + c]);
      return hasNames ? [r, names[r], ...values] : [r, ...values];
    }),
  };
}

/** A value per character of a text. */
export function charData(chars: readonly string[], values: Values): ChartData {
  return { headers: ["position", "character", "value"], rows: chars.map((ch, i) => [i, ch, values[i]]) };
}

/** Candidate characters and their probabilities. */
export function probData(candidates: readonly { label: string; p: number; isChosen: boolean }[]): ChartData {
  return { headers: ["character", "probability", "drawn"], rows: candidates.map((c) => [c.label, c.p, c.isChosen ? "yes" : "no"]) };
}

/** ‖∂L/∂h_t‖ per logged training step (rows) and timestep (columns), from the log10 values the heatmap colours. */
export function gradGridData(log10: Values, steps: Values, rows: number, T: number): ChartData {
  return {
    headers: ["step", ...range(T).map((t) => `t ${t}`)],
    rows: range(rows).map((r) => [steps[r], ...range(T).map((t) => 10 ** log10[r * T + t])]),
  };
}
