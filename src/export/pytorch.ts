// src/export/pytorch.ts: "Continue in PyTorch": one runnable Python file that picks up a training run where the
// browser stopped.
//
// API (pure: no DOM, no worker; depends only on src/engine):
//
//   const text = exportPytorch({
//     net,                      // the Network as trained here: config and current weights
//     optimizer: opt,           // the Optimizer: its settings (learning rate included) and its state (moments, step)
//     clipMaxNorm: 1,           // clip_grad_norm_ before every step, or null
//     data,                     // what the widget trains on next (PytorchData, below)
//     steps: 200,               // optional: steps the script runs by default (--steps N overrides)
//     stepsDone: 1234,          // optional: steps taken here, so the script's step numbers go on from there
//     title: "Sine playground", // optional: first comment line
//   });
//   // offer `text` as a download named e.g. "sine-lstm.py" (type text/x-python)
//
// Data, one of:
//   { kind: "batches", batches, continueWith? }: independent batches, each from a zero state (sine windows, the
//      memory task). `batches[0]` is the batch the browser would train on next, so the script's first loss is the
//      browser's current loss. After the given batches the script goes on with `continueWith`:
//        { kind: "repeat" } (default): the given batches again, in order;
//        { kind: "seriesWindows", pool, T, horizon, B }: random windows of the training sequences (each of length
//          ≥ T + horizon): inputs x_0…x_{T−1}, targets x_horizon…x_{T−1+horizon} (torch's random generator);
//        { kind: "memoryTask", seqLength, numClasses, numDistractors, batchSize }: fresh memory-task batches (the
//          first symbol is the class; T − 1 distractors follow; loss at the last step).
//   { kind: "stream", ids, B, T, position, state, vocabulary? }: truncated BPTT over one token sequence (the
//      character lab): B parallel streams, stream b reads ids[b·S …] with S = ⌊(len − 1) / B⌋, one window of T
//      tokens per step at `position` (the next window starts there); the state is carried from window to window
//      (detached), and all streams restart from zeros at the start when a window would run past S. `state` is the
//      state the last window ended in (h [L][B][H], c for the LSTM) or null for zeros. With a vocabulary the text
//      is embedded as text (and the script can print a sample).
//
// The file holds: the model class (modules `rnn` and `head`, so its state_dict has exactly the engine's names), the
// weights and the optimiser state as float64 (base64 of little-endian bytes: exact and compact), the torch.optim
// optimiser with every setting, the data, and a training loop printing each loss. `--export model.json` writes the
// trained model back as a model file the notebook opens. Refused with an EngineError saying why: non-finite weights
// or optimiser state, data that does not fit the network, and what no training widget uses (bidirectional networks,
// token inputs, BCE, batches with `lengths`). With dropout PyTorch draws its own masks: losses agree on average only.
// Widget wiring: copy the batches (the data helpers refill one batch in place); for the character lab pass the
// TextStreams position of the next window and net.finalState() taken right after the last training step.
// More: docs/pytorch.md.
import {
  EngineError, exportModel, validateBatch,
  type Batch, type ModelConfig, type Network, type Optimizer, type OptimizerSettings,
} from "../engine";

export interface SeriesWindowsSource {
  kind: "seriesWindows";
  /** Training sequences, each at least T + horizon long. */
  pool: readonly Float64Array[];
  T: number;
  horizon: number;
  B: number;
}

export interface MemoryTaskSource {
  kind: "memoryTask";
  seqLength: number;
  numClasses: number;
  numDistractors: number;
  batchSize: number;
}

export interface BatchesData {
  kind: "batches";
  /** The next batches, in order; the first is the one the browser would train on next. */
  batches: readonly Batch[];
  continueWith?: { kind: "repeat" } | SeriesWindowsSource | MemoryTaskSource;
}

export interface StreamData {
  kind: "stream";
  /** The token sequence (training part), as class indices 0 … inputSize − 1. */
  ids: Int32Array;
  B: number;
  T: number;
  /** Where the next window starts in every stream (0 = a fresh pass from zeros). */
  position: number;
  /** The carried state the next window starts from: h [L][B][H] (and c for the LSTM); null for zeros. */
  state: { h: Float64Array; c: Float64Array | null } | null;
  /** One symbol per index (the character lab): the text is embedded as text. */
  vocabulary?: readonly string[] | null;
}

export type PytorchData = BatchesData | StreamData;

