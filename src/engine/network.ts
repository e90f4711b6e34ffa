// src/engine/network.ts: a stacked recurrent network with a linear head: parameters, workspaces, forward and BPTT.
import { validateBatch, type Batch } from "./batch";
import { gruBackward, gruForward } from "./cells/gru";
import { lstmBackward, lstmForward } from "./cells/lstm";
import { rnnBackward, rnnForward } from "./cells/rnn";
import type { CellArgs } from "./cells/common";
import { gateCount, normalizeConfig, type ModelConfig, type ModelConfigInput } from "./config";
import { EngineError } from "./errors";
import { initParams, type InitOptions } from "./init";
import { createKernels, type KernelChoice, type Kernels } from "./kernels";
import { makeLayout, type ParamLayout, type ParamSpec } from "./layout";
import { computeLoss } from "./loss";
import { createRng } from "./rng";
import { layoutWorkspace, type Workspace } from "./workspace";

export interface NetworkOptions {
  seed?: number;
  init?: InitOptions;
  /** Matrix-product backend: "auto" (WebAssembly SIMD once initKernels() has loaded it, else TypeScript). */
  kernels?: KernelChoice;
}

/**
 * Where a window's recurrent state starts: zeros, the state the previous window of the same batch shape ended
 * in (truncated BPTT over a long stream), or given values h0 [L][B][H] (and c0 for the LSTM).
 */
export type InitialState = "zeros" | "carry" | { h0: Float64Array; c0?: Float64Array };

export interface ForwardOptions {
  initialState?: InitialState;
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
  private kernelsImpl: Kernels;
  private readonly choice: KernelChoice;
  private workspaces: Workspace[] = [];
  private arenaEnd: number;
  /** The workspace of the last forward pass: what backward(), loss and traces refer to. */
  private current: Workspace | null = null;
  private currentBatch: Batch | null = null;
  private lastLoss = NaN;

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
    if (!s) throw new EngineError("value", `There is no parameter "${name}"; this network has ${this.layout.specs.map((p) => p.name).join(", ")}.`);
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

  /** The workspace of the last forward pass (read by traces and generation). */
  get workspace(): Workspace | null {
    return this.current;
  }

  /** Forgets the carried recurrent state of every batch shape (the next "carry" starts from zeros). */
  resetState(): void {
    for (const ws of this.workspaces) ws.hasState = false;
  }

