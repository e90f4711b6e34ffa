// src/engine/network.ts: a stacked recurrent network with a linear head: parameters, workspaces, forward and BPTT.
import { validateBatch, type Batch } from "./batch";
import { gruBackward, gruForward } from "./cells/gru";
import { lstmBackward, lstmForward } from "./cells/lstm";
import { rnnBackward, rnnForward } from "./cells/rnn";
import type { CellArgs } from "./cells/common";
import { directionCount, gateCount, normalizeConfig, short, type ModelConfig, type ModelConfigInput } from "./config";
import { EngineError } from "./errors";
import { initParams, type InitOptions } from "./init";
import { createKernels, type KernelChoice, type Kernels } from "./kernels";
import { makeLayout, type ParamLayout, type ParamSpec } from "./layout";
import { computeLoss } from "./loss";
import { createRng, type Rng } from "./rng";
import { layoutWorkspace, type Workspace } from "./workspace";

export interface NetworkOptions {
  seed?: number;
  init?: InitOptions;
  /** Matrix-product backend: "auto" (WebAssembly SIMD once initKernels() has loaded it, else TypeScript). */
  kernels?: KernelChoice;
}

/**
 * Where a window's recurrent state starts:
 * - "zeros";
 * - "carry" (truncated BPTT over long streams): the state the previous forward pass of this network ended in,
 *   detached (no gradient flows back into the previous window), whatever that window's length T was. The
 *   carried state belongs to the batch of B streams, not to a window shape: windows of 10, 10 and 7 steps
 *   continue one another, and rebuilding workspaces never drops it. It is PyTorch's h_n (with lengths: each
 *   sequence's state after its last valid step; bidirectional: both directions' final states). It starts from
 *   zeros on the first pass, after resetState(), and when B differs from the previous pass (other streams);
 * - given values h0 [L][N][B][H] (and c0 for the LSTM), N = 2 directions when bidirectional (PyTorch's h_0).
 */
export type InitialState = "zeros" | "carry" | { h0: Float64Array; c0?: Float64Array };

export interface ForwardOptions {
  initialState?: InitialState;
  /**
   * Training mode (dropout between layers on) or evaluation mode (off), as PyTorch's model.train()/eval(); default
   * `network.training`. Without `dropout` in the config it changes nothing.
   */
  training?: boolean;
  /** Reuse the dropout masks of the previous pass (same B and T) instead of drawing new ones: a fixed-mask gradient check. */
  keepDropoutMasks?: boolean;
}

export interface BackwardOptions {
  /** Also compute ∂L/∂inputs (dense inputs only); read it with inputGrads(). */
  inputGrads?: boolean;
}

/** How many workspaces (batch shapes) stay allocated before the arena is rebuilt. */
const MAX_WORKSPACES = 4;

type CellPass = (args: CellArgs) => void;
const FORWARD: Record<ModelConfig["cell"], CellPass> = { rnn: rnnForward, lstm: lstmForward, gru: gruForward };
const BACKWARD: Record<ModelConfig["cell"], CellPass> = { rnn: rnnBackward, lstm: lstmBackward, gru: gruBackward };

/**
 * The network owns one float64 arena (through its Kernels): θ at [0, P), ∂L/∂θ at [P, 2P), then one workspace
 * per batch shape used. Views returned by `params`, `grads` and `param()` are valid until the arena grows
 * (a new batch shape): take them again after a forward pass with a new shape.
 */
export class Network {
  readonly config: ModelConfig;
  readonly layout: ParamLayout;
  /** Training mode (dropout on) by default, as a fresh PyTorch module; set false for evaluation. */
  training = true;
  private kernelsImpl: Kernels;
  private readonly choice: KernelChoice;
  private workspaces: Workspace[] = [];
  private arenaEnd: number;
  /** The workspace of the last forward pass: what backward(), loss and traces refer to. */
  private current: Workspace | null = null;
  private currentBatch: Batch | null = null;
  private lastLoss = NaN;
  /** The state the last forward pass ended in, [L][N][B][H] (what "carry" starts from); B = carryB. */
  private carryH = new Float64Array(0);
  private carryC = new Float64Array(0);
  private carryB = 0;
  private hasCarry = false;
  private dropoutRng: Rng;

