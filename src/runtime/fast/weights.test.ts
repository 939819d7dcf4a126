import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { maxRelativeError } from './check';
import { scaleBias, scaleKernel } from './weights';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const affine = (channels: number) => ({
  scale: Float64Array.from({ length: channels }, (_, c) => 0.5 + c / channels),
  shift: Float64Array.from({ length: channels }, (_, c) => c / 10 - 0.2),
});

describe('scaleKernel', () => {
  it('scales the last axis of a conv kernel', () => {
    const kernel = tf.tensor4d([1, 2, 3, 4, 5, 6], [1, 1, 2, 3]);
    const scaled = scaleKernel(kernel, Float64Array.from([10, 20, 30]), false);
    expect(Array.from(scaled.dataSync())).toEqual([10, 40, 90, 40, 100, 180]);
    tf.dispose([kernel, scaled]);
  });

  it('scales output channel c·multiplier + m of a depthwise kernel [kh, kw, c, multiplier]', () => {
    const kernel = tf.tensor4d([1, 1, 1, 1, 1, 1], [1, 1, 2, 3]);
    const scaled = scaleKernel(kernel, Float64Array.from([1, 2, 3, 4, 5, 6]), true);
    expect(Array.from(scaled.dataSync())).toEqual([1, 2, 3, 4, 5, 6]);
    tf.dispose([kernel, scaled]);
  });

  it('rejects a BatchNorm whose channels do not match the outputs', () => {
    const kernel = tf.zeros([3, 3, 4, 8]);
    expect(() => scaleKernel(kernel, new Float64Array(4), false)).toThrow(/BatchNorm of 4 channels into a kernel of 8 outputs/);
    kernel.dispose();
  });
});

describe('folding equals conv then tf.batchNorm', () => {
  it('depthwise conv, multiplier 3, with a bias', () => {
    tf.tidy(() => {
    const x = tf.randomNormal([1, 5, 5, 2], 0, 1, 'float32', 1) as tf.Tensor4D;
    const kernel = tf.randomNormal([3, 3, 2, 3], 0, 1, 'float32', 2) as tf.Tensor4D;
    const bias = tf.randomNormal([6], 0, 1, 'float32', 3);
    const { scale, shift } = affine(6);
    // tf.batchNorm's own parameters giving the same affine map: mean 0, variance 1 − ε, γ = scale.
    const expected = tf.batchNorm(
      tf.add(tf.depthwiseConv2d(x, kernel, 1, 'same'), bias),
      tf.zeros([6]),
      tf.fill([6], 1 - 1e-3),
      tf.tensor1d(Float32Array.from(shift)),
      tf.tensor1d(Float32Array.from(scale)),
      1e-3,
    );
    const foldedKernel = scaleKernel(kernel, scale, true) as tf.Tensor4D;
    const foldedBias = scaleBias(bias, { scale, shift });
    const actual = tf.fused.depthwiseConv2d({ x, filter: foldedKernel, strides: 1, pad: 'same', bias: foldedBias });
    expect(maxRelativeError(actual.dataSync(), expected.dataSync())).toBeLessThan(1e-6);
    });
  });
});
