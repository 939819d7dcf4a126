// Strided copies on the WASM heap from JavaScript, where tfjs-backend-wasm 4.22's are slow.
// SplitV: the gradient of every concatenation (an inception module's four branches) splits dy back
// along the channel axis; WASM slices each part with its generic strided copy, which measured
// 20–30 ms per split of a 32×16×16×128 gradient, against about 1 ms for copying each part's
// contiguous runs here. Every (sh, sw)-th pixel, for the filter gradient of a strided 1x1 conv:
// WASM's StridedSlice measured 13 ms (100 ns per element) for a 32×32×32×16 input.

import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { Backend, HeapArray, WasmHeap } from './wasm-kernel-calls';

/** Below this many elements a run is copied element by element: a subarray per run costs more. */
const SHORT_RUN = 64;

/**
 * Copies part `[first, first + size)` of axis `axis` of x (row-major `shape`) into out: one
 * contiguous run of size × (elements per index of the axis) per index of the axes before it.
 */
export function copyPart(x: HeapArray, shape: readonly number[], axis: number, first: number, size: number, out: HeapArray): void {
  const outer = shape.slice(0, axis).reduce((p, n) => p * n, 1);
  const inner = shape.slice(axis + 1).reduce((p, n) => p * n, 1);
  const run = size * inner;
  const stride = shape[axis] * inner;
  for (let o = 0, from = first * inner, to = 0; o < outer; o++, from += stride, to += run) {
    if (run < SHORT_RUN) for (let i = 0; i < run; i++) out[to + i] = x[from + i];
    else out.set(x.subarray(from, from + run), to);
  }
}

const splitV = ({ inputs, backend, attrs }: { inputs: Record<string, TensorInfo>; backend: Backend; attrs: Record<string, unknown> }) => {
  const { x } = inputs as { x: TensorInfo };
  const { numOrSizeSplits, axis } = attrs as { numOrSizeSplits: number | number[]; axis: number | number[] };
  const at = tf.util.parseAxisParam(axis, x.shape)[0];
  const sizes = tf.backend_util.prepareSplitSize(x, numOrSizeSplits, at);
  const heap = backend as unknown as WasmHeap;
  let first = 0;
  return sizes.map((size) => {
    const shape = [...x.shape];
    shape[at] = size;
    const out = heap.makeOutput(shape, x.dtype);
    // Views after the allocation: growing the WASM memory would detach earlier ones.
    copyPart(heap.typedArrayFromHeap(x), x.shape, at, first, size, heap.typedArrayFromHeap(out));
    first += size;
    return out;
  });
};

export const splitVKernel: KernelConfig = { kernelName: 'SplitV', backendName: 'wasm', kernelFunc: splitV as unknown as KernelFunc };

/** x [n, h, w, c] at rows 0, sh, 2·sh, … (oh of them) and columns 0, sw, … (ow): [n, oh, ow, c]. */
export function samplePixels(backend: Backend, x: TensorInfo, sh: number, sw: number, oh: number, ow: number): TensorInfo {
  const [n, h, w, c] = x.shape;
  const heap = backend as unknown as WasmHeap;
  const out = heap.makeOutput([n, oh, ow, c], x.dtype);
  const from = heap.typedArrayFromHeap(x);
  const to = heap.typedArrayFromHeap(out);
  let o = 0;
  for (let b = 0; b < n; b++) {
    for (let r = 0; r < oh; r++) {
      for (let s = 0; s < ow; s++) {
        const at = ((b * h + r * sh) * w + s * sw) * c;
        for (let ch = 0; ch < c; ch++) to[o++] = from[at + ch];
      }
    }
  }
  return out;
}