export interface PytorchExportInput {
  net: Network;
  optimizer: Optimizer;
  clipMaxNorm?: number | null;
  data: PytorchData;
  /** Steps the script runs unless given --steps (default 100). */
  steps?: number;
  /** Steps already taken in the browser (for the step numbers printed). */
  stepsDone?: number;
  title?: string;
}

const CELL_MODULE: Record<ModelConfig["cell"], string> = { rnn: "RNN", lstm: "LSTM", gru: "GRU" };

/** Little-endian bytes of a typed array, base64 (no Buffer: this runs in browsers too). */
function base64(bytes: Uint8Array): string {
  const A = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const out: string[] = [];
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out.push(A[n >> 18] + A[(n >> 12) & 63] + A[(n >> 6) & 63] + A[n & 63]);
  }
  if (i < bytes.length) {
    const n = (bytes[i] << 16) | ((i + 1 < bytes.length ? bytes[i + 1] : 0) << 8);
    out.push(A[n >> 18] + A[(n >> 12) & 63] + (i + 1 < bytes.length ? A[(n >> 6) & 63] : "=") + "=");
  }
  return out.join("");
}

function f64(a: ArrayLike<number>): string {
  const view = new DataView(new ArrayBuffer(a.length * 8));
  for (let i = 0; i < a.length; i++) view.setFloat64(i * 8, a[i], true);
  return `"${base64(new Uint8Array(view.buffer))}"`;
}

function i32(a: ArrayLike<number>): string {
  const view = new DataView(new ArrayBuffer(a.length * 4));
  for (let i = 0; i < a.length; i++) view.setInt32(i * 4, a[i], true);
  return `"${base64(new Uint8Array(view.buffer))}"`;
}

/** A Python literal for a number, bool or None (shortest round-trip decimal for floats). */
function py(v: number | boolean | null): string {
  if (v === null) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (!Number.isFinite(v)) throw new EngineError("value", `Cannot export the value ${v}.`);
  return String(v); // JavaScript's shortest round-trip form ("0.001", "1e-8") is a valid Python float or int
}

/** A Python string literal (JSON's escapes are valid Python, except that Python needs no "\/"). */
function pyStr(s: string): string {
  return JSON.stringify(s);
}

function checkFinite(what: string, a: ArrayLike<number>): void {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) throw new EngineError("value", `${what} holds ${a[i]} at index ${i}; it cannot be exported.`);
}

function checkInt(what: string, v: number, lo: number): void {
  if (!(Number.isInteger(v) && v >= lo)) throw new EngineError("config", `${what} must be a whole number ≥ ${lo}, but is ${v}.`);
}

function optimizerCode(s: OptimizerSettings): string {
  switch (s.kind) {
    case "sgd":
    case "momentum":
      return `torch.optim.SGD(model.parameters(), lr=${py(s.lr)}, momentum=${py(s.momentum)}, dampening=${py(s.dampening)}, weight_decay=${py(s.weightDecay)}, nesterov=${py(s.nesterov)})`;
    case "rmsprop":
      return `torch.optim.RMSprop(model.parameters(), lr=${py(s.lr)}, alpha=${py(s.alpha)}, eps=${py(s.eps)}, weight_decay=${py(s.weightDecay)}, momentum=${py(s.momentum)}, centered=${py(s.centered)})`;
    case "adam":
    case "adamw":
      return `torch.optim.${s.kind === "adam" ? "Adam" : "AdamW"}(model.parameters(), lr=${py(s.lr)}, betas=(${py(s.beta1)}, ${py(s.beta2)}), eps=${py(s.eps)}, weight_decay=${py(s.weightDecay)}, amsgrad=${py(s.amsgrad)})`;
    case "adagrad":
      return `torch.optim.Adagrad(model.parameters(), lr=${py(s.lr)}, lr_decay=${py(s.lrDecay)}, weight_decay=${py(s.weightDecay)}, initial_accumulator_value=${py(s.initialAccumulatorValue)}, eps=${py(s.eps)})`;
  }
}

function batchCode(c: ModelConfig, b: Batch): string {
  validateBatch(c, b, true);
  if (b.lengths) throw new EngineError("shape", "Export to PyTorch takes batches of sequences of one length (no lengths).");
  const x = c.inputKind === "onehot"
    ? `ints(${i32(b.inputIndices!)}).reshape(${b.T}, ${b.B})`
    : `floats(${f64(b.inputs!)}).reshape(${b.T}, ${b.B}, ${c.inputSize})`;
  const rows = c.outputMode === "all" ? `${b.T}, ${b.B}` : `${b.B}`;
  const y = c.loss === "xent"
    ? `ints(${i32(b.targetIndices!)}).reshape(${rows})`
    : `floats(${f64(b.targets!)}).reshape(${rows}, ${c.outputSize})`;
  return `    (${x},\n     ${y}),`;
}

