// src/engine/nested.ts: nested JSON number lists <-> flat row-major Float64Arrays with a shape.
import { EngineError } from "./errors";

/** Deepest nesting and largest size flatten() accepts (it refuses more with a message, never a RangeError). */
export const MAX_NESTING = 32;
export const MAX_FLATTEN_SIZE = 2 ** 27;

/** A few words about a value for a message (never the value itself: it may be huge or deeply nested). */
function describe(v: unknown): string {
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (v === null) return "null";
  if (typeof v === "string") return v.length > 40 ? `a string of ${v.length} characters` : JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return typeof v === "object" ? "an object" : typeof v;
}

/** Flattens a nested list of numbers, checking it is rectangular; `what` names it in errors. */
export function flatten(value: unknown, what: string): { data: Float64Array; shape: number[] } {
  const shape: number[] = [];
  let probe: unknown = value;
  while (Array.isArray(probe)) {
    if (shape.length >= MAX_NESTING) throw new EngineError("shape", `${what} is nested more than ${MAX_NESTING} lists deep.`);
    shape.push(probe.length);
    probe = probe[0];
  }
  const size = shape.reduce((a, b) => a * b, 1);
  if (!(size <= MAX_FLATTEN_SIZE)) throw new EngineError("shape", `${what} claims shape [${shape.join("][")}] (${size.toExponential(2)} values), more than ${MAX_FLATTEN_SIZE.toLocaleString("en")}.`);
  const data = new Float64Array(size);
  let n = 0;
  const walk = (v: unknown, depth: number, path: string): void => {
    if (depth === shape.length) {
      if (typeof v !== "number") throw new EngineError("shape", `${what}${path} should be a number, but is ${describe(v)}.`);
      data[n++] = v;
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) {
      throw new EngineError("shape", `${what}${path} should be a list of ${shape[depth]} entries (shape [${shape.join("][")}]), but is not.`);
    }
    for (let i = 0; i < v.length; i++) walk(v[i], depth + 1, `${path}[${i}]`);
  };
  walk(value, 0, "");
  return { data, shape };
}

/** Builds a nested list of the given shape from row-major data. */
export function nest(data: ArrayLike<number>, shape: readonly number[]): unknown {
  let i = 0;
  const build = (depth: number): unknown => {
    if (depth === shape.length) return data[i++];
    const out: unknown[] = [];
    for (let k = 0; k < shape[depth]; k++) out.push(build(depth + 1));
    return out;
  };
  return build(0);
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
