// test/engine/io-fuzz.test.ts: a seeded fuzz suite over model files (issue 19). Hundreds of hostile files made from
// real exports of every architecture; each must be refused with a clear EngineError message or accepted, never
// crash with a raw RangeError/TypeError, never echo a huge input, and never change the current model.
import { describe, expect, it } from "vitest";
import { createNetwork, createRng, EngineError, exportModel, loadParams, parseModelFile, type ModelConfigInput, type Rng } from "../../src/engine";

const CASES = 400;

const bases: { config: ModelConfigInput; vocabulary: string[] | null }[] = [
  { config: { cell: "lstm", inputSize: 4, hiddenSize: 3, numLayers: 2, outputSize: 4, loss: "xent", inputKind: "onehot" }, vocabulary: ["a", "b", "你", "😀"] },
  { config: { cell: "gru", inputSize: 3, hiddenSize: 4, numLayers: 2, outputSize: 2, loss: "mse", bidirectional: true }, vocabulary: null },
  { config: { cell: "lstm", inputSize: 3, hiddenSize: 2, numLayers: 1, outputSize: 1, loss: "bce", outputMode: "last", inputKind: "tokens", vocabSize: 4, bidirectional: true }, vocabulary: ["<pad>", "good", "bad", "film"] },
  { config: { cell: "rnn", nonlinearity: "relu", inputSize: 2, hiddenSize: 3, numLayers: 3, outputSize: 2, loss: "xent", dropout: 0.2 }, vocabulary: null },
];

const HEADER_KEYS = ["format", "version", "cell", "inputSize", "hiddenSize", "numLayers", "outputSize", "loss", "outputMode", "inputKind", "nonlinearity", "bidirectional", "vocabSize", "dropout", "vocabulary", "state_dict"];
const HUGE = "x".repeat(200_000);
// Deeply nested lists are spliced into the text after JSON.stringify (which would itself overflow on them).
const deep = (n: number): string => `@@DEEP${n}@@`;
const spliceDeep = (text: string): string => text.replace(/"@@DEEP(\d+)@@"/g, (_, n: string) => `${"[".repeat(Number(n))}0${"]".repeat(Number(n))}`).replace(/"@@INF@@"/g, "1e999");

function hostileValue(rng: Rng): unknown {
  const choices: (() => unknown)[] = [
    () => null, () => true, () => -1, () => 0, () => 1.5, () => 1e15, () => 1e308, () => -0, () => 2 ** 31, () => "", () => HUGE,
    () => [], () => ({}), () => [[[]]], () => "__proto__", () => "constructor", () => "relu", () => "tokens", () => "bce", () => 2,
    () => deep(1000 + rng.int(100_000)), () => [HUGE], () => ["th", "e"], () => Array.from({ length: 5 }, () => rng.normal()),
  ];
  return choices[rng.int(choices.length)]();
}

function hostileTensor(rng: Rng, shape: number[]): unknown {
  const [a, b] = [shape[0] ?? 1, shape[1] ?? 1];
  const choices: (() => unknown)[] = [
    () => deep(10 + rng.int(300_000)),
    // A few kilobytes of text claiming a huge shape.
    () => [[Array.from({ length: 64 }, () => 0), ...Array.from({ length: 2047 }, () => 0)], ...Array.from({ length: 2047 }, () => 0)],
    () => Array.from({ length: a + 1 }, () => Array.from({ length: b }, () => 0)),
    () => Array.from({ length: a }, () => "0"),
    () => Array.from({ length: a }, (_, i) => (i === 0 ? [1] : Array.from({ length: b }, () => 1))),
    () => null, () => ({ shape }), () => 7, () => [], () => [[]], () => HUGE, () => [null],
  ];
  return choices[rng.int(choices.length)]();
}