  private workspaceFor(B: number, T: number): Workspace {
    const found = this.workspaces.find((w) => w.B === B && w.T === T);
    if (found) return found;
    if (this.workspaces.length >= MAX_WORKSPACES) {
      // Rebuild a smaller arena holding θ and ∂L/∂θ only; old workspaces (and carried states) are dropped.
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

  /** Runs the network over the batch; returns the loss when targets are given (else NaN). */
  forward(batch: Batch, options: ForwardOptions = {}): number {
    const c = this.config;
    const hasTargets = c.loss === "mse" ? batch.targets !== undefined : batch.targetIndices !== undefined;
    validateBatch(c, batch, hasTargets);
    const { B, T } = batch;
    const ws = this.workspaceFor(B, T);
    this.setInitialState(ws, options.initialState ?? "zeros");
    const k = this.kernelsImpl;
    const H = c.hiddenSize;
    const G = gateCount(c.cell);
    const GH = G * H;
    if (c.inputKind === "dense") k.heap.set(batch.inputs!, ws.x);
    for (let l = 0; l < c.numLayers; l++) {
      const L = this.layout.layers[l];
      const buf = ws.layers[l];
      const Din = L.inputSize;
      // Input projection for every step at once: gates[t] = x_t W_ih^T + b_ih (+ b_hh, except for the GRU,
      // whose b_hn must sit inside r ⊙ (…)).
      if (l === 0 && c.inputKind === "onehot") {
        this.gatherInputColumns(batch.inputIndices!, buf.gates, L.Wih, Din, GH);
      } else {
        const xOff = l === 0 ? ws.x : ws.layers[l - 1].h + B * H;
        k.gemmNT(xOff, L.Wih, buf.gates, T * B, GH, Din, false);
      }
      const heap = k.heap;
      const foldHh = c.cell !== "gru";
      for (let r = 0; r < T * B; r++) {
        const row = buf.gates + r * GH;
        if (foldHh) for (let j = 0; j < GH; j++) heap[row + j] += heap[L.bih + j] + heap[L.bhh + j];
        else for (let j = 0; j < GH; j++) heap[row + j] += heap[L.bih + j];
      }
      FORWARD[c.cell]({ kernels: k, Whh: L.Whh, bhh: L.bhh, buf, B, H, T });
    }
    // Head: y = h^(L−1) W_hy^T + b_y at every step ("all") or at the last step ("last").
    const top = ws.layers[c.numLayers - 1];
    const hRows = c.outputMode === "all" ? top.h + B * H : top.h + T * B * H;
    const O = c.outputSize;
    k.gemmNT(hRows, this.layout.Why, ws.y, ws.rows, O, H, false);
    const heap = k.heap;
    for (let r = 0; r < ws.rows; r++) {
      const row = ws.y + r * O;
      for (let j = 0; j < O; j++) heap[row + j] += heap[this.layout.by + j];
    }
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
    const G = gateCount(c.cell);
    const GH = G * H;
    const { B, T } = ws;
    const BH = B * H;
    k.heap.fill(0, P, 2 * P);
    const g = (off: number): number => P + off; // a parameter's gradient offset
    const top = ws.layers[c.numLayers - 1];
    const hRows = c.outputMode === "all" ? top.h + BH : top.h + T * BH;
    // Head: ∂L/∂W_hy = dy^T h, ∂L/∂b_y = Σ dy, and ∂L/∂h^(L−1) from the head.
    k.gemmTN(ws.dy, hRows, g(this.layout.Why), O, H, ws.rows, true);
    sumRows(k.heap, ws.dy, ws.rows, O, g(this.layout.by));
    if (c.outputMode === "all") {
      k.gemmNN(ws.dy, this.layout.Why, top.dH, T * B, H, O, false);
    } else {
      k.heap.fill(0, top.dH, top.dH + T * BH);
      k.gemmNN(ws.dy, this.layout.Why, top.dH + (T - 1) * BH, B, H, O, false);
    }
    for (let l = c.numLayers - 1; l >= 0; l--) {
      const L = this.layout.layers[l];
      const buf = ws.layers[l];
      BACKWARD[c.cell]({ kernels: k, Whh: L.Whh, bhh: L.bhh, buf, B, H, T });
      const dPreH = c.cell === "gru" ? buf.dPreH : buf.dPre;
      const Din = L.inputSize;
      // Parameter gradients summed over all T·B rows in one product each.
      if (l === 0 && c.inputKind === "onehot") {
        this.scatterInputColumns(batch.inputIndices!, buf.dPre, g(L.Wih), Din, GH);
      } else {
        const xOff = l === 0 ? ws.x : ws.layers[l - 1].h + BH;
        k.gemmTN(buf.dPre, xOff, g(L.Wih), GH, Din, T * B, true);
      }
      k.gemmTN(dPreH, buf.h, g(L.Whh), GH, H, T * B, true); // h slots 0…T−1 are h_{t−1}
      sumRows(k.heap, buf.dPre, T * B, GH, g(L.bih));
      sumRows(k.heap, dPreH, T * B, GH, g(L.bhh));
      // ∂L/∂x_t: into the layer below, or ∂L/∂inputs when asked.
      if (l > 0) k.gemmNN(buf.dPre, L.Wih, ws.layers[l - 1].dH, T * B, H, GH, false);
      else if (options.inputGrads && c.inputKind === "dense") k.gemmNN(buf.dPre, L.Wih, ws.dx, T * B, Din, GH, false);
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

  /** Head outputs of the last forward pass, [T][B][O] ("all") or [B][O] ("last") (a copy). */
  outputs(): Float64Array {
    const ws = this.requireWorkspace();
    return this.kernelsImpl.heap.slice(ws.y, ws.y + ws.rows * this.config.outputSize);
  }

  /** The state a window ended in: h [L][B][H] (and c for the LSTM), copies. */
  finalState(): { h: Float64Array; c: Float64Array | null } {
    const ws = this.requireWorkspace();
    const { B, T } = ws;
    const BH = B * this.config.hiddenSize;
    const heap = this.kernelsImpl.heap;
    const h = new Float64Array(this.config.numLayers * BH);
    const c = this.config.cell === "lstm" ? new Float64Array(this.config.numLayers * BH) : null;
    ws.layers.forEach((buf, l) => {
      h.set(heap.subarray(buf.h + T * BH, buf.h + (T + 1) * BH), l * BH);
      if (c) c.set(heap.subarray(buf.c + T * BH, buf.c + (T + 1) * BH), l * BH);
    });
    return { h, c };
  }

  requireWorkspace(): Workspace {
    if (!this.current) throw new EngineError("state", "Run a forward pass first.");
    return this.current;
  }

  private setInitialState(ws: Workspace, init: InitialState): void {
    const heap = this.kernelsImpl.heap;
    const { B, T } = ws;
    const BH = B * this.config.hiddenSize;
    const isLstm = this.config.cell === "lstm";
    const Lc = this.config.numLayers;
    if (init === "carry" && ws.hasState) {
      for (const buf of ws.layers) {
        heap.copyWithin(buf.h, buf.h + T * BH, buf.h + (T + 1) * BH);
        if (isLstm) heap.copyWithin(buf.c, buf.c + T * BH, buf.c + (T + 1) * BH);
      }
      return;
    }
    if (init === "zeros" || init === "carry") {
      for (const buf of ws.layers) {
        heap.fill(0, buf.h, buf.h + BH);
        if (isLstm) heap.fill(0, buf.c, buf.c + BH);
      }
      return;
    }
    const shape = `[L][B][H] = [${Lc}][${B}][${this.config.hiddenSize}]`;
    if (!(init.h0 instanceof Float64Array) || init.h0.length !== Lc * BH) throw new EngineError("shape", `h0 must be a Float64Array ${shape} (${Lc * BH} values).`);
    if (isLstm && (!(init.c0 instanceof Float64Array) || init.c0.length !== Lc * BH)) throw new EngineError("shape", `An LSTM needs c0 as well: a Float64Array ${shape}.`);
    for (const a of isLstm ? [init.h0, init.c0!] : [init.h0]) {
      for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) throw new EngineError("value", `The initial state has ${a[i]} at index ${i}; it must be finite.`);
    }
    ws.layers.forEach((buf, l) => {
      heap.set(init.h0.subarray(l * BH, (l + 1) * BH), buf.h);
      if (isLstm) heap.set(init.c0!.subarray(l * BH, (l + 1) * BH), buf.c);
    });
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
  return c.loss === "mse" ? b.targets !== undefined : b.targetIndices !== undefined;
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
