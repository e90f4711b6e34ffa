// test/engine/io-v2.test.ts: model files of every version 2 architecture (PyTorch names, bit-identical round trips),
// and the refusals issues 11 and 19 ask for: what disagrees is said, huge claims are refused before allocation,
// hostile values are quoted by a short prefix only.
import { describe, expect, it } from "vitest";
import {
  checkVocabulary, createNetwork, EngineError, exportModel, loadParams, makeLayout, parseModelFile, type ModelConfigInput,
} from "../../src/engine";

const architectures: { label: string; config: ModelConfigInput; vocabulary?: string[] }[] = [
  { label: "bidirectional LSTM, 2 layers", config: { cell: "lstm", inputSize: 3, hiddenSize: 4, numLayers: 2, outputSize: 2, loss: "mse", bidirectional: true } },
  { label: "ReLU RNN", config: { cell: "rnn", nonlinearity: "relu", inputSize: 2, hiddenSize: 5, numLayers: 3, outputSize: 3, loss: "xent" } },
  {
    label: "token GRU classifier (bidirectional, last, BCE) with its word vocabulary",
    config: { cell: "gru", inputSize: 4, hiddenSize: 3, numLayers: 1, outputSize: 1, loss: "bce", outputMode: "last", inputKind: "tokens", vocabSize: 5, bidirectional: true },
    vocabulary: ["<pad>", "the", "film", "was", "好"],
  },
  { label: "LSTM with dropout 0.25", config: { cell: "lstm", inputSize: 2, hiddenSize: 3, numLayers: 2, outputSize: 2, loss: "mse", dropout: 0.25 } },
];

function errorOf(text: string): EngineError {
  try {
    parseModelFile(text);
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    return e as EngineError;
  }
  throw new Error("the file was accepted");
}

