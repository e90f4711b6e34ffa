// src/lessons/equations.ts: the step view's equations as TeX: the general form (symbols bound to keys) and the same
// equation with timestep t's numbers substituted; and the symbols with their current values.
//
// Only display here: every number is one the engine computed (StepData), placed into the formula that produced it.
import { gateNames } from "../engine";
import { sym, texCol, texFactor, texMat, texNum, texRow } from "./format";
import type { Direction } from "./stepStore";
import { gateBlock, rowOf, type ParamValue, type StepData } from "./tinyNet";

export interface EquationRow {
  id: string;
  /** General form, symbols wrapped with sym(). */
  general: string;
  /** The same equation at timestep t with its numbers substituted, up to the last "=". */
  substituted: string;
  /** What the engine computed for the left-hand side (TeX), shown after "=" (or hidden by an exercise). */
  result: string;
}

/** Where a long substituted equation may break onto a new line (rendered as an aligned block). */
export const BREAK = "\u2028";

/**
 * The substituted equation as TeX, ending in `result` (the engine's value, or "?" in an exercise). A row with
 * BREAK marks becomes an aligned block: "lhs = first part", then each further part on its own line, then "= result".
 */
export function substitutedTex(row: EquationRow, result: string): string {
  if (!row.substituted.includes(BREAK)) return `${row.substituted} = ${result}`;
  const eq = row.substituted.indexOf(" = ");
  const lhs = row.substituted.slice(0, eq);
  const parts = row.substituted.slice(eq + 3).split(BREAK);
  const lines = [`${lhs} &= ${parts[0]}`, ...parts.slice(1).map((part) => `&\\quad ${part}`), `&= ${result}`];
  return `\\begin{aligned}${lines.join(" \\\\ ")}\\end{aligned}`;
}

export interface SymbolValue {
  key: string;
  /** TeX label with the actual step index (h_2, not h_t). */
  label: string;
  /** Plain-text label for tables and accessible names. */
  text: string;
  values: Float64Array;
  rows: number;
  cols: number;
  /** True for a parameter (the same at every step). */
  isParam: boolean;
}

const P = {
  Wih: "rnn.weight_ih_l0",
  Whh: "rnn.weight_hh_l0",
  bih: "rnn.bias_ih_l0",
  bhh: "rnn.bias_hh_l0",
  Why: "head.weight",
  by: "head.bias",
} as const;

const d = (num: string, den: string): string => `\\frac{\\partial ${num}}{\\partial ${den}}`;

/** A parameter matrix's transpose (display reindexing only). */
function transposed(p: ParamValue): { values: Float64Array; rows: number; cols: number } {
  const out = new Float64Array(p.value.length);
  for (let r = 0; r < p.rows; r++) for (let c = 0; c < p.cols; c++) out[c * p.rows + r] = p.value[r * p.cols + c];
  return { values: out, rows: p.cols, cols: p.rows };
}

function blockMat(p: ParamValue, g: number, H: number): string {
  return texMat(gateBlock(p, g, H), H, p.cols);
}

function blockVec(p: ParamValue, g: number, H: number): string {
  return texCol(p.value.subarray(g * H, (g + 1) * H));
}

/** Whether the head produces an output (and a loss term) at step t (1-based). */
export function hasOutputAt(data: StepData, t: number): boolean {
  return data.outputs === "all" || t === data.T;
}

/** Index into y / dy / target for step t, or -1 when there is no output there. */
function outIndex(data: StepData, t: number): number {
  if (!hasOutputAt(data, t)) return -1;
  return data.outputs === "all" ? t - 1 : 0;
}

const GATE_ACT: Record<string, string> = { i: "\\sigma", f: "\\sigma", g: "\\tanh", o: "\\sigma", r: "\\sigma", z: "\\sigma" };

export function equationRows(data: StepData, t: number, direction: Direction): EquationRow[] {
  return direction === "forward" ? forwardRows(data, t) : backwardRows(data, t);
}

