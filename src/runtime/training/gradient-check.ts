// Gradient checks of the WASM convolution kernels against the CPU backend, through tf.grads (so
// the registered gradient functions call the kernels exactly as training does). Shared by the unit
// test and `npm run --silent gradient-check`, which prints the measured errors.

import * as tf from '@tensorflow/tfjs';

export interface GradientCase {
  readonly kind: 'conv' | 'depthwise';
  readonly x: readonly [number, number, number, number];
  readonly filter: readonly [number, number, number, number];
  readonly stride: 1 | 2;
  readonly pad: 'same' | 'valid';
}

const SHAPES: Omit<GradientCase, 'stride' | 'pad'>[] = [
  { kind: 'conv', x: [2, 9, 9, 3], filter: [3, 3, 3, 4] },
  { kind: 'conv', x: [2, 9, 9, 6], filter: [1, 1, 6, 5] },
  { kind: 'conv', x: [3, 7, 6, 2], filter: [5, 5, 2, 3] },
  { kind: 'conv', x: [2, 16, 16, 8], filter: [3, 3, 8, 8] },
  // Enough output pixels for the direct SIMD filter gradient; output channels 16 + 4 + 1 (its three loops).
  { kind: 'conv', x: [4, 12, 12, 5], filter: [3, 3, 5, 21] },
  { kind: 'conv', x: [4, 17, 17, 6], filter: [1, 1, 6, 7] },
  { kind: 'depthwise', x: [2, 9, 9, 3], filter: [3, 3, 3, 1] },
  { kind: 'depthwise', x: [3, 7, 6, 2], filter: [5, 5, 2, 2] },
  { kind: 'depthwise', x: [2, 16, 16, 8], filter: [3, 3, 8, 1] },
  { kind: 'depthwise', x: [1, 8, 8, 4], filter: [1, 1, 4, 1] },
  // Channels not a multiple of the SIMD kernel's 4 lanes; a filter other than 3x3.
  { kind: 'depthwise', x: [2, 10, 9, 7], filter: [3, 3, 7, 1] },
  { kind: 'depthwise', x: [2, 11, 11, 6], filter: [5, 5, 6, 1] },
];

/** Every shape with stride 1 and 2, same and valid padding. */
export const GRADIENT_CASES: readonly GradientCase[] = SHAPES.flatMap((shape) =>
  ([1, 2] as const).flatMap((stride) => (['same', 'valid'] as const).map((pad) => ({ ...shape, stride, pad }))),
);

export const describeCase = (c: GradientCase) => `${c.kind} x ${c.x.join('×')} filter ${c.filter.join('×')} stride ${c.stride} ${c.pad}`;

/** max |a − b| / max |b|: relative to the gradient's scale, so entries near zero do not blow it up. */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / scale;
}

/** dL/dx and dL/dfilter of L = Σ conv(x, filter) · dy on `backend`, for seeded x, filter and dy. */
export async function convGradients(backend: string, c: GradientCase): Promise<[Float32Array, Float32Array]> {
  await tf.setBackend(backend);
  return tf.tidy((): [Float32Array, Float32Array] => {
    const x = tf.randomNormal([...c.x], 0, 1, 'float32', 1) as tf.Tensor4D;
    const filter = tf.randomNormal([...c.filter], 0, 1, 'float32', 2) as tf.Tensor4D;
    const forward = (a: tf.Tensor, f: tf.Tensor) =>
      c.kind === 'conv'
        ? tf.conv2d(a as tf.Tensor4D, f as tf.Tensor4D, c.stride, c.pad)
        : tf.depthwiseConv2d(a as tf.Tensor4D, f as tf.Tensor4D, c.stride, c.pad);
    const dy = tf.randomNormal(forward(x, filter).shape, 0, 1, 'float32', 3);
    const [dx, dFilter] = tf.grads((a: tf.Tensor, f: tf.Tensor) => tf.sum(tf.mul(forward(a, f), dy)))([x, filter]);
    return [dx.dataSync() as Float32Array, dFilter.dataSync() as Float32Array];
  });
}

/** The relative errors of WASM's input and filter gradients against the CPU backend's. */
export async function checkGradients(c: GradientCase): Promise<{ input: number; filter: number }> {
  const [cpuDx, cpuDf] = await convGradients('cpu', c);
  const [wasmDx, wasmDf] = await convGradients('wasm', c);
  return { input: relativeError(wasmDx, cpuDx), filter: relativeError(wasmDf, cpuDf) };
}

export interface PoolCase {
  readonly x: readonly [number, number, number, number];
  readonly size: number;
  readonly stride: 1 | 2;
  readonly pad: 'same' | 'valid';
  /** Small integers, half of them 0 (as after a ReLU): windows with several equal maxima. */
  readonly ties: boolean;
}

/** The max pools of the two networks (3x3 stride 1 and 2, same) and a few others, with and without ties. */
export const POOL_CASES: readonly PoolCase[] = [
  { x: [2, 9, 9, 4], size: 3, stride: 2, pad: 'same', ties: false },
  { x: [2, 8, 8, 3], size: 3, stride: 1, pad: 'same', ties: false },
  { x: [2, 9, 9, 4], size: 3, stride: 2, pad: 'valid', ties: false },
  { x: [1, 7, 6, 5], size: 2, stride: 2, pad: 'valid', ties: false },
  { x: [2, 16, 16, 8], size: 3, stride: 2, pad: 'same', ties: true },
  { x: [2, 8, 8, 3], size: 3, stride: 1, pad: 'same', ties: true },
  { x: [2, 8, 8, 6], size: 3, stride: 1, pad: 'same', ties: true },
];

export const describePoolCase = (c: PoolCase) =>
  `max pool x ${c.x.join('×')} size ${c.size} stride ${c.stride} ${c.pad}${c.ties ? ' with ties' : ''}`;

/** dL/dx of L = Σ maxPool(x) · dy on `backend`, for seeded x and dy. */
export async function poolGradient(backend: string, c: PoolCase): Promise<Float32Array> {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const normal = tf.randomNormal([...c.x], 0, 1, 'float32', 1);
    const x = (c.ties ? tf.round(tf.relu(normal).mul(2)) : normal) as tf.Tensor4D;
    const forward = (a: tf.Tensor) => tf.maxPool(a as tf.Tensor4D, c.size, c.stride, c.pad);
    const dy = tf.randomNormal(forward(x).shape, 0, 1, 'float32', 3);
    return tf.grad((a: tf.Tensor) => tf.sum(tf.mul(forward(a), dy)))(x).dataSync() as Float32Array;
  });
}

/** The relative error of WASM's max-pool input gradient against the CPU backend's. */
export async function checkPoolGradient(c: PoolCase): Promise<number> {
  return relativeError(await poolGradient('wasm', c), await poolGradient('cpu', c));
}