  constructor(configInput: ModelConfigInput, options: NetworkOptions = {}) {
    this.config = normalizeConfig(configInput);
    this.layout = makeLayout(this.config);
    this.choice = options.kernels ?? "auto";
    const P = this.layout.size;
    this.arenaEnd = 2 * P;
    this.kernelsImpl = createKernels(this.choice, this.arenaEnd);
    const seed = options.seed ?? 0;
    if (!Number.isFinite(seed)) throw new EngineError("config", `seed must be a finite number, but is ${seed}.`);
    initParams(this.params, this.config, this.layout, createRng(seed), options.init ?? {});
    this.dropoutRng = createRng(seed + 0x5eed);
  }

  get kernels(): Kernels {
    return this.kernelsImpl;
  }
  get numParams(): number {
    return this.layout.size;
  }
  /** θ, every parameter in state_dict order (a live view of the arena). */
  get params(): Float64Array {
    return this.kernelsImpl.heap.subarray(0, this.layout.size);
  }
  /** ∂L/∂θ from the last backward pass (a live view, same layout as `params`). */
  get grads(): Float64Array {
    const P = this.layout.size;
    return this.kernelsImpl.heap.subarray(P, 2 * P);
  }
  /** The loss of the last forward pass (NaN before any). */
  get loss(): number {
    return this.lastLoss;
  }

  spec(name: string): ParamSpec {
    const s = this.layout.specs.find((p) => p.name === name);
    if (!s) throw new EngineError("value", `There is no parameter ${short(name)}; this network has ${this.layout.specs.map((p) => p.name).join(", ")}.`);
    return s;
  }
  /** A live view of one parameter tensor (row-major, PyTorch shape). */
  param(name: string): Float64Array {
    const s = this.spec(name);
    return this.kernelsImpl.heap.subarray(s.offset, s.offset + s.size);
  }
  /** A live view of one parameter's gradient. */
  grad(name: string): Float64Array {
    const s = this.spec(name);
    const P = this.layout.size;
    return this.kernelsImpl.heap.subarray(P + s.offset, P + s.offset + s.size);
  }

  /** Replaces θ (a copy is taken). */
  setParams(theta: Float64Array): void {
    if (theta.length !== this.layout.size) throw new EngineError("shape", `setParams got ${theta.length} values, but this network has ${this.layout.size} parameters.`);
    for (let i = 0; i < theta.length; i++) {
      if (!Number.isFinite(theta[i])) throw new EngineError("value", `setParams got ${theta[i]} at index ${i}; every weight must be a finite number.`);
    }
    this.kernelsImpl.heap.set(theta, 0);
  }

  /** Re-seeds the dropout masks (the same seed and passes give the same masks). */
  seedDropout(seed: number): void {
    if (!Number.isFinite(seed)) throw new EngineError("config", `seed must be a finite number, but is ${seed}.`);
    this.dropoutRng = createRng(seed);
  }

  /** The workspace of the last forward pass (read by traces and generation). */
  get workspace(): Workspace | null {
    return this.current;
  }

  /** Forgets the carried recurrent state (the next "carry" starts from zeros). */
  resetState(): void {
    this.hasCarry = false;
  }

  private workspaceFor(B: number, T: number): Workspace {
    const found = this.workspaces.find((w) => w.B === B && w.T === T);
    if (found) return found;
    if (this.workspaces.length >= MAX_WORKSPACES) {
      // Rebuild a smaller arena holding θ and ∂L/∂θ only; old workspaces are dropped (the carried state lives
      // outside the arena and survives).
      const P = this.layout.size;
      const keep = this.kernelsImpl.heap.slice(0, 2 * P);
      this.kernelsImpl = createKernels(this.kernelsImpl.name, 2 * P);
      this.kernelsImpl.heap.set(keep, 0);
      this.workspaces = [];
      this.current = null;
      this.currentBatch = null;
      this.arenaEnd = 2 * P;
    }
    const { ws, end } = layoutWorkspace(this.config, B, T, this.arenaEnd);
    this.kernelsImpl.grow(end);
    this.arenaEnd = end;
    this.workspaces.push(ws);
    return ws;
  }