function outputRows(data: StepData, t: number, forward: boolean): EquationRow[] {
  const k = outIndex(data, t);
  if (k < 0) return [];
  const H = data.H;
  const p = data.params;
  const h = rowOf(data.h, t - 1, H);
  if (forward) {
    return [
      {
        id: "y",
        general: `${sym("y", "y_t")} = ${sym("Why", "W_{hy}")}\\,${sym("h", "h_t")} + ${sym("by", "b_y")}`,
        substituted: `y_{${t}} = ${texRow(p[P.Why].value)}${texCol(h)} + ${texFactor(p[P.by].value[0])}`,
        result: texNum(data.y[k]),
      },
    ];
  }
  const n = data.outputs === "all" ? data.T : 1;
  return [
    {
      id: "dy",
      general: `${sym("dy", d("L", "y_t"))} = \\frac{2}{${n}}\\left(${sym("y", "y_t")} - ${sym("target", "y^{*}_t")}\\right)`,
      substituted: `${d("L", `y_{${t}}`)} = \\frac{2}{${n}}\\left(${texNum(data.y[k])} - ${texFactor(data.target[k])}\\right)`,
      result: texNum(data.dy[k]),
    },
  ];
}

function gateRow(data: StepData, t: number, gate: string, g: number): EquationRow {
  const H = data.H;
  const p = data.params;
  const x = data.x[t - 1];
  const hPrev = t > 1 ? rowOf(data.h, t - 2, H) : new Float64Array(H);
  const act = GATE_ACT[gate];
  const value = rowOf(data.gates[gate], t - 1, H);
  const Wi = `W_{i${gate}}`;
  const Wh = `W_{h${gate}}`;
  return {
    id: gate,
    general: `${sym(gate, `${gate}_t`)} = ${act}\\left(${sym(`Wi${gate}`, Wi)}\\,${sym("x", "x_t")} + ${sym(`bi${gate}`, `b_{i${gate}}`)} + ${sym(`Wh${gate}`, Wh)}\\,${sym("hPrev", "h_{t-1}")} + ${sym(`bh${gate}`, `b_{h${gate}}`)}\\right)`,
    substituted: `${gate}_{${t}} = ${act}\\left(${blockMat(p[P.Wih], g, H)}${texFactor(x)} + ${blockVec(p[P.bih], g, H)} + ${blockMat(p[P.Whh], g, H)}${texCol(hPrev)} + ${blockVec(p[P.bhh], g, H)}\\right)`,
    result: texCol(value),
  };
}

