// src/lessons/format.ts: numbers as the lessons print them, in plain text and as TeX (vectors, matrices, bound symbols).

/**
 * About three significant digits: 0.42, −0.173, 0.00342, 1.2e−5. Plain text, minus sign U+2212.
 * Exercises and tests read these back with parseShown().
 */
export function fmt(v: number): string {
  // NaN marks a value hidden until an exercise is answered (maskStepData); the lessons never compute one.
  if (Number.isNaN(v)) return "?";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "−∞";
  if (v === 0) return "0";
  const a = Math.abs(v);
  let s: string;
  if (a < 1e-3 || a >= 1e5) {
    const [mant, exp] = v.toExponential(2).split("e");
    s = `${String(Number(mant))}e${exp.replace("+", "")}`;
  } else {
    s = String(Number(v.toPrecision(3)));
  }
  return s.replace(/-/g, "−");
}

/** Reads a number as fmt() wrote it, or as a learner types it: "−0.4", "-0.4", and with a decimal comma "0,4". */
export function parseShown(text: string): number {
  let t = text.trim().replace(/[−–]/g, "-").replace(/\s+/g, "");
  // One comma and no point is a decimal comma (0,052); the lessons never write thousands separators.
  if (/^[^.,]*,[^.,]*$/.test(t)) t = t.replace(",", ".");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return NaN;
  return Number(t);
}

/** A vector in text: "[0.42, −0.17]"; a single value as the bare number. */
export function fmtVec(values: ArrayLike<number>): string {
  if (values.length === 1) return fmt(values[0]);
  return `[${Array.from(values, fmt).join(", ")}]`;
}

/** A number as TeX: "-0.42" (KaTeX sets the minus), exponents as ×10^{…}. */
export function texNum(v: number): string {
  const s = fmt(v).replace(/−/g, "-");
  const e = s.indexOf("e");
  if (s === "?") return "\\boxed{?}";
  if (e < 0) return s === "∞" ? "\\infty" : s;
  return `${s.slice(0, e)}{\\times}10^{${s.slice(e + 1)}}`;
}

/** A number used as a term or factor: negatives in parentheses ("+ (−0.7)", "W (−0.5)"). */
export function texFactor(v: number): string {
  return v < 0 ? `\\left(${texNum(v)}\\right)` : texNum(v);
}

/** A column vector (one entry: the bare number). */
export function texCol(values: ArrayLike<number>): string {
  if (values.length === 1) return texNum(values[0]);
  return `\\begin{bmatrix}${Array.from(values, texNum).join("\\\\")}\\end{bmatrix}`;
}

/** A row vector in brackets. */
export function texRow(values: ArrayLike<number>): string {
  if (values.length === 1) return texNum(values[0]);
  return `\\begin{bmatrix}${Array.from(values, texNum).join("&")}\\end{bmatrix}`;
}

/** A rows × cols matrix stored row-major (a 1 × 1 matrix is its number). */
export function texMat(values: ArrayLike<number>, rows: number, cols: number): string {
  if (rows === 1 && cols === 1) return texNum(values[0]);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const row: string[] = [];
    for (let c = 0; c < cols; c++) row.push(texNum(values[r * cols + c]));
    lines.push(row.join("&"));
  }
  return `\\begin{bmatrix}${lines.join("\\\\")}\\end{bmatrix}`;
}

/**
 * Binds a piece of an equation to a symbol key: KaTeX renders it inside an element with data-sym="key", which
 * the equation's hover and the diagram's highlight both find. Keys are identifiers ([A-Za-z0-9]).
 */
export function sym(key: string, tex: string): string {
  return `\\htmlData{sym=${key}}{${tex}}`;
}
