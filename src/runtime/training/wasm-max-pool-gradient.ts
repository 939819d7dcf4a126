// MaxPoolGrad for WASM. tfjs-backend-wasm 4.22's own kernel gives wrong gradients when a tensor has
// more than one channel (measured: the input gradient no longer sums to the output gradient's
// sum, unlike the CPU backend's), which corrupts training and Grad-CAM through every max pool.
// This one is composed from WASM kernels and matches the CPU backend exactly, ties included: each
// window's gradient goes to its first maximum in row-major order.

import * as tf from '@tensorflow/tfjs';
import type { TensorInfo } from '@tensorflow/tfjs';
import { composed, k, padOrCrop, type Kernel } from './wasm-kernel-calls';

interface PoolAttrs {
  filterSize: [number, number] | number;
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

const STRIDED = { beginMask: 0, endMask: 0, ellipsisMask: 0, newAxisMask: 0, shrinkAxisMask: 0 };

/**
 * For each window offset (i, j), in row-major order: the inputs each output window saw at that
 * offset (a strided slice of the input padded with −∞); where one equals the window's maximum and
 * no earlier offset took it, dy goes there, spread back onto the input grid.
 */
export const maxPoolGrad: Kernel = ({ inputs, backend, attrs }) => {
  const { dy, input: x, output: y } = inputs as { dy: TensorInfo; input: TensorInfo; output: TensorInfo };
  const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as PoolAttrs;
  const [n, h, w, c] = x.shape;
  const info = tf.backend_util.computePool2DInfo([n, h, w, c], filterSize, strides, 1, pad, dimRoundingMode);
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, outHeight: oh, outWidth: ow } = info;
  const { top, left } = info.padInfo;

  return composed(backend, (keep) => {
    const needH = (oh - 1) * sh + kh;
    const needW = (ow - 1) * sw + kw;
    const paddings = [
      [0, 0],
      [top, Math.max(0, needH - h - top)],
      [left, Math.max(0, needW - w - left)],
      [0, 0],
    ];
    const padded = keep(k.pad(backend, { x }, { paddings, constantValue: -Infinity }));
    let free = keep(k.onesLike(backend, { x: y })); // 1 where the window's maximum is not yet taken
    let sum: TensorInfo | undefined;
    for (let i = 0; i < kh; i++) {
      for (let j = 0; j < kw; j++) {
        const end = [n, i + (oh - 1) * sh + 1, j + (ow - 1) * sw + 1, c];
        const seen = keep(k.stridedSlice(backend, { x: padded }, { begin: [0, i, j, 0], end, strides: [1, sh, sw, 1], ...STRIDED }));
        const isMax = keep(k.cast(backend, { x: keep(k.equal(backend, { a: seen, b: y })) }, { dtype: 'float32' }));
        const first = keep(k.multiply(backend, { a: isMax, b: free }));
        free = keep(k.sub(backend, { a: free, b: first }));
        let spread = keep(k.multiply(backend, { a: first, b: dy }));
        if (sh > 1 || sw > 1) {
          // [n, oh, 1, ow, 1, c] padded to [n, oh, sh, ow, sw, c]: zeros after each row and column.
          const expanded = keep(k.reshape(backend, { x: spread }, { shape: [n, oh, 1, ow, 1, c] }));
          const zeros = [[0, 0], [0, 0], [0, sh - 1], [0, 0], [0, sw - 1], [0, 0]];
          const dilated = keep(k.pad(backend, { x: expanded }, { paddings: zeros, constantValue: 0 }));
          spread = keep(k.reshape(backend, { x: dilated }, { shape: [n, oh * sh, ow * sw, c] }));
        }
        // Output (r, s) saw input (r·sh + i − top, s·sw + j − left).
        const [, spreadH, spreadW] = spread.shape;
        const placed = padOrCrop(backend, spread, [i - top, h - (i - top) - spreadH, j - left, w - (j - left) - spreadW], keep);
        sum = sum === undefined ? placed : keep(k.add(backend, { a: sum, b: placed }));
      }
    }
    return sum as TensorInfo;
  });
};
