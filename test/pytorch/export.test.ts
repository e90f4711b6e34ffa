// test/pytorch/export.test.ts: "Continue in PyTorch" files (src/export/pytorch.ts) run with real PyTorch. For each of
// the three widgets' kinds of training (sine windows, character streams with the state carried, the memory task),
// the script's first loss is the engine's next loss to 1e-9, and the following ones match while both keep training
// (so the optimiser's settings and state went across too).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createNetwork, createOptimizer, parseModelFile, trainStep,
  type Batch, type CellType, type Network, type Nonlinearity, type Optimizer, type OptimizerSpec,
} from "../../src/engine";
import { exportPytorch, type PytorchExportInput } from "../../src/export/pytorch";
import { MemoryTask } from "../../src/data/memoryTask";
import { SeriesBatcher } from "../../src/data/series";
import { makeSineDataset } from "../../src/data/sine";
import { buildVocabulary, encode, TextStreams } from "../../src/data/text";
import { maxRelErr, python, ROOT } from "./python";

const work = mkdtempSync(join(tmpdir(), "rnn-notebook-export-"));
afterAll(() => { rmSync(work, { recursive: true, force: true }); });

/** A copy of a batch (the data helpers refill one batch in place). */
function copy(b: Batch): Batch {
  return {
    T: b.T, B: b.B,
    inputs: b.inputs?.slice(), inputIndices: b.inputIndices?.slice(), targets: b.targets?.slice(), targetIndices: b.targetIndices?.slice(),
  };
}

function lossesOf(printed: string): number[] {
  return [...printed.matchAll(/^step \d+: loss (\S+)$/gm)].map((m) => Number(m[1]));
}

interface Case {
  name: string;
  /** Builds, trains a few steps, exports; returns the file and the engine's next losses (compared one by one). */
  run: () => { file: string; engineLosses: number[]; args: string[]; check?: (printed: string, net: Network) => void; net: Network };
}

function trainAndExport(
  net: Network, opt: Optimizer, clipMaxNorm: number | null, warmup: (net: Network, opt: Optimizer) => void,
  exportData: () => PytorchExportInput["data"], next: (net: Network, opt: Optimizer) => number[],
): { file: string; engineLosses: number[] } {
  warmup(net, opt);
  const file = exportPytorch({ net, optimizer: opt, clipMaxNorm, data: exportData(), steps: 3, stepsDone: 5, title: "test" });
  return { file, engineLosses: next(net, opt) };
}

const SINE = { waves: 2, periodMin: 8, periodMax: 30, ampMin: 0.5, ampMax: 1, phaseMax: 6.283, noise: 0.05, seqLength: 16, horizon: 1, count: 30, validationFraction: 0.2, seed: 7 };
const TEXT = "To be, or not to be, that is the question: whether 'tis nobler in the mind to suffer the slings and arrows of outrageous fortune.";

function sineCase(cell: CellType, spec: OptimizerSpec, clip: number | null, nonlinearity: Nonlinearity = "tanh"): Case {
  return {
    name: `sine windows, ${cell}${nonlinearity === "relu" ? " (relu)" : ""}, ${spec.kind}`,
    run: () => {
      const data = makeSineDataset(SINE);
      const net = createNetwork({ cell, inputSize: 1, hiddenSize: 6, numLayers: 2, outputSize: 1, loss: "mse", nonlinearity }, { seed: 1 });
      const opt = createOptimizer(net, spec);
      const batcher = new SeriesBatcher(data, 4, 2);
      let upcoming: Batch[] = [];
      const r = trainAndExport(net, opt, clip,
        (n, o) => { for (let k = 0; k < 5; k++) trainStep(n, o, batcher.next(), { clipMaxNorm: clip }); },
        () => {
          upcoming = [0, 1, 2].map(() => copy(batcher.next()));
          return { kind: "batches", batches: upcoming, continueWith: { kind: "seriesWindows", pool: data.train, T: data.T, horizon: data.horizon, B: 4 } };
        },
        (n, o) => upcoming.map((b) => trainStep(n, o, b, { clipMaxNorm: clip }).loss));
      const model = join(work, `sine-${cell}-${nonlinearity}.json`);
      if (nonlinearity === "relu") {
        // Two more steps on random windows of the training sequences run after the given batches.
        return { ...r, net, args: ["--steps", "5"], check: (printed) => { expect(lossesOf(printed).every(Number.isFinite)).toBe(true); } };
      }
      return { ...r, net, args: ["--steps", "3", "--export", model], check: (printed, n) => {
        // --export writes a model file the notebook opens, with the weights both trainings reached.
        expect(lossesOf(printed)).toHaveLength(3);
        const file = parseModelFile(readFileSync(model, "utf8"));
        expect(file.config).toEqual(n.config);
        expect(maxRelErr(file.params, n.params)).toBeLessThan(1e-9);
      } };
    },
  };
}

