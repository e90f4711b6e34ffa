// src/engine/kernels/wasm.ts: the WebAssembly f64x2 SIMD backend (src/engine/wasm/kernels.as.ts) behind `Kernels`.
//
// The module is compiled once (initWasmKernels) and instantiated per arena with its own imported memory, so
// the arena is the memory and the kernels read what TypeScript wrote with no copies.
import { EngineError } from "../errors";
import { KERNELS_WASM_BASE64 } from "../wasm/generated/kernels.wasm";
import type { Kernels } from "./types";

// The engine compiles against lib ES2022 only, which has no WebAssembly typings (they live in the DOM and
// worker libs). Typing just what is used here, and reading it off globalThis, keeps one source valid under
// both the engine and the app tsconfig without ambient declarations that would clash with lib.dom.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(deltaPages: number): number;
}
interface WasmModule {
  readonly __wasmModule?: never;
}
interface WasmExports {
  gemmNT(a: number, b: number, c: number, M: number, N: number, K: number, acc: number): void;
  gemmNN(a: number, b: number, c: number, M: number, N: number, K: number, acc: number): void;
  gemmTN(a: number, b: number, c: number, M: number, N: number, K: number, acc: number): void;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  compile(bytes: Uint8Array): Promise<WasmModule>;
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  Instance: new (module: WasmModule, imports: { env: { memory: WasmMemory } }) => { readonly exports: unknown };
}

const PAGE_BYTES = 65536;
/** wasm32 addresses 4 GiB = 65536 pages; asking for more would only fail inside grow(). */
const MAX_PAGES = 65536;

let compiled: WasmModule | null = null;
let loading: Promise<boolean> | null = null;

function wasmApi(): WasmApi | undefined {
  return (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
}

/**
 * Compiles the module once; later calls share the first result. Resolves false (never rejects) where
 * WebAssembly or its SIMD proposal is missing: validate() rejects a SIMD module on runtimes without it.
 */
export function initWasmKernels(): Promise<boolean> {
  loading ??= (async () => {
    const api = wasmApi();
    if (api === undefined || typeof api.validate !== "function") return false;
    try {
      const bytes = decodeBase64(KERNELS_WASM_BASE64);
      if (!api.validate(bytes)) return false;
      compiled = await api.compile(bytes);
      return true;
    } catch {
      return false;
    }
  })();
  return loading;
}

export function isWasmKernelsReady(): boolean {
  return compiled !== null;
}

export function createWasmKernels(numFloats: number): Kernels {
  const api = wasmApi();
  if (compiled === null || api === undefined) {
    throw new EngineError("state", "WebAssembly kernels are not loaded: await initKernels() first.");
  }
  return new WasmKernels(api, compiled, numFloats);
}

function pagesFor(numFloats: number): number {
  const pages = Math.max(1, Math.ceil((Math.max(0, numFloats) * 8) / PAGE_BYTES));
  if (pages > MAX_PAGES) {
    throw new EngineError("config", `An arena of ${numFloats} floats exceeds the 4 GiB WebAssembly memory limit.`);
  }
  return pages;
}

class WasmKernels implements Kernels {
  readonly name = "wasm-simd" as const;
  /** The whole memory, so it can be a little longer than asked for (whole 64 KiB pages). */
  heap: Float64Array;
  private readonly memory: WasmMemory;
  private readonly k: WasmExports;

  constructor(api: WasmApi, module: WasmModule, numFloats: number) {
    this.memory = new api.Memory({ initial: pagesFor(numFloats) });
    this.k = new api.Instance(module, { env: { memory: this.memory } }).exports as WasmExports;
    this.heap = new Float64Array(this.memory.buffer);
  }

  grow(numFloats: number): void {
    if (numFloats <= this.heap.length) return;
    // memory.grow keeps the contents and detaches the old buffer, so the view must be remade.
    this.memory.grow(pagesFor(numFloats) - this.memory.buffer.byteLength / PAGE_BYTES);
    this.heap = new Float64Array(this.memory.buffer);
  }

  gemmNT(a: number, b: number, c: number, M: number, N: number, K: number, acc: boolean): void {
    this.k.gemmNT(a, b, c, M, N, K, acc ? 1 : 0);
  }

  gemmNN(a: number, b: number, c: number, M: number, N: number, K: number, acc: boolean): void {
    this.k.gemmNN(a, b, c, M, N, K, acc ? 1 : 0);
  }

  gemmTN(a: number, b: number, c: number, M: number, N: number, K: number, acc: boolean): void {
    this.k.gemmTN(a, b, c, M, N, K, acc ? 1 : 0);
  }
}

const BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** atob and Buffer are DOM / Node globals the engine may not use; the payload is a few KiB. */
function decodeBase64(text: string): Uint8Array {
  const lookup = new Uint8Array(128);
  for (let i = 0; i < BASE64_ALPHABET.length; i++) lookup[BASE64_ALPHABET.charCodeAt(i)] = i;
  let len = text.length;
  while (len > 0 && text.charCodeAt(len - 1) === 61 /* "=" */) len--;
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let bits = 0, nbits = 0, o = 0;
  for (let i = 0; i < len; i++) {
    bits = (bits << 6) | lookup[text.charCodeAt(i) & 127];
    nbits += 6;
    if (nbits >= 8) {
      nbits -= 8;
      out[o++] = (bits >> nbits) & 255;
    }
  }
  return out;
}
