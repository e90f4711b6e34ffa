// test/pytorch/lessons.test.ts: each lesson's "The same in PyTorch" snippet, run with real PyTorch, prints the
// numbers the lesson's widgets show: the engine's, for the same weights and data. The snippet is read from the
// English lesson (the Chinese lesson must carry the same code; test/components/lessons-content.test.tsx).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { clipGradNorm, createOptimizer, gradNorm, trainStep } from "../../src/engine";
import { buildTinyNet, runTinyNet, tinyBatch, type TinyNetSpec } from "../../src/lessons/tinyNet";
import { describe, expect, it } from "vitest";
import { python, ROOT } from "./python";

const rnn: TinyNetSpec = { cell: "rnn", hidden: 2, steps: 4, seed: 3, outputs: "all" };

/** The python block under "## The same in PyTorch". */
function snippet(slug: string): string {
  const mdx = readFileSync(join(ROOT, "lessons", "en", `${slug}.mdx`), "utf8");
  const at = mdx.indexOf("## The same in PyTorch");
  expect(at, `${slug} has a "The same in PyTorch" section`).toBeGreaterThan(0);
  const m = /```python\n([\s\S]*?)```/.exec(mdx.slice(at));
  expect(m, `${slug}: python block`).not.toBeNull();
  return m![1];
}

/** "name = 0.1" and "name = [0.1, 0.2]" lines (several per line allowed) → { name: numbers }. */
function printed(out: string): Record<string, number[]> {
  const values: Record<string, number[]> = {};
  for (const m of out.matchAll(/([\w/ ]+?) = (\[[^\]]*\]|-?[\d.]+(?:e-?\d+)?)/g)) {
    const key = m[1].trim();
    values[key] = m[2].startsWith("[") ? (JSON.parse(m[2]) as number[]) : [Number(m[2])];
  }
  return values;
}

const row = (a: Float64Array, t: number, n: number) => Array.from(a.subarray(t * n, (t + 1) * n));

function expectSame(got: Record<string, number[]>, want: Record<string, number[]>) {
  expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
  for (const [k, w] of Object.entries(want)) {
    expect(got[k].length, k).toBe(w.length);
    w.forEach((v, i) => {
      expect(Math.abs(got[k][i] - v), `${k}[${i}]: PyTorch ${got[k][i]}, engine ${v}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(v)));
    });
  }
}

const run = (slug: string) => printed(python(["-c", snippet(slug)]));

describe("each lesson's PyTorch snippet prints the engine's numbers", () => {
  it("forward-pass: h_t, y_t and the loss", () => {
    const d = runTinyNet(buildTinyNet(rnn), rnn);
    const want: Record<string, number[]> = { L: [d.loss] };
    for (let t = 1; t <= 4; t++) {
      want[`h_${t}`] = row(d.h, t - 1, 2);
      want[`y_${t}`] = [d.y[t - 1]];
    }
    expectSame(run("forward-pass"), want);
  });

  it("sequences-and-state: the many-to-one network's h_4, y_4 and loss", () => {
    const spec: TinyNetSpec = { ...rnn, outputs: "last" };
    const d = runTinyNet(buildTinyNet(spec), spec);
    expectSame(run("sequences-and-state"), { h_4: row(d.h, 3, 2), y_4: [d.y[0]], L: [d.loss] });
  });

  it("bptt: the total ∂L/∂h_t of every step and ∂L/∂W_hh", () => {
    const d = runTinyNet(buildTinyNet(rnn), rnn);
    const want: Record<string, number[]> = { "dL/dW_hh": Array.from(d.params["rnn.weight_hh_l0"].grad) };
    for (let t = 1; t <= 4; t++) want[`dL/dh_${t}`] = row(d.dh, t - 1, 2);
    expectSame(run("bptt"), want);
  });

  it("vanishing-gradients: clip_grad_norm_ to 0.5, the norm before and after", () => {
    const net = buildTinyNet(rnn);
    net.forwardBackward(tinyBatch(rnn));
    const g = net.grads.slice();
    const before = clipGradNorm(g, 0.5);
    expectSame(run("vanishing-gradients"), { "norm before": [before], "norm after": [gradNorm(g)] });
  });

  it("lstm: c_t and h_t at every step", () => {
    const spec: TinyNetSpec = { cell: "lstm", hidden: 2, steps: 4, seed: 5, outputs: "all" };
    const d = runTinyNet(buildTinyNet(spec), spec);
    const want: Record<string, number[]> = {};
    for (let t = 1; t <= 4; t++) {
      want[`c_${t}`] = row(d.c!, t - 1, 2);
      want[`h_${t}`] = row(d.h, t - 1, 2);
    }
    expectSame(run("lstm"), want);
  });

  it("gru: h_t at every step", () => {
    const spec: TinyNetSpec = { cell: "gru", hidden: 2, steps: 4, seed: 4, outputs: "all" };
    const d = runTinyNet(buildTinyNet(spec), spec);
    const want: Record<string, number[]> = {};
    for (let t = 1; t <= 4; t++) want[`h_${t}`] = row(d.h, t - 1, 2);
    expectSame(run("gru"), want);
  });

  it("training: five Adam steps, the loss before each update", () => {
    const net = buildTinyNet(rnn);
    const opt = createOptimizer(net, { kind: "adam", lr: 0.1 });
    const batch = tinyBatch(rnn);
    const want: Record<string, number[]> = {};
    for (let step = 1; step <= 5; step++) want[`step ${step} L`] = [trainStep(net, opt, batch, { clipMaxNorm: null }).loss];
    expectSame(run("training"), want);
  });
});