  /** Arena offset and width of what layer l reads: the inputs (l = 0) or the layer below's output. */
  private layerInput(ws: Workspace, l: number): { off: number; width: number } {
    const H = this.config.hiddenSize;
    if (l === 0) return { off: ws.x, width: this.config.inputSize };
    const below = ws.out[l - 1];
    if (below >= 0) return { off: below, width: directionCount(this.config) * H };
    return { off: ws.dirs[l - 1][0].h + ws.B * H, width: H };
  }

  /** Runs the network over the batch; returns the loss when targets are given (else NaN). */
  forward(batch: Batch, options: ForwardOptions = {}): number {
    const c = this.config;
    const hasTargets = hasTargetsFor(c, batch);
    validateBatch(c, batch, hasTargets);
    const { B, T } = batch;
    const ws = this.workspaceFor(B, T);
    // Lengths: masking runs only when some sequence is shorter than T (all-T lengths are the plain case).
    ws.hasLengths = false;
    if (batch.lengths) {
      ws.lengths.set(batch.lengths);
      for (let b = 0; b < B; b++) if (batch.lengths[b] < T) ws.hasLengths = true;
    } else {
      ws.lengths.fill(T);
    }
    const lens = ws.hasLengths ? ws.lengths : null;
    const keepMasks = options.keepDropoutMasks === true && ws.dropoutOn;
    ws.dropoutOn = c.dropout > 0 && (options.training ?? this.training);
    this.setInitialState(ws, options.initialState ?? "zeros");
    const k = this.kernelsImpl;
    const H = c.hiddenSize;
    const N = directionCount(c);
    const G = gateCount(c.cell);
    const GH = G * H;
    const BH = B * H;
    const relu = c.nonlinearity === "relu";
    if (c.inputKind === "dense") k.heap.set(batch.inputs!, ws.x);
    else if (c.inputKind === "tokens") this.gatherEmbedding(ws, batch.inputIndices!);
    for (let l = 0; l < c.numLayers; l++) {
      const { off: xOff, width: Din } = this.layerInput(ws, l);
      for (let d = 0; d < N; d++) {
        const L = this.layout.directions[l][d];
        const buf = ws.dirs[l][d];
        // Input projection for every step at once: gates[t] = x_t W_ih^T + b_ih (+ b_hh, except for the GRU,
        // whose b_hn must sit inside r ⊙ (…)).
        if (l === 0 && c.inputKind === "onehot") this.gatherInputColumns(batch.inputIndices!, buf.gates, L.Wih, Din, GH);
        else k.gemmNT(xOff, L.Wih, buf.gates, T * B, GH, Din, false);
        const heap = k.heap;
        const foldHh = c.cell !== "gru";
        for (let r = 0; r < T * B; r++) {
          const row = buf.gates + r * GH;
          if (foldHh) for (let j = 0; j < GH; j++) heap[row + j] += heap[L.bih + j] + heap[L.bhh + j];
          else for (let j = 0; j < GH; j++) heap[row + j] += heap[L.bih + j];
        }
        FORWARD[c.cell]({ kernels: k, Whh: L.Whh, bhh: L.bhh, buf, B, H, T, reverse: d === 1, lengths: lens, relu });
      }
      if (ws.out[l] >= 0) this.fillLayerOutput(ws, l, keepMasks);
    }
    // Head: y = o W_hy^T + b_y at every step ("all") or once, on the final states ("last").
    const heap = k.heap;
    const NH = N * H;
    const top = ws.dirs[c.numLayers - 1];
    let hRows: number;
    if (c.outputMode === "all") {
      hRows = ws.out[c.numLayers - 1] >= 0 ? ws.out[c.numLayers - 1] : top[0].h + BH;
    } else if (N === 1) {
      hRows = top[0].h + T * BH;
    } else {
      // [forward final (slot T) ; reverse final (slot 0)], PyTorch's cat(h_n[-2], h_n[-1]).
      for (let b = 0; b < B; b++) {
        heap.copyWithin(ws.last + b * NH, top[0].h + T * BH + b * H, top[0].h + T * BH + (b + 1) * H);
        heap.copyWithin(ws.last + b * NH + H, top[1].h + b * H, top[1].h + (b + 1) * H);
      }
      hRows = ws.last;
    }
    const O = c.outputSize;
    k.gemmNT(hRows, this.layout.Why, ws.y, ws.rows, O, NH, false);
    for (let r = 0; r < ws.rows; r++) {
      const row = ws.y + r * O;
      if (lens && c.outputMode === "all" && Math.floor(r / B) >= lens[r % B]) heap.fill(0, row, row + O);
      else for (let j = 0; j < O; j++) heap[row + j] += heap[this.layout.by + j];
    }
    this.saveFinalState(ws);
    ws.hasState = true;
    ws.hasGrads = false;
    this.current = ws;
    this.currentBatch = batch;
    this.lastLoss = hasTargets ? computeLoss(heap, c, ws, batch) : NaN;
    if (!hasTargets) ws.stepLoss.fill(NaN);
    return this.lastLoss;
  }