function forwardRows(data: StepData, t: number): EquationRow[] {
  const H = data.H;
  const p = data.params;
  const k = t - 1;
  const x = data.x[k];
  const hPrev = t > 1 ? rowOf(data.h, k - 1, H) : new Float64Array(H);
  const h = rowOf(data.h, k, H);
  const rows: EquationRow[] = [];
  if (data.cell === "rnn") {
    const a = rowOf(data.pre!, k, H);
    rows.push({
      id: "h",
      general: `${sym("h", "h_t")} = \\tanh\\left(${sym("Wih", "W_{ih}")}\\,${sym("x", "x_t")} + ${sym("bih", "b_{ih}")} + ${sym("Whh", "W_{hh}")}\\,${sym("hPrev", "h_{t-1}")} + ${sym("bhh", "b_{hh}")}\\right) = \\tanh(${sym("a", "a_t")})`,
      substituted: `h_{${t}} = \\tanh\\left(${texMat(p[P.Wih].value, H, 1)}${texFactor(x)} + ${texCol(p[P.bih].value)} + ${texMat(p[P.Whh].value, H, H)}${texCol(hPrev)} + ${texCol(p[P.bhh].value)}\\right)`,
      // The pre-activation stays on the result side, so an exercise that hides the result hides it too.
      result: `\\tanh${texCol(a).startsWith("\\begin") ? texCol(a) : `(${texCol(a)})`} = ${texCol(h)}`,
    });
  } else if (data.cell === "lstm") {
    gateNames("lstm").forEach((gate, g) => rows.push(gateRow(data, t, gate, g)));
    const cPrev = t > 1 ? rowOf(data.c!, k - 1, H) : new Float64Array(H);
    const c = rowOf(data.c!, k, H);
    const gi = rowOf(data.gates.i, k, H);
    const gf = rowOf(data.gates.f, k, H);
    const gg = rowOf(data.gates.g, k, H);
    const go = rowOf(data.gates.o, k, H);
    rows.push({
      id: "c",
      general: `${sym("c", "c_t")} = ${sym("f", "f_t")} \\odot ${sym("cPrev", "c_{t-1}")} + ${sym("i", "i_t")} \\odot ${sym("g", "g_t")}`,
      substituted: `c_{${t}} = ${texCol(gf)} \\odot ${texCol(cPrev)} + ${texCol(gi)} \\odot ${texCol(gg)}`,
      result: texCol(c),
    });
    rows.push({
      id: "h",
      general: `${sym("h", "h_t")} = ${sym("o", "o_t")} \\odot \\tanh(${sym("c", "c_t")})`,
      substituted: `h_{${t}} = ${texCol(go)} \\odot \\tanh${H === 1 ? `(${texCol(c)})` : texCol(c)}`,
      result: texCol(h),
    });
  } else {
    rows.push(gateRow(data, t, "r", 0), gateRow(data, t, "z", 1));
    const r = rowOf(data.gates.r, k, H);
    const z = rowOf(data.gates.z, k, H);
    const n = rowOf(data.gates.n, k, H);
    const hn = rowOf(data.hn!, k, H);
    rows.push({
      id: "n",
      general: `${sym("n", "n_t")} = \\tanh\\left(${sym("Win", "W_{in}")}\\,${sym("x", "x_t")} + ${sym("bin", "b_{in}")} + ${sym("r", "r_t")} \\odot \\left(${sym("hn", `${sym("Whn", "W_{hn}")}\\,${sym("hPrev", "h_{t-1}")} + ${sym("bhn", "b_{hn}")}`)}\\right)\\right)`,
      substituted: `n_{${t}} = \\tanh\\left(${blockMat(p[P.Wih], 2, H)}${texFactor(data.x[k])} + ${blockVec(p[P.bih], 2, H)} + ${texCol(r)} \\odot \\left(${blockMat(p[P.Whh], 2, H)}${texCol(hPrev)} + ${blockVec(p[P.bhh], 2, H)}\\right)\\right) = \\tanh\\left(\\ldots + ${texCol(r)} \\odot ${texCol(hn)}\\right)`,
      result: texCol(n),
    });
    rows.push({
      id: "h",
      general: `${sym("h", "h_t")} = (1 - ${sym("z", "z_t")}) \\odot ${sym("n", "n_t")} + ${sym("z", "z_t")} \\odot ${sym("hPrev", "h_{t-1}")}`,
      substituted: `h_{${t}} = \\left(1 - ${texCol(z)}\\right) \\odot ${texCol(n)} + ${texCol(z)} \\odot ${texCol(hPrev)}`,
      result: texCol(h),
    });
  }
  return [...rows, ...outputRows(data, t, true)];
}

