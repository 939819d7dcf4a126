// MaxPoolGrad for WASM. tfjs-backend-wasm 4.22's own kernel gives wrong gradients when a tensor has
// more than one channel (measured: 21–99% relative error against the CPU backend on 3x3 'same'
// pools), which corrupts training and Grad-CAM through every max pool. This one matches the CPU
// backend exactly, ties included: each window's gradient goes to its first maximum in row-major
// order. It is a plain loop over the WASM heap: composing it from WASM kernels (a pass per window
// offset) measured 4.5× slower than WASM's own kernel; this loop is faster than both. It finds each
// window's maximum from the forward pass's output (a kernel input) instead of comparing every
// value: measured 1.3–1.7× faster than tracking the running maximum per channel. A window whose
// maximum is NaN matches nothing and passes no gradient. Where the SIMD module runs (wasm-simd.ts),
// the same search runs there, 4 channels at a time; this loop is the fallback.

import * as tf from '@tensorflow/tfjs';
import type { TensorInfo } from '@tensorflow/tfjs';
import type { Kernel, WasmHeap } from './wasm-kernel-calls';
import { heapOffsets, simdKernels } from './wasm-simd';

interface PoolAttrs {
  filterSize: [number, number] | number;
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

export const maxPoolGrad: Kernel = ({ inputs, backend, attrs }) => {
  const { dy, input, output } = inputs as { dy: TensorInfo; input: TensorInfo; output: TensorInfo };
  const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as PoolAttrs;
  const [n, h, w, c] = input.shape;
  const info = tf.backend_util.computePool2DInfo([n, h, w, c], filterSize, strides, 1, pad, dimRoundingMode);
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, outHeight: oh, outWidth: ow } = info;
  const { top, left } = info.padInfo;

  const heap = backend as unknown as WasmHeap;
  const out = heap.makeOutput([n, h, w, c], 'float32');
  const simd = simdKernels(backend);
  if (simd) {
    const at = heapOffsets(backend);
    simd.maxPoolGradient(at(input), at(output), at(dy), at(out), n, h, w, c, kh, kw, sh, sw, oh, ow, top, left);
    return out;
  }
  // Views after the allocation: growing the WASM memory would detach earlier ones.
  const dx = heap.typedArrayFromHeap(out);
  const x = heap.typedArrayFromHeap(input);
  const y = heap.typedArrayFromHeap(output);
  const g = heap.typedArrayFromHeap(dy);
  dx.fill(0);
  for (let b = 0; b < n; b++) {
    for (let r = 0; r < oh; r++) {
      const i0 = Math.max(0, r * sh - top);
      const i1 = Math.min(h, r * sh - top + kh);
      for (let s = 0; s < ow; s++) {
        const j0 = Math.max(0, s * sw - left);
        const j1 = Math.min(w, s * sw - left + kw);
        const o = ((b * oh + r) * ow + s) * c;
        for (let ch = 0; ch < c; ch++) {
          // The forward pass's maximum is one of the window's values, bit for bit: the first
          // position in row-major order that holds it takes the gradient.
          const max = y[o + ch];
          search: for (let i = i0; i < i1; i++) {
            for (let j = j0, at = ((b * h + i) * w + j0) * c + ch; j < j1; j++, at += c) {
              if (x[at] === max) {
                dx[at] += g[o + ch];
                break search;
              }
            }
          }
        }
      }
    }
  }
  return out;
};