  /** Backpropagation through time over the last forward pass (which must have had targets). Overwrites ∂L/∂θ. */
  backward(options: BackwardOptions = {}): void {
    const ws = this.current;
    const batch = this.currentBatch;
    if (!ws || !batch || !hasTargetsFor(this.config, batch)) {
      throw new EngineError("state", "backward() needs a forward pass with targets first.");
    }
    const c = this.config;
    const k = this.kernelsImpl;
    const P = this.layout.size;
    const H = c.hiddenSize;
    const O = c.outputSize;
    const N = directionCount(c);
    const NH = N * H;
    const G = gateCount(c.cell);
    const GH = G * H;
    const { B, T } = ws;
    const BH = B * H;
    const Lc = c.numLayers;
    const lens = ws.hasLengths ? ws.lengths : null;
    const relu = c.nonlinearity === "relu";
    k.heap.fill(0, P, 2 * P);
    const g = (off: number): number => P + off; // a parameter's gradient offset
    const top = ws.dirs[Lc - 1];
    let hRows: number;
    if (c.outputMode === "all") hRows = ws.out[Lc - 1] >= 0 ? ws.out[Lc - 1] : top[0].h + BH;
    else hRows = N === 1 ? top[0].h + T * BH : ws.last;
    // Head: ∂L/∂W_hy = dy^T o, ∂L/∂b_y = Σ dy, and ∂L/∂h of the top layer from the head.
    k.gemmTN(ws.dy, hRows, g(this.layout.Why), O, NH, ws.rows, true);
    sumRows(k.heap, ws.dy, ws.rows, O, g(this.layout.by));
    if (c.outputMode === "all") {
      if (ws.dOut[Lc - 1] >= 0) {
        k.gemmNN(ws.dy, this.layout.Why, ws.dOut[Lc - 1], T * B, NH, O, false);
        this.splitLayerGrad(ws, Lc - 1);
      } else {
        k.gemmNN(ws.dy, this.layout.Why, top[0].dH, T * B, H, O, false);
      }
    } else {
      for (const buf of top) k.heap.fill(0, buf.dH, buf.dH + T * BH);
      if (N === 1) {
        // With lengths the gradient enters at step T−1 and passes through the padding to step n_b − 1.
        k.gemmNN(ws.dy, this.layout.Why, top[0].dH + (T - 1) * BH, B, H, O, false);
      } else {
        k.gemmNN(ws.dy, this.layout.Why, ws.dLast, B, NH, O, false);
        const heap = k.heap;
        for (let b = 0; b < B; b++) {
          heap.copyWithin(top[0].dH + (T - 1) * BH + b * H, ws.dLast + b * NH, ws.dLast + b * NH + H);
          heap.copyWithin(top[1].dH + b * H, ws.dLast + b * NH + H, ws.dLast + (b + 1) * NH);
        }
      }
    }
    for (let l = Lc - 1; l >= 0; l--) {
      const { off: xOff, width: Din } = this.layerInput(ws, l);
      for (let d = 0; d < N; d++) {
        const L = this.layout.directions[l][d];
        const buf = ws.dirs[l][d];
        BACKWARD[c.cell]({ kernels: k, Whh: L.Whh, bhh: L.bhh, buf, B, H, T, reverse: d === 1, lengths: lens, relu });
        const dPreH = c.cell === "gru" ? buf.dPreH : buf.dPre;
        // Parameter gradients summed over all T·B rows in one product each.
        if (l === 0 && c.inputKind === "onehot") this.scatterInputColumns(batch.inputIndices!, buf.dPre, g(L.Wih), Din, GH);
        else k.gemmTN(buf.dPre, xOff, g(L.Wih), GH, Din, T * B, true);
        // The state each step read: slots 0…T−1 (forward, h_{t−1}) or 1…T (reverse, h_{t+1}).
        k.gemmTN(dPreH, buf.h + (d === 1 ? BH : 0), g(L.Whh), GH, H, T * B, true);
        sumRows(k.heap, buf.dPre, T * B, GH, g(L.bih));
        sumRows(k.heap, dPreH, T * B, GH, g(L.bhh));
      }
      // ∂L/∂x_t: into the layer below, or ∂L/∂inputs (dense, when asked), or the embedding rows (tokens).
      let dxOff = -1;
      if (l > 0) dxOff = ws.dOut[l - 1] >= 0 ? ws.dOut[l - 1] : ws.dirs[l - 1][0].dH;
      else if ((options.inputGrads && c.inputKind === "dense") || c.inputKind === "tokens") dxOff = ws.dx;
      if (dxOff >= 0) {
        for (let d = 0; d < N; d++) k.gemmNN(ws.dirs[l][d].dPre, this.layout.directions[l][d].Wih, dxOff, T * B, Din, GH, d > 0);
        if (l > 0 && ws.dOut[l - 1] >= 0) this.splitLayerGrad(ws, l - 1);
      }
      if (l === 0 && c.inputKind === "tokens") this.scatterEmbedding(ws, batch.inputIndices!);
    }
    ws.hasGrads = true;
  }

