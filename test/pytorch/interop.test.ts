// test/pytorch/interop.test.ts: model files both ways with real PyTorch, for all three cells. (a) A model trained in
// PyTorch and saved with the README's own snippet loads here and gives PyTorch's outputs to 1e-12; (b) a model saved
// here loads into torch.nn modules with load_state_dict(strict=True) and gives the engine's outputs to 1e-12.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createNetwork, createOptimizer, createRng, exportModel, parseModelFile, trainStep,
  type Batch, type CellType, type ModelConfigInput, type Rng,
} from "../../src/engine";
import { maxRelErr, python, ROOT } from "./python";

const CELLS: CellType[] = ["rnn", "lstm", "gru"];
const work = mkdtempSync(join(tmpdir(), "rnn-notebook-pytorch-"));
afterAll(() => { rmSync(work, { recursive: true, force: true }); });

/** The first ```python block under the README's heading on models trained in PyTorch. */
function readmeSnippet(): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const at = readme.indexOf("### Model files, and models trained in PyTorch");
  expect(at, "README section 'Model files, and models trained in PyTorch'").toBeGreaterThan(-1);
  const block = /```python\n([\s\S]*?)```/.exec(readme.slice(at));
  expect(block, "a python block in that section").not.toBeNull();
  return block![1];
}

const TEXT = "It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of foolishness.";

describe("(a) a model trained in PyTorch, saved with the README's snippet, loads here", () => {
  // One Python process for the three cells (importing torch takes seconds).
  let refs: { T: number; B: number; inputIndices: number[]; outputs: number[] }[] = [];
  const dirs = CELLS.map((cell) => mkdtempSync(join(work, `readme-${cell}-`)));
  beforeAll(() => {
    refs = JSON.parse(python([join(ROOT, "test/pytorch/readme_snippet.py")], {
      input: JSON.stringify({ snippet: readmeSnippet(), text: TEXT, jobs: CELLS.map((cell, i) => ({ dir: dirs[i], cell, H: 6, L: 2, seed: 3 + i })) }),
    })) as typeof refs;
  });

  it.each(CELLS.map((cell, i) => [cell, i] as const))("%s: same outputs as PyTorch to 1e-12", (cell, i) => {
    const ref = refs[i];
    const file = parseModelFile(readFileSync(join(dirs[i], "model.json"), "utf8"));
    expect(file.config).toMatchObject({ cell, hiddenSize: 6, numLayers: 2, loss: "xent", inputKind: "onehot" });
    expect(file.vocabulary).toEqual([...new Set(TEXT)].sort());
    const net = createNetwork(file.config);
    net.setParams(file.params);
    net.forward({ T: ref.T, B: ref.B, inputIndices: Int32Array.from(ref.inputIndices) });
    expect(maxRelErr(net.outputs(), ref.outputs)).toBeLessThan(1e-12);
  });
});

describe("(b) a model saved here loads into PyTorch with load_state_dict(strict=True)", () => {
  const tasks: { name: string; config: Omit<ModelConfigInput, "cell">; batch: (rng: Rng) => Batch }[] = [
    {
      name: "characters",
      config: { inputSize: 7, hiddenSize: 5, numLayers: 2, outputSize: 7, loss: "xent", inputKind: "onehot" },
      batch: (rng) => ({ T: 6, B: 3, inputIndices: Int32Array.from({ length: 18 }, () => rng.int(7)), targetIndices: Int32Array.from({ length: 18 }, () => rng.int(7)) }),
    },
    {
      name: "series",
      config: { inputSize: 2, hiddenSize: 4, numLayers: 1, outputSize: 2, loss: "mse" },
      batch: (rng) => ({ T: 5, B: 2, inputs: Float64Array.from({ length: 20 }, () => rng.normal()), targets: Float64Array.from({ length: 20 }, () => rng.normal()) }),
    },
    {
      name: "last step",
      config: { inputSize: 5, hiddenSize: 4, numLayers: 2, outputSize: 3, loss: "xent", inputKind: "onehot", outputMode: "last" },
      batch: (rng) => ({ T: 8, B: 2, inputIndices: Int32Array.from({ length: 16 }, () => rng.int(5)), targetIndices: Int32Array.from({ length: 2 }, () => rng.int(3)) }),
    },
  ];

  const cases = tasks.flatMap((task) => CELLS.map((cell) => ({ task, cell })));
  const engine: { path: string; check: Batch; outputs: Float64Array }[] = [];
  let got: { outputs: number[] }[] = [];
  beforeAll(() => {
    for (const { task, cell } of cases) {
      const net = createNetwork({ cell, ...task.config }, { seed: 11 });
      const opt = createOptimizer(net, { kind: "adam", lr: 0.05 });
      const rng = createRng(5);
      for (let k = 0; k < 5; k++) trainStep(net, opt, task.batch(rng));
      const vocabulary = task.config.inputKind === "onehot" ? "abcdefg".slice(0, task.config.inputSize).split("") : null;
      const path = join(work, `here-${task.name.replace(" ", "-")}-${cell}.json`);
      writeFileSync(path, exportModel(net, vocabulary));
      const check = task.batch(rng);
      net.forward(check);
      engine.push({ path, check, outputs: net.outputs() });
    }
    // One Python process loads all nine files.
    got = JSON.parse(python([join(ROOT, "test/pytorch/load_state_dict.py")], {
      input: JSON.stringify(engine.map(({ path, check }) => ({
        path, T: check.T, B: check.B, inputs: check.inputs && Array.from(check.inputs), inputIndices: check.inputIndices && Array.from(check.inputIndices),
      }))),
    })) as typeof got;
  });

  it.each(cases.map(({ task, cell }, i) => [task.name, cell, i] as const))("%s, %s: same outputs as the engine to 1e-12", (_name, _cell, i) => {
    expect(got[i].outputs.length).toBeGreaterThan(0);
    expect(maxRelErr(engine[i].outputs, got[i].outputs)).toBeLessThan(1e-12);
  });
});
