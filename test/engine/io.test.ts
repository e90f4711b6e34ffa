// test/engine/io.test.ts: model files round-trip bit for bit; malformed files are refused and change nothing.
import { describe, expect, it } from "vitest";
import { createNetwork, EngineError, exportModel, loadParams, parseModelFile, MAX_MODEL_FILE_CHARS } from "../../src/engine";

const charConfig = { cell: "lstm", inputSize: 4, hiddenSize: 3, numLayers: 2, outputSize: 4, loss: "xent", inputKind: "onehot" } as const;
const vocabulary = ["a", "b", "你", "😀"];

function sampleFile(): Record<string, unknown> {
  return JSON.parse(exportModel(createNetwork(charConfig, { seed: 4 }), vocabulary)) as Record<string, unknown>;
}

function refuse(file: unknown, pattern: RegExp): void {
  const text = typeof file === "string" ? file : JSON.stringify(file);
  let caught: unknown;
  try {
    parseModelFile(text);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(EngineError);
  expect((caught as EngineError).code).toBe("model-file");
  expect((caught as EngineError).message).toMatch(pattern);
}

describe("model files", () => {
  it.each(["rnn", "lstm", "gru"] as const)("%s: export → import is bit-identical", (cell) => {
    const net = createNetwork({ cell, inputSize: 3, hiddenSize: 5, numLayers: 3, outputSize: 2, loss: "mse" }, { seed: 9, init: { scheme: "orthogonal" } });
    net.params[0] = -0; // the sign of zero survives too
    net.params[1] = 1e-310; // and subnormals
    const text = exportModel(net);
    const file = parseModelFile(text);
    expect(file.config).toEqual(net.config);
    const a = new Uint8Array(net.params.slice().buffer);
    const b = new Uint8Array(file.params.buffer);
    expect(b).toEqual(a);
    const copy = createNetwork(file.config, { seed: 1 });
    loadParams(copy, file);
    expect(new Uint8Array(copy.params.slice().buffer)).toEqual(a);
    expect(exportModel(copy)).toBe(text);
  });

  it("uses PyTorch state_dict names and shapes, with the vocabulary in the header", () => {
    const f = sampleFile();
    expect(f.format).toBe("rnn-notebook-model");
    expect(f.vocabulary).toEqual(vocabulary);
    const sd = f.state_dict as Record<string, number[][]>;
    expect(Object.keys(sd)).toEqual([
      "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0",
      "rnn.weight_ih_l1", "rnn.weight_hh_l1", "rnn.bias_ih_l1", "rnn.bias_hh_l1",
      "head.weight", "head.bias",
    ]);
    expect([sd["rnn.weight_hh_l0"].length, sd["rnn.weight_hh_l0"][0].length]).toEqual([12, 3]);
    expect(parseModelFile(JSON.stringify(f)).vocabulary).toEqual(vocabulary);
  });

  it("refuses malformed files with a message saying what is wrong", () => {
    refuse("", /empty/);
    refuse("{not json", /not valid JSON/);
    refuse("[1,2]", /JSON object/);
    refuse({ ...sampleFile(), format: "keras" }, /"format" must be "rnn-notebook-model"/);
    refuse({ ...sampleFile(), version: 3 }, /format version 3; .* reads versions 1 and 2/);
    refuse({ ...sampleFile(), cell: "transformer" }, /"cell" must be/);
    refuse({ ...sampleFile(), hiddenSize: 0 }, /"hiddenSize" must be a positive whole number/);
    const f = sampleFile();
    const sd = f.state_dict as Record<string, unknown>;
    const missing = { ...sd };
    delete missing["head.bias"];
    refuse({ ...f, state_dict: missing }, /missing "head.bias"/);
    refuse({ ...f, state_dict: { ...sd, "rnn.weight_ih_l7": [[1]] } }, /does not have: "rnn.weight_ih_l7"/);
    refuse({ ...f, hiddenSize: 4 }, /"hiddenSize" in the header is 4, but the weights are those of hidden size 3/);
    refuse({ ...f, cell: "gru" }, /first axis stacks 3 gate block\(s\).*is "cell" right\?/);
    refuse({ ...f, vocabulary: ["a", "b"] }, /"vocabulary" has 2 entries, but inputSize is 4/);
    refuse({ ...f, vocabulary: ["a", "a", "b", "c"] }, /lists "a" twice \(entries 0 and 1\)/);
    refuse({ ...f, vocabulary: ["a", "b", "th", "c"] }, /"vocabulary" entry 2 is "th", but .* single characters/);
    const ragged = JSON.parse(JSON.stringify(f)) as { state_dict: Record<string, number[][]> };
    ragged.state_dict["rnn.weight_hh_l1"][2] = [1];
    refuse(ragged, /should be a list of 3 entries/);
    // JSON has no NaN; an overflowing literal parses as Infinity, and a string is not a number.
    refuse(JSON.stringify(f).replace(/"head.bias":\[[^\]]*\]/, '"head.bias":[1e999,0,0,0]'), /"head.bias" holds Infinity/);
    refuse(JSON.stringify(f).replace(/"head.bias":\[[^\]]*\]/, '"head.bias":["NaN",0,0,0]'), /should be a number/);
  });

  it("refuses a huge file before parsing it", () => {
    const huge = " ".repeat(MAX_MODEL_FILE_CHARS + 1);
    refuse(huge, /limited to 100,000,000/);
  });

  it("leaves the current network untouched when a file does not fit it", () => {
    const net = createNetwork(charConfig, { seed: 4 });
    const before = net.params.slice();
    const other = parseModelFile(exportModel(createNetwork({ ...charConfig, hiddenSize: 5 }, { seed: 2 })));
    expect(() => { loadParams(net, other); }).toThrow(/hiddenSize: file 5, network 3/);
    expect(Array.from(net.params)).toEqual(Array.from(before));
  });
});