function backwardRows(data: StepData, t: number): EquationRow[] {
  const H = data.H;
  const p = data.params;
  const k = t - 1;
  const T = data.T;
  const hasNext = t < T;
  const dh = rowOf(data.dh, k, H);
  const h = rowOf(data.h, k, H);
  const hPrev = t > 1 ? rowOf(data.h, k - 1, H) : new Float64Array(H);
  const kOut = outIndex(data, t);
  const WhyT = texCol(p[P.Why].value);
  const headGeneral = `${sym("Why", "W_{hy}^{\\top}")}\\,${sym("dy", d("L", "y_t"))}`;
  const headTerm = kOut >= 0 ? `${WhyT}\\left(${texNum(data.dy[kOut])}\\right)` : "0";
  const zeroNote = "0";
  const rows: EquationRow[] = [...outputRows(data, t, false)];
  const G = data.cell === "rnn" ? 1 : data.cell === "lstm" ? 4 : 3;
  /** The σ′ and tanh′ factors written from the gate values the forward pass produced. */
  const sigmaPrime = (v: Float64Array): string => `${texCol(v)} \\odot \\left(1 - ${texCol(v)}\\right)`;

  if (data.cell === "rnn") {
    const WhhT = transposed(p[P.Whh]);
    const daNext = hasNext ? rowOf(data.dPre, k + 1, H) : null;
    rows.push({
      id: "dh",
      general: `${sym("dh", d("L", "h_t"))} = ${headGeneral} + ${sym("Whh", "W_{hh}^{\\top}")}\\,${sym("daNext", d("L", "a_{t+1}"))}`,
      substituted: `${d("L", `h_{${t}}`)} = ${headTerm} + ${daNext ? `${texMat(WhhT.values, WhhT.rows, WhhT.cols)}${texCol(daNext)}` : zeroNote}`,
      result: texCol(dh),
    });
    const da = rowOf(data.dPre, k, H);
    rows.push({
      id: "da",
      general: `${sym("da", d("L", "a_t"))} = ${sym("dh", d("L", "h_t"))} \\odot \\left(1 - ${sym("h", "h_t")} \\odot ${sym("h", "h_t")}\\right)`,
      substituted: `${d("L", `a_{${t}}`)} = ${texCol(dh)} \\odot \\left(1 - ${texCol(h)} \\odot ${texCol(h)}\\right)`,
      result: texCol(da),
    });
    // The weight gradient is a sum over every step; this step contributes the marked term.
    const term = `\\underbrace{${texCol(da)}${texRow(hPrev)}}_{t = ${t}}`;
    const sumTerms = `${t > 1 ? "\\ldots + " : ""}${term}${t < T ? " + \\ldots" : ""}`;
    rows.push({
      id: "gWhh",
      general: `${sym("gWhh", d("L", "W_{hh}"))} = \\sum_{t=1}^{${T}} ${sym("da", d("L", "a_t"))}\\,${sym("hPrev", "h_{t-1}^{\\top}")}`,
      substituted: `${d("L", "W_{hh}")} = \\sum_{t=1}^{${T}} ${d("L", "a_t")}\\,h_{t-1}^{\\top} = ${sumTerms}`,
      result: texMat(p[P.Whh].grad, H, H),
    });
    return rows;
  }

  const dPreNext = hasNext ? rowOf(data.dPre, k + 1, G * H) : null;
  if (data.cell === "lstm") {
    const names = gateNames("lstm");
    const future = dPreNext
      ? names
          .map((_, g) => {
            const W = transposed({ ...p[P.Whh], value: gateBlock(p[P.Whh], g, H), rows: H });
            return `${texMat(W.values, W.rows, W.cols)}${texCol(dPreNext.subarray(g * H, (g + 1) * H))}`;
          })
          .join(`${BREAK}+ `)
      : zeroNote;
    rows.push({
      id: "dh",
      general: `${sym("dh", d("L", "h_t"))} = ${headGeneral} + \\sum_{k \\in \\{i,f,g,o\\}} ${sym("Whh", "W_{hk}^{\\top}")}\\,${sym("daNext", "\\delta^{k}_{t+1}")}`,
      substituted: `${d("L", `h_{${t}}`)} = ${headTerm}${BREAK}+ ${future}`,
      result: texCol(dh),
    });
    const gate = (name: string): Float64Array => rowOf(data.gates[name], k, H);
    const o = gate("o");
    const c = rowOf(data.c!, k, H);
    const cPrev = t > 1 ? rowOf(data.c!, k - 1, H) : new Float64Array(H);
    const dc = rowOf(data.dc!, k, H);
    const dcNext = hasNext ? rowOf(data.dc!, k + 1, H) : null;
    const fNext = hasNext ? rowOf(data.gates.f, k + 1, H) : null;
    const tanhC = H === 1 ? `\\tanh(${texCol(c)})` : `\\tanh${texCol(c)}`;
    rows.push({
      id: "dc",
      general: `${sym("dc", d("L", "c_t"))} = ${sym("dh", d("L", "h_t"))} \\odot ${sym("o", "o_t")} \\odot \\left(1 - \\tanh^2 ${sym("c", "c_t")}\\right) + ${sym("dcNext", d("L", "c_{t+1}"))} \\odot ${sym("fNext", "f_{t+1}")}`,
      substituted: `${d("L", `c_{${t}}`)} = ${texCol(dh)} \\odot ${texCol(o)} \\odot \\left(1 - \\tanh^2 ${H === 1 ? `(${texCol(c)})` : texCol(c)}\\right)${BREAK}+ ${dcNext && fNext ? `${texCol(dcNext)} \\odot ${texCol(fNext)}` : zeroNote}`,
      result: texCol(dc),
    });
    // The gate deltas δ^k_t = ∂L/∂(gate k's pre-activation): what W_hk^T sends to h_{t−1} one step earlier.
    const delta = (g: number): Float64Array => rowOf(data.dPre, k, G * H).subarray(g * H, (g + 1) * H);
    const dRow = (name: string, general: string, substituted: string): EquationRow => ({
      id: `d${name}`,
      general: `${sym(`d${name}`, `\\delta^{${name}}_t`)} = ${general}`,
      substituted: `\\delta^{${name}}_{${t}} = ${substituted}`,
      result: texCol(delta(names.indexOf(name))),
    });
    rows.push(
      dRow(
        "o",
        `${sym("dh", d("L", "h_t"))} \\odot \\tanh(${sym("c", "c_t")}) \\odot ${sym("o", "o_t")} \\odot (1 - ${sym("o", "o_t")})`,
        `${texCol(dh)} \\odot ${tanhC}${BREAK}\\odot ${sigmaPrime(o)}`,
      ),
      dRow(
        "f",
        `${sym("dc", d("L", "c_t"))} \\odot ${sym("cPrev", "c_{t-1}")} \\odot ${sym("f", "f_t")} \\odot (1 - ${sym("f", "f_t")})`,
        `${texCol(dc)} \\odot ${texCol(cPrev)}${BREAK}\\odot ${sigmaPrime(gate("f"))}`,
      ),
      dRow(
        "i",
        `${sym("dc", d("L", "c_t"))} \\odot ${sym("g", "g_t")} \\odot ${sym("i", "i_t")} \\odot (1 - ${sym("i", "i_t")})`,
        `${texCol(dc)} \\odot ${texCol(gate("g"))}${BREAK}\\odot ${sigmaPrime(gate("i"))}`,
      ),
      dRow(
        "g",
        `${sym("dc", d("L", "c_t"))} \\odot ${sym("i", "i_t")} \\odot (1 - ${sym("g", "g_t")}^2)`,
        `${texCol(dc)} \\odot ${texCol(gate("i"))}${BREAK}\\odot \\left(1 - ${texCol(gate("g"))}^{\\odot 2}\\right)`,
      ),
    );
    return rows;
  }

  // GRU (PyTorch's gate order r, z, n)
  const dPreHNext = hasNext ? rowOf(data.dPreH!, k + 1, G * H) : null;
  const dhNext = hasNext ? rowOf(data.dh, k + 1, H) : null;
  const zNext = hasNext ? rowOf(data.gates.z, k + 1, H) : null;
  const gateTerms = dPreHNext
    ? ["r", "z", "n"]
        .map((_, g) => {
          const W = transposed({ ...p[P.Whh], value: gateBlock(p[P.Whh], g, H), rows: H });
          return `${texMat(W.values, W.rows, W.cols)}${texCol(dPreHNext.subarray(g * H, (g + 1) * H))}`;
        })
        .join(`${BREAK}+ `)
    : zeroNote;
  rows.push({
    id: "dh",
    general: `${sym("dh", d("L", "h_t"))} = ${headGeneral} + ${sym("dhNext", d("L", "h_{t+1}"))} \\odot ${sym("zNext", "z_{t+1}")} + \\sum_{k \\in \\{r,z\\}} ${sym("Whh", "W_{hk}^{\\top}")}\\,${sym("daNext", "\\delta^{k}_{t+1}")} + ${sym("Whh", "W_{hn}^{\\top}")}\\left(${sym("daNext", "r_{t+1} \\odot \\delta^{n}_{t+1}")}\\right)`,
    substituted: `${d("L", `h_{${t}}`)} = ${headTerm} + ${dhNext && zNext ? `${texCol(dhNext)} \\odot ${texCol(zNext)}` : zeroNote}${BREAK}+ ${gateTerms}`,
    result: texCol(dh),
  });
  const gate = (name: string): Float64Array => rowOf(data.gates[name], k, H);
  const z = gate("z");
  const n = gate("n");
  const r = gate("r");
  const hn = rowOf(data.hn!, k, H);
  const delta = (g: number): Float64Array => rowOf(data.dPre, k, G * H).subarray(g * H, (g + 1) * H);
  rows.push(
    {
      id: "dn",
      general: `${sym("dn", "\\delta^{n}_t")} = ${sym("dh", d("L", "h_t"))} \\odot (1 - ${sym("z", "z_t")}) \\odot (1 - ${sym("n", "n_t")}^2)`,
      substituted: `\\delta^{n}_{${t}} = ${texCol(dh)} \\odot \\left(1 - ${texCol(z)}\\right)${BREAK}\\odot \\left(1 - ${texCol(n)}^{\\odot 2}\\right)`,
      result: texCol(delta(2)),
    },
    {
      id: "dz",
      general: `${sym("dz", "\\delta^{z}_t")} = ${sym("dh", d("L", "h_t"))} \\odot (${sym("hPrev", "h_{t-1}")} - ${sym("n", "n_t")}) \\odot ${sym("z", "z_t")} \\odot (1 - ${sym("z", "z_t")})`,
      substituted: `\\delta^{z}_{${t}} = ${texCol(dh)} \\odot \\left(${texCol(hPrev)} - ${texCol(n)}\\right)${BREAK}\\odot ${sigmaPrime(z)}`,
      result: texCol(delta(1)),
    },
    {
      id: "dr",
      general: `${sym("dr", "\\delta^{r}_t")} = ${sym("dn", "\\delta^{n}_t")} \\odot \\left(${sym("hn", "W_{hn} h_{t-1} + b_{hn}")}\\right) \\odot ${sym("r", "r_t")} \\odot (1 - ${sym("r", "r_t")})`,
      substituted: `\\delta^{r}_{${t}} = ${texCol(delta(2))} \\odot ${texCol(hn)}${BREAK}\\odot ${sigmaPrime(r)}`,
      result: texCol(delta(0)),
    },
  );
  return rows;
}