describe("model files, version 2", () => {
  it.each(architectures)("$label: export → import is bit-identical, with PyTorch's state_dict names", ({ config, vocabulary }) => {
    const net = createNetwork(config, { seed: 3 });
    net.params[0] = -0;
    const text = exportModel(net, vocabulary ?? null);
    const raw = JSON.parse(text) as Record<string, unknown>;
    expect(raw.version).toBe(2);
    expect(Object.keys(raw.state_dict as object)).toEqual(makeLayout(net.config).specs.map((s) => s.name));
    const file = parseModelFile(text);
    expect(file.config).toEqual(net.config);
    expect(file.vocabulary).toEqual(vocabulary ?? null);
    expect(new Uint8Array(file.params.buffer)).toEqual(new Uint8Array(net.params.slice().buffer));
    const copy = createNetwork(file.config, { seed: 9 });
    loadParams(copy, file);
    expect(exportModel(copy, vocabulary ?? null)).toBe(text);
  });

  it("names the PyTorch tensors of a bidirectional token model in state_dict order", () => {
    const net = createNetwork(architectures[2].config);
    expect(net.layout.specs.map((s) => `${s.name}:${s.shape.join("x")}`)).toEqual([
      "embedding.weight:5x4",
      "rnn.weight_ih_l0:9x4", "rnn.weight_hh_l0:9x3", "rnn.bias_ih_l0:9", "rnn.bias_hh_l0:9",
      "rnn.weight_ih_l0_reverse:9x4", "rnn.weight_hh_l0_reverse:9x3", "rnn.bias_ih_l0_reverse:9", "rnn.bias_hh_l0_reverse:9",
      "head.weight:1x6", "head.bias:1",
    ]);
  });

  it("still writes version 1 for version 1 networks, and reads it", () => {
    const net = createNetwork({ cell: "gru", inputSize: 2, hiddenSize: 3, numLayers: 1, outputSize: 1, loss: "mse" });
    const text = exportModel(net);
    expect((JSON.parse(text) as { version: number }).version).toBe(1);
    expect(parseModelFile(text).config).toEqual(net.config);
  });

  it("runs a ReLU file with ReLU (not tanh)", () => {
    const relu = createNetwork(architectures[1].config, { seed: 1 });
    const file = parseModelFile(exportModel(relu));
    expect(file.config.nonlinearity).toBe("relu");
    const tanhText = exportModel(relu).replace('"nonlinearity":"relu"', '"nonlinearity":"tanh"');
    expect(parseModelFile(tanhText).config.nonlinearity).toBe("tanh");
  });

  const bi = (): Record<string, unknown> => JSON.parse(exportModel(createNetwork(architectures[0].config, { seed: 2 }))) as Record<string, unknown>;
  const tok = (): Record<string, unknown> => JSON.parse(exportModel(createNetwork(architectures[2].config, { seed: 2 }), architectures[2].vocabulary)) as Record<string, unknown>;

  it("says when the header's hiddenSize disagrees with the weights", () => {
    expect(errorOf(JSON.stringify({ ...bi(), hiddenSize: 6 })).message).toMatch(/"hiddenSize" in the header is 6, but the weights are those of hidden size 4.*Correct "hiddenSize" to 4/);
  });

  it("says when bidirectional weights meet a unidirectional header", () => {
    expect(errorOf(JSON.stringify({ ...bi(), bidirectional: false })).message).toMatch(/_reverse weights: is "bidirectional" missing/);
    const f = bi();
    const sd = { ...(f.state_dict as Record<string, unknown>) };
    delete sd["rnn.bias_hh_l1_reverse"];
    expect(errorOf(JSON.stringify({ ...f, state_dict: sd })).message).toMatch(/missing "rnn.bias_hh_l1_reverse".*the header says bidirectional/);
  });

  it("names a bad vocabulary entry", () => {
    const f = tok();
    expect(errorOf(JSON.stringify({ ...f, vocabulary: ["a", "b", "", "c", "d"] })).message).toMatch(/"vocabulary" entry 2 is ""/);
    expect(errorOf(JSON.stringify({ ...f, vocabulary: ["a", "b", 7, "c", "d"] })).message).toMatch(/"vocabulary" entry 2 is 7/);
    expect(errorOf(JSON.stringify({ ...f, vocabulary: ["a", "b", "c"] })).message).toMatch(/3 entries, but vocabSize is 5/);
  });

  it("refuses a model whose vocabulary is not the data's, naming the first difference, and changes nothing", () => {
    const file = parseModelFile(JSON.stringify(tok()));
    const net = createNetwork(architectures[2].config, { seed: 7 });
    const before = net.params.slice();
    expect(() => { loadParams(net, file, ["<pad>", "the", "movie", "was", "好"]); }).toThrow(/entry 2 is "film" in the model but "movie" in the data/);
    expect(() => { checkVocabulary(["a", "b"], ["a", "b", "c"]); }).toThrow(/2 entries, the data's 3/);
    expect(Array.from(net.params)).toEqual(Array.from(before));
    loadParams(net, file, architectures[2].vocabulary);
    expect(Array.from(net.params)).toEqual(Array.from(file.params));
  });

  it("refuses a tensor that claims a huge shape before allocating it", () => {
    // A header-consistent file whose head.bias claims [2048][2048][64]: a few kilobytes of text.
    const f = bi();
    const row = Array.from({ length: 64 }, () => 0);
    const plane = [row, ...Array.from({ length: 2047 }, () => 0)];
    const sd = { ...(f.state_dict as Record<string, unknown>), "head.bias": [plane, ...Array.from({ length: 2047 }, () => 0)] };
    const text = JSON.stringify({ ...f, state_dict: sd });
    expect(text.length).toBeLessThan(100_000);
    expect(errorOf(text).message).toMatch(/"head.bias" is \[2048\]\[2048\]\[64\], but .* needs \[2\]/);
  });

  it("refuses deeply nested arrays with a message, not a stack overflow", () => {
    const f = bi();
    const deep = `${"[".repeat(200_000)}1${"]".repeat(200_000)}`;
    const text = JSON.stringify(f).replace(/"head.bias":\[[^\]]*\]/, `"head.bias":${deep}`);
    const e = errorOf(text);
    expect(e.message).toMatch(/"head.bias" is nested more than 4 lists deep/);
    expect(e.message).not.toMatch(/call stack/);
  });

  it("quotes at most a short prefix of huge strings and keys", () => {
    const big = "x".repeat(200_000);
    const m1 = errorOf(JSON.stringify({ ...bi(), format: big })).message;
    expect(m1).toMatch(/"format" must be "rnn-notebook-model", but is "xxx.*200,002 characters/);
    expect(m1.length).toBeLessThan(400);
    const f = bi();
    const m2 = errorOf(JSON.stringify({ ...f, state_dict: { ...(f.state_dict as object), ["k".repeat(100_000)]: [1] } })).message;
    expect(m2).toMatch(/does not have: "kkk.*100,002 characters/);
    expect(m2.length).toBeLessThan(2000);
    const m3 = errorOf(JSON.stringify({ ...tok(), vocabulary: ["a", "b", big, "c", "d"] })).message;
    expect(m3.length).toBeLessThan(400);
  });
});
