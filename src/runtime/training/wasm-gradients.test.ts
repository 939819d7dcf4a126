import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeBackend } from '../../node/tf-node';
import { enableSimdKernels, simdKernels } from './wasm-simd';
import { GRADIENT_CASES, POOL_CASES, checkGradients, checkPoolGradient, convGradients, describeCase, describePoolCase, poolGradient } from './gradient-check';

// With the SIMD module (wasm-simd.ts) and without it, as on a browser without WebAssembly SIMD.
describe.each([
  ['with', true],
  ['without', false],
])('WASM convolution gradients, %s the SIMD kernels', { timeout: 30_000 }, (_, simd) => {
  beforeAll(async () => {
    await startNodeBackend('wasm');
    enableSimdKernels(simd);
  }, 60_000);
  afterAll(() => enableSimdKernels(true));

  it(`${simd ? 'runs' : 'does not run'} the SIMD kernels`, async () => {
    await tf.setBackend('wasm');
    expect(simdKernels(tf.backend()) !== null).toBe(simd);
  });

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