function charCase(cell: CellType, spec: OptimizerSpec, clip: number | null): Case {
  return {
    name: `character streams with the state carried, ${cell}, ${spec.kind}`,
    run: () => {
      const vocab = buildVocabulary(TEXT);
      const ids = encode(TEXT, vocab);
      const B = 3;
      const T = 8;
      // S = ⌊(len − 1) / B⌋ = 42: windows at 0, 8, …, 32 are trained here; 40 + 8 > 42, so the third exported step
      // wraps round to fresh streams from zeros.
      expect(Math.floor((ids.length - 1) / B)).toBe(42);
      const net = createNetwork({ cell, inputSize: vocab.symbols.length, hiddenSize: 7, numLayers: 2, outputSize: vocab.symbols.length, loss: "xent", inputKind: "onehot" }, { seed: 2 });
      const opt = createOptimizer(net, spec);
      const streams = new TextStreams(ids, B, T);
      const step = (n: Network, o: Optimizer): number => {
        const { batch, isFresh } = streams.next();
        return trainStep(n, o, batch, { clipMaxNorm: clip, initialState: isFresh ? "zeros" : "carry" }).loss;
      };
      const r = trainAndExport(net, opt, clip,
        (n, o) => { for (let k = 0; k < 5; k++) step(n, o); },
        () => ({ kind: "stream", ids, B, T, position: 5 * T, state: net.finalState(), vocabulary: vocab.symbols }),
        (n, o) => [step(n, o), step(n, o), step(n, o)]);
      const model = join(work, `chars-${cell}.json`);
      return { ...r, net, args: ["--sample", "40", "--export", model], check: (printed) => {
        // The model file keeps the vocabulary; --sample prints characters of it.
        expect(parseModelFile(readFileSync(model, "utf8")).vocabulary).toEqual(vocab.symbols);
        // The last line (the text has no newline); symbols are code points, which Array.from splits a string into.
        const sample = Array.from(printed.replace(/\n$/, "").split("\n").at(-1) ?? "");
        expect(sample).toHaveLength(40);
        expect(sample.every((ch) => vocab.index.has(ch))).toBe(true);
      } };
    },
  };
}

function memoryCase(cell: CellType, spec: OptimizerSpec, clip: number | null, repeat = false): Case {
  return {
    name: `memory task, ${cell}, ${spec.kind}${repeat ? ", given batches repeated" : ""}`,
    run: () => {
      const task = new MemoryTask({ seqLength: 12, numClasses: 3, numDistractors: 4, batchSize: 8 }, 9);
      const net = createNetwork({ cell, inputSize: 7, hiddenSize: 6, numLayers: 1, outputSize: 3, loss: "xent", outputMode: "last", inputKind: "onehot" }, { seed: 3 });
      const opt = createOptimizer(net, spec);
      // Repeated: the script's third step trains on batch 5 again, and so does the engine here.
      const next = repeat ? [5, 6, 5] : [5, 6];
      const r = trainAndExport(net, opt, clip,
        (n, o) => { for (let k = 0; k < 5; k++) trainStep(n, o, task.batchAt(k), { clipMaxNorm: clip }); },
        () => ({ kind: "batches", batches: [task.batchAt(5), task.batchAt(6)], continueWith: repeat ? undefined : { kind: "memoryTask", ...task.spec } }),
        (n, o) => next.map((k) => trainStep(n, o, task.batchAt(k), { clipMaxNorm: clip }).loss));
      return { ...r, net, args: ["--steps", "4"], check: (printed) => {
        const losses = lossesOf(printed);
        expect(losses).toHaveLength(4);
        expect(losses.every(Number.isFinite)).toBe(true);
      } };
    },
  };
}

const CASES: Case[] = [
  sineCase("lstm", { kind: "adam", lr: 0.01, amsgrad: true }, 1),
  sineCase("gru", { kind: "sgd", lr: 0.05, momentum: 0.9, nesterov: true }, null),
  sineCase("rnn", { kind: "rmsprop", lr: 0.005 }, 1, "relu"),
  charCase("lstm", { kind: "rmsprop", lr: 0.01, momentum: 0.5, centered: true }, 0.5),
  charCase("gru", { kind: "adamw", lr: 0.01, weightDecay: 0.1 }, null),
  charCase("rnn", { kind: "sgd", lr: 0.2, momentum: 0.8, dampening: 0.3, weightDecay: 0.01 }, 1),
  memoryCase("rnn", { kind: "adagrad", lr: 0.1, lrDecay: 0.01, initialAccumulatorValue: 0.1 }, null),
  memoryCase("gru", { kind: "adam", lr: 0.02 }, 1),
  memoryCase("lstm", { kind: "momentum", lr: 0.05 }, null, true),
];

