// test/engine/seq2seq-io.test.ts: seq2seq model files: bit-identical round trips, refusals of malformed files,
// vocabulary checks, and loading into real PyTorch with load_state_dict(strict=True).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { Rng } from "../../src/engine/rng";
import {
  ATTENTION_KINDS, checkVocabularies, exportSeq2Seq, loadSeq2SeqParams, packSeq2SeqBatch, parseSeq2SeqFile,
  SEQ2SEQ_CELLS, Seq2SeqModel, type Seq2SeqConfig,
} from "../../src/engine/seq2seq";

const here = dirname(fileURLToPath(import.meta.url));
const SCRIPT = resolve(here, "../../scripts/fixtures/make_seq2seq.py");
const PYTHON = "/usr/bin/python3";
const hasTorch = spawnSync(PYTHON, ["-c", "import torch"], { encoding: "utf8" }).status === 0;

function cfg(cell: Seq2SeqConfig["cell"], attention: Seq2SeqConfig["attention"]): Seq2SeqConfig {
  return { cell, attention, sourceVocabSize: 6, targetVocabSize: 5, embeddingSize: 3, hiddenSize: 4 };
}

function bits(a: Float64Array): string {
  return Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length * 2)).join(",");
}

const combos = SEQ2SEQ_CELLS.flatMap((cell) => ATTENTION_KINDS.map((attention) => ({ cell, attention })));
const batch = packSeq2SeqBatch([{ source: [2, 3, 4, 5], target: [2, 3] }, { source: [5, 1], target: [4, 4, 2] }], { sos: 0, eos: 1, pad: 1 });