/** One hostile model file text, derived from a real export. */
function hostileFile(rng: Rng, baseText: string): string {
  const kind = rng.int(10);
  if (kind === 0) return ["", " ", "null", "[]", "42", '"model"', "{}", "\uFEFF{}", "{\"format\":", HUGE][rng.int(10)];
  if (kind === 1) return baseText.slice(0, rng.int(baseText.length)); // truncated
  if (kind === 2) {
    const at = rng.int(baseText.length);
    const junk = String.fromCharCode(...Array.from({ length: 1 + rng.int(8) }, () => rng.int(0x3000)));
    return baseText.slice(0, at) + junk + baseText.slice(at + rng.int(20));
  }
  const f = JSON.parse(baseText) as Record<string, unknown>;
  const sd = f.state_dict as Record<string, unknown>;
  const names = Object.keys(sd);
  const mutations = 1 + rng.int(3);
  for (let m = 0; m < mutations; m++) {
    const op = rng.int(6);
    if (op === 0) f[HEADER_KEYS[rng.int(HEADER_KEYS.length)]] = hostileValue(rng);
    else if (op === 1) Reflect.deleteProperty(f, HEADER_KEYS[rng.int(HEADER_KEYS.length)]);
    else if (op === 2 && typeof f.state_dict === "object" && f.state_dict !== null) {
      const key = ["__proto__", "constructor", "toString", "k".repeat(100_000), "rnn.weight_ih_l9", "rnn.weight_ih_l0_reverse", "embedding.weight"][rng.int(7)];
      Object.defineProperty(f.state_dict, key, { value: hostileValue(rng), enumerable: true, configurable: true, writable: true });
    } else if (op === 3) {
      const name = names[rng.int(names.length)];
      const t = sd[name];
      const shape = Array.isArray(t) ? [t.length, Array.isArray(t[0]) ? (t[0] as unknown[]).length : 0] : [1];
      sd[name] = hostileTensor(rng, shape);
    } else if (op === 4) {
      Reflect.deleteProperty(sd, names[rng.int(names.length)]);
    } else {
      // One number inside a tensor becomes something else.
      const name = names[rng.int(names.length)];
      const t = sd[name];
      if (Array.isArray(t) && t.length > 0) {
        const i = rng.int(t.length);
        const row = t[i] as unknown;
        const bad = [null, "1", [1], "@@INF@@", {}, true][rng.int(6)];
        if (Array.isArray(row) && row.length > 0) row[rng.int(row.length)] = bad;
        else t[i] = bad;
      }
    }
  }
  return spliceDeep(JSON.stringify(f));
}

describe("model file fuzzing", () => {
  it(`${CASES} hostile files: each refused with a clear message or accepted, the current model untouched`, () => {
    const rng = createRng(20261204);
    const exports = bases.map(({ config, vocabulary }) => {
      const net = createNetwork(config, { seed: 5 });
      return { net, text: exportModel(net, vocabulary), before: net.params.slice() };
    });
    let refused = 0;
    let accepted = 0;
    for (let i = 0; i < CASES; i++) {
      const base = exports[i % exports.length];
      const text = hostileFile(rng, base.text);
      let error: unknown = null;
      try {
        const file = parseModelFile(text);
        accepted++;
        try {
          loadParams(base.net, file);
          base.before = base.net.params.slice(); // a file that fits is loaded: that is the new current model
        } catch (e) {
          expect(e, `case ${i}: loadParams`).toBeInstanceOf(EngineError);
          expect(Array.from(base.net.params), `case ${i}: model untouched`).toEqual(Array.from(base.before));
        }
      } catch (e) {
        error = e;
      }
      if (error === null) continue;
      refused++;
      expect(error, `case ${i}: ${error instanceof Error ? error.message : typeof error}`).toBeInstanceOf(EngineError);
      const msg = (error as EngineError).message;
      expect(msg.length, `case ${i}: message length`).toBeLessThan(1200);
      expect(msg.length, `case ${i}: message`).toBeGreaterThan(15);
      expect(msg, `case ${i}`).not.toMatch(/Maximum call stack|Invalid typed array|Cannot read prop|\[object Object\]|undefined|is not a function/);
      expect(Array.from(base.net.params), `case ${i}: model untouched`).toEqual(Array.from(base.before));
    }
    expect(refused + accepted).toBe(CASES);
    // The generator is hostile: nearly every file is refused (an accepted one changed nothing the header says).
    expect(refused).toBeGreaterThan(CASES * 0.8);
  }, 120_000);
});