/** The symbols of the current step with their values: what the readout and the values table show. */
export function stepSymbols(data: StepData, t: number, direction: Direction): SymbolValue[] {
  const H = data.H;
  const k = t - 1;
  const out: SymbolValue[] = [];
  const vec = (key: string, label: string, text: string, values: Float64Array): void => {
    out.push({ key, label, text, values, rows: values.length, cols: 1, isParam: false });
  };
  const zeros = new Float64Array(H);
  const kOut = outIndex(data, t);
  if (direction === "forward") {
    vec("x", `x_{${t}}`, `x_${t}`, data.x.subarray(k, k + 1));
    vec("hPrev", `h_{${t - 1}}`, `h_${t - 1}`, t > 1 ? rowOf(data.h, k - 1, H) : zeros);
    if (data.cell === "lstm") vec("cPrev", `c_{${t - 1}}`, `c_${t - 1}`, t > 1 ? rowOf(data.c!, k - 1, H) : zeros);
    if (data.cell === "rnn") vec("a", `a_{${t}}`, `a_${t}`, rowOf(data.pre!, k, H));
    for (const gate of gateNames(data.cell)) vec(gate, `${gate}_{${t}}`, `${gate}_${t}`, rowOf(data.gates[gate], k, H));
    if (data.cell === "gru") vec("hn", `W_{hn}h_{${t - 1}} + b_{hn}`, `W_hn h_${t - 1} + b_hn`, rowOf(data.hn!, k, H));
    if (data.cell === "lstm") vec("c", `c_{${t}}`, `c_${t}`, rowOf(data.c!, k, H));
    vec("h", `h_{${t}}`, `h_${t}`, rowOf(data.h, k, H));
    if (kOut >= 0) {
      vec("y", `y_{${t}}`, `y_${t}`, data.y.subarray(kOut, kOut + 1));
      vec("target", `y^{*}_{${t}}`, `y*_${t}`, data.target.subarray(kOut, kOut + 1));
    }
  } else {
    if (kOut >= 0) {
      vec("y", `y_{${t}}`, `y_${t}`, data.y.subarray(kOut, kOut + 1));
      vec("target", `y^{*}_{${t}}`, `y*_${t}`, data.target.subarray(kOut, kOut + 1));
      vec("dy", d("L", `y_{${t}}`), `∂L/∂y_${t}`, data.dy.subarray(kOut, kOut + 1));
    }
    vec("h", `h_{${t}}`, `h_${t}`, rowOf(data.h, k, H));
    vec("dh", d("L", `h_{${t}}`), `∂L/∂h_${t}`, rowOf(data.dh, k, H));
    if (data.cell === "rnn") {
      vec("da", d("L", `a_{${t}}`), `∂L/∂a_${t}`, rowOf(data.dPre, k, H));
      vec("hPrev", `h_{${t - 1}}`, `h_${t - 1}`, t > 1 ? rowOf(data.h, k - 1, H) : zeros);
      if (t < data.T) vec("daNext", d("L", `a_{${t + 1}}`), `∂L/∂a_${t + 1}`, rowOf(data.dPre, k + 1, H));
    }
    if (data.cell !== "rnn") {
      const names = gateNames(data.cell);
      const G = names.length;
      vec("hPrev", `h_{${t - 1}}`, `h_${t - 1}`, t > 1 ? rowOf(data.h, k - 1, H) : zeros);
      for (const gate of names) vec(gate, `${gate}_{${t}}`, `${gate}_${t}`, rowOf(data.gates[gate], k, H));
      if (data.cell === "lstm") {
        vec("cPrev", `c_{${t - 1}}`, `c_${t - 1}`, t > 1 ? rowOf(data.c!, k - 1, H) : zeros);
        vec("c", `c_{${t}}`, `c_${t}`, rowOf(data.c!, k, H));
        vec("dc", d("L", `c_{${t}}`), `∂L/∂c_${t}`, rowOf(data.dc!, k, H));
      } else {
        vec("hn", `W_{hn}h_{${t - 1}} + b_{hn}`, `W_hn h_${t - 1} + b_hn`, rowOf(data.hn!, k, H));
      }
      names.forEach((gate, g) => {
        vec(`d${gate}`, `\\delta^{${gate}}_{${t}}`, `δ${gate}_${t}`, rowOf(data.dPre, k, G * H).subarray(g * H, (g + 1) * H));
      });
      if (t < data.T) {
        // δ_{t+1} as W_hh sees it, gate blocks stacked in PyTorch's order (GRU: the n block already scaled by r_{t+1}).
        const next = rowOf(data.cell === "gru" ? data.dPreH! : data.dPre, k + 1, G * H);
        const order = names.join(", ");
        vec("daNext", `\\delta_{${t + 1}} \\; (${order})`, `δ_${t + 1} (${order})`, next);
        if (data.cell === "lstm") {
          vec("dcNext", d("L", `c_{${t + 1}}`), `∂L/∂c_${t + 1}`, rowOf(data.dc!, k + 1, H));
          vec("fNext", `f_{${t + 1}}`, `f_${t + 1}`, rowOf(data.gates.f, k + 1, H));
        } else {
          vec("dhNext", d("L", `h_{${t + 1}}`), `∂L/∂h_${t + 1}`, rowOf(data.dh, k + 1, H));
          vec("zNext", `z_{${t + 1}}`, `z_${t + 1}`, rowOf(data.gates.z, k + 1, H));
        }
      }
    }
  }
  return out;
}