  /** forward() then backward(); returns the loss. */
  forwardBackward(batch: Batch, options: ForwardOptions & BackwardOptions = {}): number {
    const loss = this.forward(batch, options);
    this.backward(options);
    return loss;
  }

  /** ∂L/∂inputs [T][B][D] of the last backward pass with inputGrads: true (a copy). */
  inputGrads(): Float64Array {
    const ws = this.current;
    if (!ws || !ws.hasGrads || this.config.inputKind !== "dense") throw new EngineError("state", "inputGrads() needs backward({ inputGrads: true }) on dense inputs first.");
    const n = ws.T * ws.B * this.config.inputSize;
    return this.kernelsImpl.heap.slice(ws.dx, ws.dx + n);
  }

  /** Head outputs of the last forward pass, [T][B][O] ("all", 0 at padded steps) or [B][O] ("last") (a copy). */
  outputs(): Float64Array {
    const ws = this.requireWorkspace();
    return this.kernelsImpl.heap.slice(ws.y, ws.y + ws.rows * this.config.outputSize);
  }

  /**
   * The state the last forward pass ended in (PyTorch's h_n, c_n): h [L][N][B][H] (N = 2 when bidirectional; with
   * lengths each sequence's state after its last valid step), and c for the LSTM; copies.
   */
  finalState(): { h: Float64Array; c: Float64Array | null } {
    this.requireWorkspace();
    return { h: this.carryH.slice(), c: this.config.cell === "lstm" ? this.carryC.slice() : null };
  }

  requireWorkspace(): Workspace {
    if (!this.current) throw new EngineError("state", "Run a forward pass first.");
    return this.current;
  }

