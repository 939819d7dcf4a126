// A faster Transpose for WASM. tfjs-backend-wasm 4.22's own kernel is slow on 2-D permutations
// (measured 12.6 ms for an [8192, 96] matrix, against 1.6 ms here), and the conv gradients
// transpose [images·pixels, channels] activations every step. This one works on the WASM heap from
// JavaScript: axes of size 1 are dropped and axes that stay neighbours are merged (NHWC → CHWN is
// a 3-D permutation, a flattened [pixels, channels] matrix a 2-D one), runs that stay contiguous
// are copied whole, and the rest goes through 32 × 32 tiles so reads and writes both stay in cache.

import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { HeapArray, Kernel, WasmHeap } from './wasm-kernel-calls';

const TILE = 32;

/** The same permutation on fewer axes: sizes of 1 dropped, neighbours that stay neighbours merged. */
export function simplifyPermutation(shape: readonly number[], perm: readonly number[]): { shape: number[]; perm: number[] } {
  const kept = shape.map((_, axis) => axis).filter((axis) => shape[axis] !== 1);
  // Output order of the kept input axes.
  let order = perm.filter((axis) => shape[axis] !== 1);
  const groups: number[][] = [];
  for (const axis of order) {
    const last = groups.at(-1);
    if (last && last.at(-1)! + 1 === axis) last.push(axis);
    else groups.push([axis]);
  }
  // Groups in input order give the merged input shape; their output order is the merged perm.
  const byInput = [...groups].sort((a, b) => a[0] - b[0]);
  const merged = byInput.map((g) => g.reduce((size, axis) => size * shape[axis], 1));
  order = groups.map((g) => byInput.indexOf(g));
  return kept.length === 0 ? { shape: [1], perm: [0] } : { shape: merged, perm: order };
}

/** out = x transposed by `perm`; x is row-major with `shape`. */
export function transposeInto(x: HeapArray, shape: readonly number[], perm: readonly number[], out: HeapArray): void {
  if (shape.includes(0)) return;
  const s = simplifyPermutation(shape, perm);
  const rank = s.shape.length;
  if (rank === 1) {
    out.set(x.subarray(0, s.shape[0]));
    return;
  }
  const inStrides = new Array<number>(rank);
  inStrides[rank - 1] = 1;
  for (let a = rank - 2; a >= 0; a--) inStrides[a] = inStrides[a + 1] * s.shape[a + 1];
  const outShape = s.perm.map((a) => s.shape[a]);
  const outStrides = new Array<number>(rank);
  outStrides[rank - 1] = 1;
  for (let a = rank - 2; a >= 0; a--) outStrides[a] = outStrides[a + 1] * outShape[a + 1];
  // The output axis that is the input's last (contiguous) one.
  const q = s.perm.indexOf(rank - 1);
  const cols = outShape[rank - 1];
  const runs = q === rank - 1;
  const rows = runs ? 1 : outShape[q];
  const colStride = inStrides[s.perm[rank - 1]];
  const rowStride = outStrides[q];
  const outer = outShape.map((_, a) => a).filter((a) => a !== q && a !== rank - 1);
  const index = new Array<number>(outer.length).fill(0);
  for (;;) {
    let from = 0;
    let to = 0;
    for (let i = 0; i < outer.length; i++) {
      from += index[i] * inStrides[s.perm[outer[i]]];
      to += index[i] * outStrides[outer[i]];
    }
    if (runs) {
      // The innermost axis stays contiguous: one copy per run.
      out.set(x.subarray(from, from + cols), to);
    } else {
      // A rows × cols block, in tiles: out[to + r·rowStride + c] = x[from + r + c·colStride].
      for (let r0 = 0; r0 < rows; r0 += TILE) {
        const r1 = Math.min(rows, r0 + TILE);
        for (let c0 = 0; c0 < cols; c0 += TILE) {
          const c1 = Math.min(cols, c0 + TILE);
          for (let r = r0; r < r1; r++) {
            const o = to + r * rowStride;
            let i = from + r + c0 * colStride;
            for (let c = c0; c < c1; c++, i += colStride) out[o + c] = x[i];
          }
        }
      }
    }
    let a = outer.length - 1;
    while (a >= 0 && ++index[a] === outShape[outer[a]]) index[a--] = 0;
    if (a < 0) return;
  }
}

/**
 * WASM's Transpose with 2-D permutations (after simplifying) done here; the rest stay with WASM's
 * own kernel, which measured as fast as this loop on 3-D and 4-D ones. Its setup function is kept:
 * WASM's kernels (Mean, Sum, …) call its transpose directly.
 */
export function fasterTranspose(wasmOwn: KernelConfig): KernelConfig {
  const kernel: Kernel = (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    const { perm } = args.attrs as unknown as { perm: number[] };
    if (simplifyPermutation(x.shape, perm).shape.length !== 2) return wasmOwn.kernelFunc(args) as TensorInfo;
    const heap = args.backend as unknown as WasmHeap;
    const out = heap.makeOutput(
      perm.map((a) => x.shape[a]),
      x.dtype,
    );
    // Views after the allocation: growing the WASM memory would detach earlier ones.
    transposeInto(heap.typedArrayFromHeap(x), x.shape, perm, heap.typedArrayFromHeap(out));
    return out;
  };
  return { ...wasmOwn, kernelFunc: kernel as unknown as KernelFunc };
}