describe("Continue in PyTorch: exported files run with real PyTorch", () => {
  const results = CASES.map(() => ({ printed: "", engineLosses: [] as number[], net: null as Network | null, check: undefined as ((p: string, n: Network) => void) | undefined }));
  beforeAll(() => {
    const jobs = CASES.map((c, i) => {
      const r = c.run();
      const path = join(work, `case${i}.py`);
      writeFileSync(path, r.file);
      Object.assign(results[i], { engineLosses: r.engineLosses, net: r.net, check: r.check });
      return { path, args: r.args };
    });
    // The first file runs as a user would run it; the rest share one Python process (torch loads once).
    results[0].printed = python([jobs[0].path, ...jobs[0].args], { cwd: work });
    const rest = JSON.parse(python([join(ROOT, "test/pytorch/run_scripts.py")], { cwd: work, input: JSON.stringify(jobs.slice(1)) })) as string[];
    rest.forEach((p, i) => { results[i + 1].printed = p; });
  });

  it.each(CASES.map((c, i) => [c.name, i] as const))("%s: first loss = the engine's current loss to 1e-9, and training continues alike", (_name, i) => {
    const { printed, engineLosses, net, check } = results[i];
    const losses = lossesOf(printed);
    expect(printed).toMatch(/^step 6: loss /m); // numbering goes on from the browser's 5 steps
    expect(losses.length).toBeGreaterThanOrEqual(engineLosses.length);
    expect(Math.abs(losses[0] - engineLosses[0]) / Math.abs(engineLosses[0])).toBeLessThan(1e-9);
    expect(maxRelErr(losses.slice(0, engineLosses.length), engineLosses)).toBeLessThan(1e-9);
    check?.(printed, net!);
  });
});

describe("exportPytorch refuses what it cannot export, saying why", () => {
  const net = createNetwork({ cell: "gru", inputSize: 1, hiddenSize: 3, numLayers: 1, outputSize: 1, loss: "mse" });
  const opt = createOptimizer(net, { kind: "adam", lr: 0.01 });
  const batch: Batch = { T: 2, B: 1, inputs: Float64Array.of(0.1, 0.2), targets: Float64Array.of(0.2, 0.3) };

  it("names the problem", () => {
    expect(() => exportPytorch({ net, optimizer: opt, data: { kind: "batches", batches: [] } })).toThrow(/at least one batch/);
    const bi = createNetwork({ cell: "gru", inputSize: 1, hiddenSize: 3, numLayers: 1, outputSize: 1, loss: "mse", bidirectional: true });
    expect(() => exportPytorch({ net: bi, optimizer: createOptimizer(bi, { kind: "sgd", lr: 0.1 }), data: { kind: "batches", batches: [batch] } })).toThrow(/this one has a bidirectional network/);
    expect(() => exportPytorch({ net, optimizer: opt, data: { kind: "batches", batches: [{ ...batch, targets: Float64Array.of(1) }] } })).toThrow(/targets has 1 values/);
    expect(() => exportPytorch({ net, optimizer: opt, clipMaxNorm: -1, data: { kind: "batches", batches: [batch] } })).toThrow(/clipping norm must be a positive number/);
    expect(() => exportPytorch({ net, optimizer: createOptimizer(createNetwork({ cell: "rnn", inputSize: 1, hiddenSize: 3, numLayers: 1, outputSize: 1, loss: "mse" }), { kind: "sgd", lr: 0.1 }), data: { kind: "batches", batches: [batch] } })).toThrow(/made for 22 parameters, but the network has 58/);
    expect(() => exportPytorch({ net, optimizer: opt, data: { kind: "stream", ids: Int32Array.of(0, 0, 0), B: 1, T: 2, position: 0, state: null } })).toThrow(/one-hot network/);
    expect(() => exportPytorch({ net, optimizer: opt, data: { kind: "batches", batches: [batch], continueWith: { kind: "seriesWindows", pool: [Float64Array.of(1, 2)], T: 2, horizon: 1, B: 1 } } })).toThrow(/at least T \+ horizon = 3 values/);
  });

  it("writes the optimiser's settings, the learning rate as it is now", () => {
    const sgd = createOptimizer(net, { kind: "sgd", lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 1.5 });
    sgd.lr = 0.025;
    const text = exportPytorch({ net, optimizer: sgd, data: { kind: "batches", batches: [batch] } });
    expect(text).toContain("torch.optim.SGD(model.parameters(), lr=0.025, momentum=0.9, dampening=0, weight_decay=1.5, nesterov=True)");
    expect(text).toContain("self.rnn = torch.nn.GRU(1, 3, 1)");
  });
});