/** Parameter symbols with their values: the weights of the equations (hover or focus shows them). */
export function paramSymbols(data: StepData): SymbolValue[] {
  const p = data.params;
  const H = data.H;
  const out: SymbolValue[] = [];
  const add = (key: string, label: string, text: string, values: Float64Array, rows: number, cols: number): void => {
    out.push({ key, label, text, values, rows, cols, isParam: true });
  };
  if (data.cell === "rnn") {
    add("Wih", "W_{ih}", "W_ih", p[P.Wih].value, H, 1);
    add("Whh", "W_{hh}", "W_hh", p[P.Whh].value, H, H);
    add("bih", "b_{ih}", "b_ih", p[P.bih].value, H, 1);
    add("bhh", "b_{hh}", "b_hh", p[P.bhh].value, H, 1);
  } else {
    gateNames(data.cell).forEach((gate, g) => {
      add(`Wi${gate}`, `W_{i${gate}}`, `W_i${gate}`, gateBlock(p[P.Wih], g, H), H, 1);
      add(`Wh${gate}`, `W_{h${gate}}`, `W_h${gate}`, gateBlock(p[P.Whh], g, H), H, H);
      add(`bi${gate}`, `b_{i${gate}}`, `b_i${gate}`, p[P.bih].value.subarray(g * H, (g + 1) * H), H, 1);
      add(`bh${gate}`, `b_{h${gate}}`, `b_h${gate}`, p[P.bhh].value.subarray(g * H, (g + 1) * H), H, 1);
    });
  }
  if (data.cell !== "rnn") add("Whh", "W_{hh}", "W_hh", p[P.Whh].value, p[P.Whh].rows, H);
  add("Why", "W_{hy}", "W_hy", p[P.Why].value, 1, H);
  add("by", "b_y", "b_y", p[P.by].value, 1, 1);
  if (data.cell === "rnn") add("gWhh", d("L", "W_{hh}"), "∂L/∂W_hh", p[P.Whh].grad, H, H);
  return out;
}
