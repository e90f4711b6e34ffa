// src/engine/nested.ts: nested JSON number lists <-> flat row-major Float64Arrays with a shape.
import { EngineError } from "./errors";

/** Flattens a nested list of numbers, checking it is rectangular; `what` names it in errors. */
export function flatten(value: unknown, what: string): { data: Float64Array; shape: number[] } {
  const shape: number[] = [];
  let probe: unknown = value;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    probe = probe[0];
  }
  const size = shape.reduce((a, b) => a * b, 1);
  const data = new Float64Array(size);
  let n = 0;
  const walk = (v: unknown, depth: number, path: string): void => {
    if (depth === shape.length) {
      if (typeof v !== "number") throw new EngineError("shape", `${what}${path} should be a number, but is ${JSON.stringify(v)?.slice(0, 40)}.`);
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