function dataCode(c: ModelConfig, d: PytorchData): string {
  if (d.kind === "batches") {
    if (d.batches.length === 0) throw new EngineError("shape", "Export needs at least one batch: the one the browser would train on next.");
    const lines = ["# The next batches the browser would have trained on, in order (each from a zero state).", "BATCHES = ["];
    for (const b of d.batches) lines.push(batchCode(c, b));
    lines.push("]", "");
    const next = d.continueWith ?? { kind: "repeat" };
    if (next.kind === "repeat") {
      lines.push(
        "",
        "def batches():",
        '    """The batches above, over and over."""',
        "    while True:",
        "        for x, y in BATCHES:",
        "            yield x, y, True",
      );
    } else if (next.kind === "seriesWindows") {
      if (c.inputKind !== "dense" || c.loss !== "mse" || c.inputSize !== 1 || c.outputSize !== 1 || c.outputMode !== "all") {
        throw new EngineError("config", "Series windows need a network with one dense input and one MSE output at every step.");
      }
      checkInt("T", next.T, 1);
      checkInt("horizon", next.horizon, 0);
      checkInt("B", next.B, 1);
      const len = next.T + next.horizon;
      if (next.pool.length === 0 || next.pool.some((s) => s.length < len)) throw new EngineError("shape", `Every training sequence needs at least T + horizon = ${len} values.`);
      const pool = new Float64Array(next.pool.length * len);
      next.pool.forEach((s, i) => { pool.set(s.subarray(0, len), i * len); });
      checkFinite("The training sequences", pool);
      lines.push(
        "# The training sequences; after the batches above, windows are drawn from them at random.",
        `POOL = floats(${f64(pool)}).reshape(${next.pool.length}, ${len})`,
        `T, HORIZON, B = ${next.T}, ${next.horizon}, ${next.B}`,
        "",
        "",
        "def batches():",
        '    """The batches above, then B random windows per step: inputs x_0…x_{T−1}, targets x_h…x_{T−1+h}."""',
        "    for x, y in BATCHES:",
        "        yield x, y, True",
        "    while True:",
        "        pick = torch.randint(len(POOL), (B,))",
        "        x = POOL[pick, :T].t().reshape(T, B, 1)",
        "        y = POOL[pick, HORIZON:HORIZON + T].t().reshape(T, B, 1)",
        "        yield x, y, True",
      );
    } else {
      const { seqLength: T, numClasses: K, numDistractors: N, batchSize: B } = next;
      checkInt("seqLength", T, 2);
      checkInt("numClasses", K, 2);
      checkInt("numDistractors", N, 1);
      checkInt("batchSize", B, 1);
      if (c.inputKind !== "onehot" || c.loss !== "xent" || c.outputMode !== "last" || c.inputSize !== K + N || c.outputSize !== K) {
        throw new EngineError("config", `The memory task needs a one-hot network with inputSize ${K + N}, outputSize ${K}, cross-entropy at the last step.`);
      }
      lines.push(
        `T, K, N, B = ${T}, ${K}, ${N}, ${B}  # steps, classes (values), distractor symbols, batch`,
        "",
        "",
        "def batches():",
        '    """The batches above, then fresh memory-task batches: a value 0…K−1, T − 1 distractors K…K+N−1; target: the value."""',
        "    for x, y in BATCHES:",
        "        yield x, y, True",
        "    while True:",
        "        value = torch.randint(K, (B,))",
        "        x = K + torch.randint(N, (T, B))",
        "        x[0] = value",
        "        yield x, value, True",
      );
    }
    return lines.join("\n");
  }
  // Truncated BPTT over one token stream.
  if (c.inputKind !== "onehot" || c.loss !== "xent" || c.outputMode !== "all") throw new EngineError("config", "A token stream needs a one-hot network with cross-entropy at every step.");
  checkInt("B", d.B, 1);
  checkInt("T", d.T, 1);
  checkInt("position", d.position, 0);
  const S = Math.floor((d.ids.length - 1) / d.B);
  if (S < d.T) throw new EngineError("shape", `${d.B} streams of ${d.T + 1} tokens need ${d.B * (d.T + 1)} tokens, but the text has ${d.ids.length}.`);
  for (let i = 0; i < d.ids.length; i++) {
    if (!(d.ids[i] >= 0 && d.ids[i] < c.inputSize)) throw new EngineError("value", `ids[${i}] is ${d.ids[i]}, but symbols go from 0 to ${c.inputSize - 1}.`);
  }
  const lines: string[] = [];
  if (d.vocabulary) {
    if (d.vocabulary.length !== c.inputSize) throw new EngineError("shape", `The vocabulary has ${d.vocabulary.length} symbols, but the network's input size is ${c.inputSize}.`);
    lines.push(
      `VOCABULARY = json.loads(${pyStr(JSON.stringify(d.vocabulary))})`,
      "# The training text; symbol i of VOCABULARY is input i.",
      `TEXT = json.loads(${pyStr(JSON.stringify(Array.from(d.ids, (k) => d.vocabulary![k]).join("")))})`,
      "STOI = {s: i for i, s in enumerate(VOCABULARY)}",
      "IDS = torch.tensor([STOI[ch] for ch in TEXT])",
    );
  } else {
    lines.push("VOCABULARY = None", `IDS = ints(${i32(d.ids)})`);
  }
  const H = c.hiddenSize;
  const L = c.numLayers;
  const n = L * d.B * H;
  let state = "None";
  if (d.state) {
    if (!(d.state.h instanceof Float64Array) || d.state.h.length !== n) throw new EngineError("shape", `The carried state h must be a Float64Array [L][B][H] = [${L}][${d.B}][${H}].`);
    checkFinite("The carried state", d.state.h);
    const h = `floats(${f64(d.state.h)}).reshape(${L}, ${d.B}, ${H})`;
    if (c.cell === "lstm") {
      if (!(d.state.c instanceof Float64Array) || d.state.c.length !== n) throw new EngineError("shape", `An LSTM's carried state needs c as a Float64Array [L][B][H] = [${L}][${d.B}][${H}].`);
      checkFinite("The carried state", d.state.c);
      state = `(${h},\n         floats(${f64(d.state.c)}).reshape(${L}, ${d.B}, ${H}))`;
    } else {
      state = h;
    }
  }
  lines.push(
    `B, T = ${d.B}, ${d.T}  # parallel streams, steps per window (truncated BPTT)`,
    "S = (len(IDS) - 1) // B  # tokens per stream",
    `START_POSITION = ${d.position}`,
    "# The state the browser's last window ended in (carried into the next window), or None for zeros.",
    `START_STATE = ${state}`,
    "",
    "",
    "def batches():",
    '    """B streams, one window of T tokens each per step; all restart at their beginning (fresh) past S."""',
    "    position = START_POSITION",
    "    while True:",
    "        fresh = position == 0",
    "        if position + T > S:",
    "            position, fresh = 0, True",
    "        at = torch.arange(B)[None, :] * S + position + torch.arange(T)[:, None]  # [T][B]",
    "        yield IDS[at], IDS[at + 1], fresh",
    "        position += T",
  );
  return lines.join("\n");
}

