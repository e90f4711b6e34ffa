// bench/lib/brainjs.ts: brain.js 1.6.1 recurrent nets, one sequence per update (it has no batching).
//
// Timing: brain.js' train() loops `iterations` times over a whole data set and reformats the data on every
// call, so after one warm-up train() we call its own per-sequence step, trainPattern (what train() calls
// per item: forward, backward, weight update), on pre-formatted sequences.
//
// Where brain.js' workload differs from ours (all of it brain.js design, none of it avoidable here):
//  - Optimiser: its own RMSProp (decay 0.999, eps 1e-8) with per-element gradient clipping at ±5 and L2
//    regularisation 1e-6 — not Adam. The learning rate given is used as its RMSProp step size.
//  - Float32Array storage (we compute in float64; about the same cost in plain JS).
//  - Cells: "RNN" is ReLU, not tanh. "LSTM" has no separate cell state: it computes
//    c = f⊙h_{t-1} + i⊙g, h = o⊙tanh(c) (its "retainCell" multiplies the previous OUTPUT), so it carries
//    one state vector, not two. "GRU" is the reset-before variant (W_hn·(r⊙h)), h = (1−z)⊙n + z⊙h.
//    Same matrix products per step as the standard cells in all three.
//  - sine: LSTMTimeStep etc. with inputSize 1, hidden [32], outputSize 1; the head's error is the raw
//    difference (MSE gradient up to a constant). A sequence of T+1 values gives T predictions; brain.js
//    also runs one extra forward step at the end ("end()") and backpropagates T+1 steps: counted as T tokens.
//  - char: brain.recurrent.LSTM/GRU/RNN on strings. Its input is an embedding matrix of (V+1)×V rows
//    (one row per symbol plus START) followed by a dense V→G·H product per gate, where our engine gathers
//    one column of W_ih (tfjs multiplies the one-hot row); the softmax has V+1 classes (an END token). A string of n
//    characters gives n+1 predictions (START→c0 … c_{n-1}→END), so strings of T−1 characters give T tokens.
import brainPackage from "brain.js";
import type { BrainJs, RNN, RNNTimeStep } from "./brain";
import type { Lib, Trainer } from "./trainer";
import { makeBatches, VOCAB, type Workload } from "./workloads";

/** Its bundled index.d.ts lacks the members used here; brain.d.ts describes them. */
const brain = brainPackage as unknown as BrainJs;

const POOL = 16;

class BrainTimeStepTrainer implements Trainer {
  readonly tokensPerStep: number;
  readonly note = "RMSProp+clip, f32";
  private readonly data: Float32Array[][];
  private k = 0;

  constructor(private readonly net: RNNTimeStep, w: Workload) {
    const seqs = makeBatches(w, POOL).map((b) => b.sequences[0].values!);
    // One pass of train() sizes and builds the network and binds trainPattern to the number-series path.
    net.train(seqs.slice(0, 1), { iterations: 1, errorThresh: 0, learningRate: w.lr, log: false });
    if (net.trainOpts.learningRate !== w.lr) throw new Error("brain.js: learning rate not applied");
    this.data = net.formatData(seqs);
    this.tokensPerStep = seqs[0].length - 1; // T predictions per sequence of T+1 values
  }

  step(): number {
    return this.net.trainPattern(this.data[this.k++ % this.data.length], true);
  }

  dispose(): void {
    /* nothing held outside the JS heap */
  }
}

class BrainCharTrainer implements Trainer {
  readonly tokensPerStep: number;
  readonly note = "RMSProp+clip, f32, V+1 classes";
  private readonly data: number[][];
  private k = 0;

  constructor(private readonly net: RNN, w: Workload) {
    // T−1 characters → T predictions (START→c0 … c_{T−2}→END).
    const texts = makeBatches(w, POOL).map((b) => b.sequences[0].text!.slice(0, w.T - 1));
    net.train(texts.slice(0, 1), { iterations: 1, errorThresh: 0, learningRate: w.lr, log: false });
    if (net.trainOpts.learningRate !== w.lr) throw new Error("brain.js: learning rate not applied");
    const V = net.dataFormatter.characters.length;
    if (V !== w.D) throw new Error(`brain.js vocabulary has ${V} symbols; expected ${w.D}`);
    if (net.model.output.rows !== V + 1) throw new Error(`brain.js output has ${net.model.output.rows} classes; expected ${V + 1}`);
    this.data = texts.map((s) => net.formatDataIn(s));
    this.tokensPerStep = this.data[0].length + 1;
    if (this.tokensPerStep !== w.T) throw new Error(`brain.js sequence gives ${this.tokensPerStep} steps; expected ${w.T}`);
  }

  step(): number {
    return this.net.trainPattern(this.data[this.k++ % this.data.length], true);
  }

  dispose(): void {
    /* nothing held outside the JS heap */
  }
}

export const brainLib: Lib = {
  id: "brain",
  label: "brain.js",
  unsupported: (w) => (w.batch === 1 ? null : "no batching"),
  create(w) {
    const r = brain.recurrent;
    if (w.task === "sine") {
      const Ctor = w.cell === "rnn" ? r.RNNTimeStep : w.cell === "lstm" ? r.LSTMTimeStep : r.GRUTimeStep;
      const net = new Ctor({ inputSize: w.D, hiddenLayers: [w.H], outputSize: w.O, learningRate: w.lr });
      return Promise.resolve(new BrainTimeStepTrainer(net, w));
    }
    const Ctor = w.cell === "rnn" ? r.RNN : w.cell === "lstm" ? r.LSTM : r.GRU;
    // The vocabulary is fixed up front (all 65 symbols), not inferred from the few training strings.
    const dataFormatter = new brain.utilities.DataFormatter([VOCAB]);
    const net = new Ctor({ hiddenLayers: [w.H], learningRate: w.lr, dataFormatter });
    return Promise.resolve(new BrainCharTrainer(net, w));
  },
};