describe("seq2seq model files", () => {
  it.each(combos)("round-trip bit-identically: $cell, attention $attention", ({ cell, attention }) => {
    const model = new Seq2SeqModel(cfg(cell, attention), { kernels: "ts", rng: new Rng(3) });
    const theta = model.params;
    theta[0] = -0;
    theta[1] = 5e-324;
    theta[2] = 0.1 + 0.2;
    theta[3] = -1.7976931348623157e308;
    const text = exportSeq2Seq(model, { sourceVocabulary: ["a", "b", "c", "d", "e", "<pad>"], targetVocabulary: ["<s>", "</s>", "AH0", "B", "K"], special: { sos: 0, eos: 1 } });
    const file = parseSeq2SeqFile(text);
    expect(file.config).toEqual(model.config);
    expect(bits(file.params)).toBe(bits(model.getParams()));
    expect(file.targetVocabulary).toEqual(["<s>", "</s>", "AH0", "B", "K"]);
    expect(file.special).toEqual({ sos: 0, eos: 1 });
    // The state_dict keys are the PyTorch module's, in its order.
    expect(Object.keys((JSON.parse(text) as { state_dict: object }).state_dict)).toEqual(model.layout.specs.map((s) => s.name));
    const other = new Seq2SeqModel(cfg(cell, attention), { kernels: "ts", rng: new Rng(4) });
    loadSeq2SeqParams(other, file);
    expect(exportSeq2Seq(other, { sourceVocabulary: ["a", "b", "c", "d", "e", "<pad>"], targetVocabulary: ["<s>", "</s>", "AH0", "B", "K"], special: { sos: 0, eos: 1 } })).toBe(text);
  });

  const model = new Seq2SeqModel(cfg("gru", "additive"), { kernels: "ts", rng: new Rng(5) });
  const good = JSON.parse(exportSeq2Seq(model)) as Record<string, unknown>;
  const sd = good.state_dict as Record<string, unknown>;
  const edit = (f: (o: Record<string, unknown>) => void): string => {
    const o = structuredClone(good);
    f(o);
    return JSON.stringify(o);
  };
  const cases: [string, string, RegExp][] = [
    ["empty text", "  ", /The file is empty/],
    ["not JSON", "{state_dict:", /not valid JSON/],
    ["a list", "[1,2]", /must be a JSON object/],
    ["another format", edit((o) => (o.format = "rnn-notebook-model")), /"format" must be "rnn-notebook-seq2seq".*not an encoder–decoder/],
    ["a newer version", edit((o) => (o.version = 2)), /format version 2/],
    ["an unknown cell", edit((o) => (o.cell = "transformer")), /"cell" must be one of rnn, lstm, gru, but is "transformer"/],
    ["an unknown attention", edit((o) => (o.attention = "luong")), /"attention" must be one of additive, dot, general, none/],
    ["a huge vocabulary (refused before allocating)", edit((o) => (o.sourceVocabSize = 1e9)), /sourceVocabSize must be a whole number from 1 to 100000, but is 1000000000/],
    ["too many parameters", edit((o) => { o.targetVocabSize = 100000; o.hiddenSize = 1024; }), /parameters; the limit is 20,000,000/],
    ["a missing tensor", edit((o) => delete (o.state_dict as Record<string, unknown>)["decoder.out.bias"]), /missing "decoder.out.bias" \(\[5\]\)/],
    ["a tensor of another attention", edit((o) => ((o.state_dict as Record<string, unknown>)["decoder.attention.W.weight"] = [[0]])), /does not have: "decoder.attention.W.weight".*is "attention" right\?/],
    ["a wrong shape", edit((o) => ((o.state_dict as Record<string, unknown>)["decoder.attention.Wa.weight"] = [[1, 2], [3, 4]])), /"decoder.attention.Wa.weight" must be \[4\]\[4\] \(4 rows of 4\), but is a list of 2/],
    ["a short row", edit((o) => ((o.state_dict as Record<string, number[][]>)["decoder.out.weight"][2] = [1, 2])), /"decoder.out.weight"\[2\] must be a list of 4 numbers/],
    ["a non-number", edit((o) => ((o.state_dict as Record<string, unknown[]>)["decoder.out.bias"][1] = "x".repeat(5000))), /"decoder.out.bias"\[1\] must be a finite number, but is "x{30,40}…\.$/],
    ["a vocabulary of the wrong size", edit((o) => (o.targetVocabulary = ["a", "b"])), /"targetVocabulary" has 2 tokens, but targetVocabSize is 5/],
    ["a repeated token", edit((o) => (o.targetVocabulary = ["a", "b", "a", "c", "d"])), /lists "a" twice \(ids 0 and 2\)/],
    ["a special id out of range", edit((o) => (o.specialTokens = { sos: 0, eos: 9 })), /"specialTokens.eos" must be a target id from 0 to 4, but is 9/],
  ];
  it.each(cases)("refuses %s", (_what, text, message) => {
    expect(() => parseSeq2SeqFile(text)).toThrow(message);
  });

  it("keeps messages short whatever the file holds", () => {
    const text = edit((o) => (o.cell = "y".repeat(100000)));
    let message = "";
    try {
      parseSeq2SeqFile(text);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/"cell" must be one of/);
    expect(message.length).toBeLessThan(200);
  });

  it("refuses a file of another configuration and leaves the model as it was", () => {
    const lstm = new Seq2SeqModel(cfg("lstm", "additive"), { kernels: "ts", rng: new Rng(6) });
    const before = lstm.getParams();
    expect(() => { loadSeq2SeqParams(lstm, parseSeq2SeqFile(JSON.stringify(good))); }).toThrow(/does not fit this model \(cell: file gru, model lstm\)/);
    expect(lstm.getParams()).toEqual(before);
    expect(Object.keys(sd)).toHaveLength(18);
  });

  it("checks a file's vocabularies against the data's", () => {
    const file = parseSeq2SeqFile(exportSeq2Seq(model, { sourceVocabulary: ["a", "b", "c", "d", "e", "f"], targetVocabulary: ["<s>", "</s>", "x", "y", "z"] }));
    expect(() => { checkVocabularies(file, { source: ["a", "b", "c", "d", "e", "f"], target: ["<s>", "</s>", "x", "y", "z"] }); }).not.toThrow();
    expect(() => { checkVocabularies(file, { source: ["a", "b", "c", "d", "e"], target: ["<s>", "</s>", "x", "y", "z"] }); }).toThrow(/source vocabulary has 6 tokens, but the data's has 5/);
    expect(() => { checkVocabularies(file, { source: ["a", "b", "c", "d", "e", "f"], target: ["<s>", "</s>", "x", "w", "z"] }); }).toThrow(/target vocabulary differs from the data's at id 3 \(model "y", data "w"\)/);
  });
});

describe.skipIf(!hasTorch)("seq2seq model files in PyTorch", () => {
  it("load with load_state_dict(strict=True) and give the engine's loss, every cell and attention", () => {
    const nest2 = (a: Int32Array, rows: number): number[][] => Array.from({ length: rows }, (_, r) => Array.from(a.subarray(r * batch.B, (r + 1) * batch.B)));
    const plainBatch = { source: nest2(batch.source, batch.S), sourceLengths: Array.from(batch.sourceLengths), targetIn: nest2(batch.targetIn, batch.U), targetOut: nest2(batch.targetOut, batch.U) };
    const ours = combos.map(({ cell, attention }) => {
      const model = new Seq2SeqModel(cfg(cell, attention), { kernels: "ts", rng: new Rng(12) });
      return { loss: model.forward(batch), text: exportSeq2Seq(model) };
    });
    const dir = mkdtempSync(join(tmpdir(), "s2s-"));
    try {
      const job = join(dir, "jobs.json");
      writeFileSync(job, JSON.stringify(ours.map((o) => ({ model: o.text, batch: plainBatch }))));
      // One Python process for all twelve models: importing torch takes seconds.
      const run = spawnSync(PYTHON, [SCRIPT, "check", job], { encoding: "utf8" });
      expect(run.stderr).toBe("");
      const torchLosses = JSON.parse(run.stdout) as number[];
      expect(torchLosses).toHaveLength(combos.length);
      torchLosses.forEach((l, i) => { expect(Math.abs(l - ours[i].loss) / ours[i].loss, `${combos[i].cell} ${combos[i].attention}`).toBeLessThan(1e-12); });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