  /** Copies each direction's final state into the carry store (outside the arena: rebuilds cannot drop it). */
  private saveFinalState(ws: Workspace): void {
    const c = this.config;
    const N = directionCount(c);
    const BH = ws.B * c.hiddenSize;
    const n = c.numLayers * N * BH;
    const isLstm = c.cell === "lstm";
    if (this.carryH.length !== n) {
      this.carryH = new Float64Array(n);
      this.carryC = new Float64Array(isLstm ? n : 0);
    }
    const heap = this.kernelsImpl.heap;
    for (let l = 0; l < c.numLayers; l++) {
      for (let d = 0; d < N; d++) {
        const buf = ws.dirs[l][d];
        const slot = (d === 0 ? ws.T : 0) * BH;
        const at = (l * N + d) * BH;
        this.carryH.set(heap.subarray(buf.h + slot, buf.h + slot + BH), at);
        if (isLstm) this.carryC.set(heap.subarray(buf.c + slot, buf.c + slot + BH), at);
      }
    }
    this.carryB = ws.B;
    this.hasCarry = true;
  }

  private setInitialState(ws: Workspace, init: InitialState): void {
    const heap = this.kernelsImpl.heap;
    const { B, T } = ws;
    const c = this.config;
    const N = directionCount(c);
    const BH = B * c.hiddenSize;
    const isLstm = c.cell === "lstm";
    const Lc = c.numLayers;
    // The initial state's slot: 0 for the forward direction, T for the reverse one.
    const slot = (d: number): number => (d === 0 ? 0 : T * BH);
    if (init === "carry" && this.hasCarry && this.carryB === B) {
      for (let l = 0; l < Lc; l++) {
        for (let d = 0; d < N; d++) {
          const buf = ws.dirs[l][d];
          const at = (l * N + d) * BH;
          heap.set(this.carryH.subarray(at, at + BH), buf.h + slot(d));
          if (isLstm) heap.set(this.carryC.subarray(at, at + BH), buf.c + slot(d));
        }
      }
      return;
    }
    if (init === "zeros" || init === "carry") {
      for (const dirs of ws.dirs) {
        dirs.forEach((buf, d) => {
          heap.fill(0, buf.h + slot(d), buf.h + slot(d) + BH);
          if (isLstm) heap.fill(0, buf.c + slot(d), buf.c + slot(d) + BH);
        });
      }
      return;
    }
    if (typeof init !== "object" || init === null) throw new EngineError("config", `initialState must be "zeros", "carry" or { h0, c0 }, but is ${short(init)}.`);
    const shape = N === 1 ? `[L][B][H] = [${Lc}][${B}][${c.hiddenSize}]` : `[L][2][B][H] = [${Lc}][2][${B}][${c.hiddenSize}]`;
    const n = Lc * N * BH;
    if (!(init.h0 instanceof Float64Array) || init.h0.length !== n) throw new EngineError("shape", `h0 must be a Float64Array ${shape} (${n} values).`);
    if (isLstm && (!(init.c0 instanceof Float64Array) || init.c0.length !== n)) throw new EngineError("shape", `An LSTM needs c0 as well: a Float64Array ${shape}.`);
    for (const a of isLstm ? [init.h0, init.c0!] : [init.h0]) {
      for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) throw new EngineError("value", `The initial state has ${a[i]} at index ${i}; it must be finite.`);
    }
    for (let l = 0; l < Lc; l++) {
      for (let d = 0; d < N; d++) {
        const buf = ws.dirs[l][d];
        const at = (l * N + d) * BH;
        heap.set(init.h0.subarray(at, at + BH), buf.h + slot(d));
        if (isLstm) heap.set(init.c0!.subarray(at, at + BH), buf.c + slot(d));
      }
    }
  }

  /** Layer l's output as the next layer reads it: [forward h_t ; reverse h_t] per row, times the dropout mask. */
  private fillLayerOutput(ws: Workspace, l: number, keepMasks: boolean): void {
    const heap = this.kernelsImpl.heap;
    const H = this.config.hiddenSize;
    const N = directionCount(this.config);
    const NH = N * H;
    const { B, T } = ws;
    const out = ws.out[l];
    ws.dirs[l].forEach((buf, d) => {
      const first = d === 0 ? buf.h + B * H : buf.h; // slot of h_0
      for (let r = 0; r < T * B; r++) heap.copyWithin(out + r * NH + d * H, first + r * H, first + (r + 1) * H);
    });
    const mask = ws.mask[l];
    if (mask < 0 || !ws.dropoutOn) return;
    const n = T * B * NH;
    if (!keepMasks) {
      const p = this.config.dropout;
      const keep = 1 / (1 - p);
      for (let i = 0; i < n; i++) heap[mask + i] = this.dropoutRng.next() < p ? 0 : keep;
    }
    for (let i = 0; i < n; i++) heap[out + i] *= heap[mask + i];
  }

  /** ∂L/∂out of layer l (dOut) back through the dropout mask into each direction's ∂L/∂h (set, not added). */
  private splitLayerGrad(ws: Workspace, l: number): void {
    const heap = this.kernelsImpl.heap;
    const H = this.config.hiddenSize;
    const N = directionCount(this.config);
    const NH = N * H;
    const { B, T } = ws;
    const dOut = ws.dOut[l];
    const mask = ws.mask[l];
    if (mask >= 0 && ws.dropoutOn) for (let i = 0; i < T * B * NH; i++) heap[dOut + i] *= heap[mask + i];
    ws.dirs[l].forEach((buf, d) => {
      for (let r = 0; r < T * B; r++) heap.copyWithin(buf.dH + r * H, dOut + r * NH + d * H, dOut + r * NH + (d + 1) * H);
    });
  }

  /** Token inputs: x[t][b] = embedding.weight[id] (zeros at padded steps, which nothing reads). */
  private gatherEmbedding(ws: Workspace, ids: Int32Array): void {
    const heap = this.kernelsImpl.heap;
    const D = this.config.inputSize;
    const E = this.layout.embedding;
    const { B } = ws;
    for (let r = 0; r < ids.length; r++) {
      const row = ws.x + r * D;
      if (ws.hasLengths && Math.floor(r / B) >= ws.lengths[r % B]) heap.fill(0, row, row + D);
      else heap.copyWithin(row, E + ids[r] * D, E + (ids[r] + 1) * D);
    }
  }

  /** ∂L/∂embedding.weight: each valid step's ∂L/∂x row added into its token's row (a scatter-add). */
  private scatterEmbedding(ws: Workspace, ids: Int32Array): void {
    const heap = this.kernelsImpl.heap;
    const D = this.config.inputSize;
    const gE = this.layout.size + this.layout.embedding;
    const { B } = ws;
    for (let r = 0; r < ids.length; r++) {
      if (ws.hasLengths && Math.floor(r / B) >= ws.lengths[r % B]) continue;
      const row = ws.dx + r * D;
      const dst = gE + ids[r] * D;
      for (let j = 0; j < D; j++) heap[dst + j] += heap[row + j];
    }
  }

  /** One-hot fast path: gates[t][b] = column idx of W_ih (no matrix product). */
  private gatherInputColumns(idx: Int32Array, gates: number, Wih: number, V: number, GH: number): void {
    const heap = this.kernelsImpl.heap;
    for (let r = 0; r < idx.length; r++) {
      const row = gates + r * GH;
      const col = Wih + idx[r];
      for (let j = 0; j < GH; j++) heap[row + j] = heap[col + j * V];
    }
  }

  /** ∂L/∂W_ih for one-hot inputs: add each row of dPre into the column of its symbol. */
  private scatterInputColumns(idx: Int32Array, dPre: number, gWih: number, V: number, GH: number): void {
    const heap = this.kernelsImpl.heap;
    for (let r = 0; r < idx.length; r++) {
      const row = dPre + r * GH;
      const col = gWih + idx[r];
      for (let j = 0; j < GH; j++) heap[col + j * V] += heap[row + j];
    }
  }
}

function hasTargetsFor(c: ModelConfig, b: Batch): boolean {
  return c.loss === "xent" ? b.targetIndices !== undefined : b.targets !== undefined;
}

/** out[j] += Σ_r a[r][j] over `rows` rows of width `n`. */
function sumRows(heap: Float64Array, a: number, rows: number, n: number, out: number): void {
  for (let r = 0; r < rows; r++) {
    const row = a + r * n;
    for (let j = 0; j < n; j++) heap[out + j] += heap[row + j];
  }
}

export function createNetwork(config: ModelConfigInput, options: NetworkOptions = {}): Network {
  return new Network(config, options);
}
