import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { startNodeBackend } from '../../node/tf-node';
import { GRADIENT_CASES, POOL_CASES, checkGradients, checkPoolGradient, convGradients, describeCase, describePoolCase, poolGradient } from './gradient-check';

describe('WASM convolution gradients', { timeout: 30_000 }, () => {
  beforeAll(async () => {
    await startNodeBackend('wasm');
  }, 60_000);

  for (const c of GRADIENT_CASES) {
    it(`${describeCase(c)} matches the CPU backend within 1e-4`, async () => {
      const errors = await checkGradients(c);
      expect(errors.input).toBeLessThanOrEqual(1e-4);
      expect(errors.filter).toBeLessThanOrEqual(1e-4);
    });
  }

  for (const c of POOL_CASES) {
    it(`${describePoolCase(c)} matches the CPU backend within 1e-6 (first maximum of a window wins)`, async () => {
      expect(await checkPoolGradient(c)).toBeLessThanOrEqual(1e-6);
    });
  }

  it('registers the kernels tfjs-backend-wasm lacks', () => {
    for (const name of ['Conv2DBackpropFilter', 'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput']) {
      expect(tf.getKernel(name, 'wasm'), name).toBeDefined();
    }
  });

  it('frees every intermediate buffer in the WASM heap', async () => {
    await tf.setBackend('wasm');
    const buffers = () => tf.engine().backend.numDataIds();
    await convGradients('wasm', GRADIENT_CASES[0]); // kernels set up
    const before = buffers();
    for (const c of GRADIENT_CASES) await convGradients('wasm', c);
    for (const c of POOL_CASES) await poolGradient('wasm', c);
    expect(buffers()).toBe(before);
  });
});
