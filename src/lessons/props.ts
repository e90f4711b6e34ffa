// src/lessons/props.ts: reading a widget's literal MDX props, with a clear error for a wrong one (never silently ignored).

export type WidgetProps = Readonly<Record<string, unknown>>;

export class WidgetPropError extends Error {
  override name = "WidgetPropError";
}

export function numberProp(props: WidgetProps, name: string, fallback: number, lo: number, hi: number): number {
  const v = props[name];
  if (v === undefined) return fallback;
  if (typeof v !== "number" || !Number.isFinite(v) || v < lo || v > hi) {
    throw new WidgetPropError(`Widget prop ${name} must be a number from ${lo} to ${hi}, but is ${JSON.stringify(v)}.`);
  }
  return v;
}

export function intProp(props: WidgetProps, name: string, fallback: number, lo: number, hi: number): number {
  const v = numberProp(props, name, fallback, lo, hi);
  if (!Number.isInteger(v)) throw new WidgetPropError(`Widget prop ${name} must be a whole number, but is ${v}.`);
  return v;
}

export function choiceProp<T extends string>(props: WidgetProps, name: string, choices: readonly T[], fallback: T): T {
  const v = props[name];
  if (v === undefined) return fallback;
  if (typeof v !== "string" || !(choices as readonly string[]).includes(v)) {
    throw new WidgetPropError(`Widget prop ${name} must be one of ${choices.join(", ")}, but is ${JSON.stringify(v)}.`);
  }
  return v as T;
}

export function boolProp(props: WidgetProps, name: string, fallback: boolean): boolean {
  const v = props[name];
  if (v === undefined) return fallback;
  // MDX writes a bare attribute (<Widget editable />) as true.
  if (typeof v !== "boolean") throw new WidgetPropError(`Widget prop ${name} must be true or false, but is ${JSON.stringify(v)}.`);
  return v;
}

const OPTIMIZERS = ["sgd", "momentum", "adagrad", "rmsprop", "adam", "adamw"] as const;

export interface RunSpec {
  optimizer: "sgd" | "momentum" | "adagrad" | "rmsprop" | "adam" | "adamw";
  lr: number;
  clip: number | null;
  weightDecay: number;
}

/**
 * A list of training runs written as "sgd 0.1; adam 0.01 clip 1; sgd 0.5 wd 0.01": optimiser, learning rate,
 * then optional "clip <max norm>" and "wd <weight decay>".
 */
export function runsProp(props: WidgetProps, name: string, fallback: string): RunSpec[] {
  const v = props[name] ?? fallback;
  if (typeof v !== "string") throw new WidgetPropError(`Widget prop ${name} must be a string such as "sgd 0.1; adam 0.01", but is ${JSON.stringify(v)}.`);
  return v
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const words = part.split(/\s+/);
      const optimizer = words[0];
      if (!(OPTIMIZERS as readonly string[]).includes(optimizer)) {
        throw new WidgetPropError(`In ${name}, "${part}" must start with one of ${OPTIMIZERS.join(", ")}.`);
      }
      const num = (w: string | undefined, what: string): number => {
        const x = Number(w);
        if (w === undefined || !Number.isFinite(x) || x < 0) throw new WidgetPropError(`In ${name}, "${part}" needs a non-negative number for ${what}.`);
        return x;
      };
      const run: RunSpec = { optimizer: optimizer as RunSpec["optimizer"], lr: num(words[1], "the learning rate"), clip: null, weightDecay: 0 };
      for (let i = 2; i < words.length; i += 2) {
        if (words[i] === "clip") run.clip = num(words[i + 1], "clip");
        else if (words[i] === "wd") run.weightDecay = num(words[i + 1], "wd");
        else throw new WidgetPropError(`In ${name}, "${part}" has "${words[i]}"; only "clip" and "wd" may follow the learning rate.`);
      }
      return run;
    });
}

export function stringProp(props: WidgetProps, name: string, fallback: string): string {
  const v = props[name];
  if (v === undefined) return fallback;
  if (typeof v !== "string") throw new WidgetPropError(`Widget prop ${name} must be a string, but is ${JSON.stringify(v)}.`);
  return v;
}