/** The Python file (see the header comment of this module). */
export function exportPytorch(input: PytorchExportInput): string {
  const { net, optimizer: opt, data } = input;
  const c = net.config;
  const clip = input.clipMaxNorm ?? null;
  if (clip !== null && !(Number.isFinite(clip) && clip > 0)) throw new EngineError("config", `The clipping norm must be a positive number, but is ${clip}.`);
  if (opt.numParams !== net.numParams) throw new EngineError("shape", `The optimizer was made for ${opt.numParams} parameters, but the network has ${net.numParams}.`);
  const steps = input.steps ?? 100;
  checkInt("steps", steps, 1);
  const stepsDone = input.stepsDone ?? 0;
  checkInt("stepsDone", stepsDone, 0);
  const unsupported = [
    c.bidirectional ? "a bidirectional network" : "",
    c.inputKind === "tokens" ? "token inputs with an embedding" : "",
    c.loss !== "mse" && c.loss !== "xent" ? `the ${c.loss} loss` : "",
  ].filter((w) => w !== "");
  if (unsupported.length > 0) {
    throw new EngineError("config", `Export to PyTorch covers the training widgets' networks (one direction, dense or one-hot inputs, MSE or cross-entropy); this one has ${unsupported.join(" and ")}.`);
  }
  checkFinite("The network's weights", net.params);
  const settings = opt.settings;
  const state = opt.getState();
  for (const [name, b] of Object.entries(state.buffers)) checkFinite(`The optimizer's ${name}`, b);
  const isStream = data.kind === "stream";
  const hasVocabulary = data.kind === "stream" && data.vocabulary != null;
  const dataText = dataCode(c, data);

  const weights = net.layout.specs.map((s) => `    ${pyStr(s.name)}: floats(${f64(net.param(s.name))}).reshape(${s.shape.join(", ")}),`);
  const buffers = Object.entries(state.buffers).map(([name, b]) => `    ${pyStr(name)}: floats(${f64(b)}),`);
  // The model-file header exactly as the engine writes it (so --export gives a file the notebook opens).
  const header = JSON.parse(exportModel(net)) as Record<string, string | number | boolean>;
  delete header.state_dict;
  const rnnArgs = [
    `${c.inputSize}, ${c.hiddenSize}, ${c.numLayers}`,
    c.cell === "rnn" && c.nonlinearity !== "tanh" ? `nonlinearity=${pyStr(c.nonlinearity)}` : "",
    c.dropout > 0 ? `dropout=${py(c.dropout)}` : "",
  ].filter((a) => a !== "").join(", ");
  const title = (input.title ?? "RNN Notebook").replace(/[\r\n]+/g, " ");

  return `#!/usr/bin/env python3
# ${title}: a training run exported from RNN Notebook, to continue in PyTorch.
#
#   python3 this_file.py [--steps N] [--export model.json] [--save checkpoint.pt]${hasVocabulary ? " [--sample N]" : ""}
#
# Needs PyTorch (pip install torch, or Debian's python3-torch). Everything is float64, as in the browser, so the
# first loss printed is the loss the browser would have computed on its next step.
# Model: ${c.numLayers}-layer ${CELL_MODULE[c.cell]}, hidden size ${c.hiddenSize}, ${c.inputKind === "onehot" ? `one-hot inputs over ${c.inputSize} symbols` : `${c.inputSize} input value(s) per step`}, ${c.loss === "xent" ? `cross-entropy over ${c.outputSize} classes` : `MSE on ${c.outputSize} output(s)`} ${c.outputMode === "all" ? "at every step" : "at the last step"}.
# Optimiser: ${settings.kind} after ${state.stepCount} step(s)${clip !== null ? `; gradients clipped to norm ${clip}` : ""}.${c.dropout > 0 ? `
# Dropout ${c.dropout} between layers draws its own random masks here, so losses match the browser's only on average.` : ""}
import argparse
import array
import base64
import json
import sys

import torch

torch.set_default_dtype(torch.float64)


def floats(b64):
    """float64 values stored as base64 of little-endian bytes (exact)."""
    a = array.array("d", base64.b64decode(b64))
    if sys.byteorder == "big":
        a.byteswap()
    return torch.frombuffer(a, dtype=torch.float64).clone() if len(a) else torch.zeros(0)


def ints(b64):
    """int32 values stored as base64 of little-endian bytes, as int64 indices."""
    a = array.array("i", base64.b64decode(b64))
    if sys.byteorder == "big":
        a.byteswap()
    return torch.frombuffer(a, dtype=torch.int32).long() if len(a) else torch.zeros(0, dtype=torch.int64)


# The notebook's model-file header for this network (used by --export).
CONFIG = {${Object.entries(header).map(([k, v]) => `${pyStr(k)}: ${typeof v === "string" ? pyStr(v) : py(v)}`).join(", ")}}


class Model(torch.nn.Module):
    """The notebook's network: the recurrent module is \`rnn\` and the linear head \`head\` (the state_dict names)."""

    def __init__(self):
        super().__init__()
        self.rnn = torch.nn.${CELL_MODULE[c.cell]}(${rnnArgs})  # batch_first=False: [T][B][…]
        self.head = torch.nn.Linear(${c.hiddenSize}, ${c.outputSize})

    def forward(self, x, state=None):
${c.inputKind === "onehot" ? `        x = torch.nn.functional.one_hot(x, ${c.inputSize}).double()  # [T][B] symbols → [T][B][${c.inputSize}]\n` : ""}        out, state = self.rnn(x, state)
${c.outputMode === "last" ? "        out = out[-1]  # many-to-one: the head reads the last step only\n" : ""}        return self.head(out), state


def loss_fn(y, target):
${c.loss === "mse" ? "    return torch.nn.functional.mse_loss(y, target)" : `    return torch.nn.functional.cross_entropy(y.reshape(-1, ${c.outputSize}), target.reshape(-1))`}


model = Model()
model.load_state_dict({
${weights.join("\n")}
}, strict=True)

optimizer = ${optimizerCode(settings)}
# Its state as the browser left it: PyTorch's per-parameter buffers, flat over the parameters in state_dict order.
OPTIMIZER_STEPS = ${state.stepCount}
OPTIMIZER_BUFFERS = {
${buffers.join("\n")}
}
if OPTIMIZER_STEPS > 0:  # before its first step an optimiser has no state (SGD then starts its buffer at g)
    offset = 0
    for p in model.parameters():
        st = {name: flat[offset:offset + p.numel()].reshape(p.shape).clone() for name, flat in OPTIMIZER_BUFFERS.items()}
        ${settings.kind === "sgd" || settings.kind === "momentum"
    ? "# SGD keeps no step count; its momentum buffer exists once a step was taken."
    : settings.kind === "rmsprop"
      ? 'st["step"] = OPTIMIZER_STEPS if int(torch.__version__.split(".")[0]) < 2 else torch.tensor(float(OPTIMIZER_STEPS))'
      : 'st["step"] = torch.tensor(float(OPTIMIZER_STEPS))'}
        optimizer.state[p] = st
        offset += p.numel()
CLIP_MAX_NORM = ${py(clip)}

${dataText}


${isStream ? `def detach(state):
    return tuple(s.detach() for s in state) if isinstance(state, tuple) else state.detach()


` : ""}def train(steps, first_step):
    """Continues training: each step is zero_grad, loss, backward, clip, optimizer step (as in the browser)."""
    data = batches()
    state = ${isStream ? "START_STATE" : "None"}
    losses = []
    for k in range(steps):
        x, y, fresh = next(data)
        if fresh:
            state = None
        optimizer.zero_grad()
        out, state = model(x, state)
        loss = loss_fn(out, y)
        loss.backward()
        if CLIP_MAX_NORM is not None:
            torch.nn.utils.clip_grad_norm_(model.parameters(), CLIP_MAX_NORM)
        optimizer.step()
        state = ${isStream ? "detach(state)  # truncated BPTT: the state goes on, its gradient path does not" : "None"}
        losses.append(loss.item())
        print(f"step {first_step + k + 1}: loss {loss.item()!r}")
    return losses


def export_model(path):
    """Writes the model in the notebook's model-file format (open it with Load model)."""
    state = {k: v.double().tolist() for k, v in model.state_dict().items()}
    header = dict(CONFIG)
${hasVocabulary ? '    header["vocabulary"] = VOCABULARY\n' : ""}    with open(path, "w") as f:
        json.dump({**header, "state_dict": state}, f)

${hasVocabulary ? `
def sample(n, temperature=1.0):
    """n characters drawn from the model, starting after the text's first character."""
    x, state, out = IDS[:1].reshape(1, 1), None, []
    model.eval()  # no dropout while sampling
    with torch.no_grad():
        for _ in range(n):
            y, state = model(x, state)
            x = torch.multinomial(torch.softmax(y[-1, 0] / temperature, -1), 1).reshape(1, 1)
            out.append(VOCABULARY[x.item()])
    model.train()
    return "".join(out)

` : ""}
if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=${pyStr(`Continue training (${title}) in PyTorch.`)})
    parser.add_argument("--steps", type=int, default=${steps}, help="optimiser steps to run")
    parser.add_argument("--export", metavar="MODEL_JSON", help="then save the model for RNN Notebook")
    parser.add_argument("--save", metavar="CHECKPOINT", help="then torch.save model and optimizer state_dicts")
    parser.add_argument("--seed", type=int, default=0, help="seed of torch's generator (new random batches${hasVocabulary ? ", samples" : ""})")
${hasVocabulary ? '    parser.add_argument("--sample", type=int, default=0, metavar="N", help="then print N sampled characters")\n' : ""}    args = parser.parse_args()
    torch.manual_seed(args.seed)
    train(args.steps, ${stepsDone})
    if args.export:
        export_model(args.export)
    if args.save:
        torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict()}, args.save)
${hasVocabulary ? "    if args.sample:\n        print(sample(args.sample))\n" : ""}`;
}
