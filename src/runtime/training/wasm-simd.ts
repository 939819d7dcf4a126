// The SIMD training kernels of wasm-kernels/ (AssemblyScript), instantiated on tfjs-backend-wasm's
// own memory so that they read and write tensors in place: a pointer is a tensor's offset on the
// heap. One instance per backend memory, from the binary that declares it plain or shared (the
// threaded backend's). Where the module cannot run (no WebAssembly SIMD), callers keep the kernels
// composed from tfjs-backend-wasm's own.

import type { TensorInfo } from '@tensorflow/tfjs';
import type { Backend } from './wasm-kernel-calls';
import { TRAINING_KERNELS_WASM, TRAINING_KERNELS_WASM_SHARED } from './wasm-simd-module.generated';

type Ptr = number;

/** The module's exports; see wasm-kernels/training-kernels.ts for each one's arithmetic. */
export interface SimdKernels {
  depthwiseFilterGradient(
    x: Ptr, dy: Ptr, dw: Ptr, scratch: Ptr,
    n: number, h: number, w: number, c: number, kh: number, kw: number, sh: number, sw: number, oh: number, ow: number,
  ): void;
  convFilterGradient(
    x: Ptr, dy: Ptr, dw: Ptr, offsets: Ptr,
    n: number, h: number, w: number, ci: number, co: number, kh: number, kw: number, sh: number, sw: number, oh: number, ow: number,
  ): void;
  maxPoolGradient(
    x: Ptr, y: Ptr, dy: Ptr, dx: Ptr,
    n: number, h: number, w: number, c: number, kh: number, kw: number, sh: number, sw: number, oh: number, ow: number, top: number, left: number,
  ): void;
  batchNormStatistics(x: Ptr, m: number, c: number, mean: Ptr, variance: Ptr, scratch: Ptr): void;
  batchNormForward(x: Ptr, m: number, c: number, mean: Ptr, variance: Ptr, gamma: Ptr, beta: Ptr, epsilon: number, y: Ptr, scratch: Ptr): void;
  batchNormGradient(
    x: Ptr, dy: Ptr, m: number, c: number, mean: Ptr, variance: Ptr, gamma: Ptr, epsilon: number,
    dx: Ptr, dgamma: Ptr, dbeta: Ptr, scratch: Ptr,
  ): void;
}

/** The parts of tfjs-backend-wasm's BackendWasm this file reads (not in its typings). */
interface WasmInternals {
  // The single-threaded build exports its memory; the threaded one creates it and keeps it here.
  wasm?: { asm?: { memory?: WebAssembly.Memory }; wasmMemory?: WebAssembly.Memory };
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
}

type MemoryKind = 'plain' | 'shared';

const BINARIES: Record<MemoryKind, string> = { plain: TRAINING_KERNELS_WASM, shared: TRAINING_KERNELS_WASM_SHARED };
const bytes = (kind: MemoryKind) => Uint8Array.from(atob(BINARIES[kind]), (ch) => ch.charCodeAt(0)) as BufferSource;
const kindOf = (memory: WebAssembly.Memory): MemoryKind =>
  typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer ? 'shared' : 'plain';

// Compiled synchronously when first needed: a few kilobytes, well under the 8 MB Chromium allows
// on a page's main thread (since Chromium 114; before, 4 KB, and such a browser falls back).
const compiled: Partial<Record<MemoryKind, WebAssembly.Module>> = {};

const instances = new WeakMap<WebAssembly.Memory, SimdKernels | null>();
let warned = false;
let enabled = true;

/** Off: every kernel takes its composed path, so tests and benchmarks can compare the two. */
export function enableSimdKernels(on: boolean): void {
  enabled = on;
}

/** The kernels on `backend`'s memory, or null when they cannot run there (reported once). */
export function simdKernels(backend: Backend): SimdKernels | null {
  const wasm = (backend as unknown as WasmInternals).wasm;
  const memory = wasm?.asm?.memory ?? wasm?.wasmMemory;
  if (!memory || !enabled) return null;
  let kernels = instances.get(memory);
  if (kernels === undefined) {
    try {
      const kind = kindOf(memory);
      const module = (compiled[kind] ??= new WebAssembly.Module(bytes(kind)));
      kernels = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as SimdKernels;
    } catch (error) {
      kernels = null;
      if (!warned) console.warn(`WASM SIMD training kernels unavailable, using the composed kernels: ${String(error)}`);
      warned = true;
    }
    instances.set(memory, kernels);
  }
  return kernels;
}

/** A function giving a tensor's byte offset on `backend`'s WASM heap: the pointers the kernels take. */
export function heapOffsets(backend: Backend): (t: TensorInfo) => Ptr {
  const { dataIdMap } = backend as unknown as WasmInternals;
  return (t) => {
    const data = dataIdMap.get(t.dataId);
    if (!data) throw new Error('A tensor given to a WASM SIMD kernel has no data on the heap.');
    return data.memoryOffset;
  };
}

/** A backend's name as the training panel shows it; for WASM, whether the SIMD kernels run. */
export function trainingBackendLabel(name: string, backend: Backend): string {
  if (name !== 'wasm') return name;
  return simdKernels(backend) ? 'wasm + SIMD kernels' : 'wasm, composed kernels';
}
