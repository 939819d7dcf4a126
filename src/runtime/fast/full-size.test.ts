// The full-size networks, on the WASM backend in Node: the CPU backend would need about a minute
// for one Xception inference at 299×299; WASM (SIMD, one thread in Node) needs about a second.

import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { configure } from '../../model/networks';
import type { NetworkName } from '../../model/types';
import { buildLayersModel } from '../build-layers-model';
import { compareWithLayersModel, inputShape } from './check';
import { compileFastModel } from './fast-model';
import { randomizeBiasesAndBatchNorms } from './randomize';

beforeAll(async () => {
  const wasm = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
  setWasmPaths(`${dirname(wasm)}/`);
  expect(await tf.setBackend('wasm')).toBe(true);
});

describe('compileFastModel equals the LayersModel at full size, on WASM (max relative error ≤ 1e-4)', () => {
  it.each([
    ['googlenet', {}],
    ['googlenet', { bn: 'on', branch5x5: '3x3', aux: 'on' }],
    ['xception', {}],
  ] as [NetworkName, Record<string, string>][])('%s %o', async (network, options) => {
    const { model } = configure(network, options);
    const layersModel = buildLayersModel(model, { init: 'random', seed: 5 });
    randomizeBiasesAndBatchNorms(layersModel, 5);
    const fast = compileFastModel(model, layersModel);
    const x = tf.randomNormal(inputShape(model), 0, 1, 'float32', 13) as tf.Tensor4D;
    try {
      const { modules, outputs } = await compareWithLayersModel(model, layersModel, fast, x);
      for (const m of modules) expect(m.error, m.path).toBeLessThanOrEqual(1e-4);
      for (const error of outputs) expect(error).toBeLessThanOrEqual(1e-4);
    } finally {
      x.dispose();
      fast.dispose();
      layersModel.dispose();
    }
  }, 60_000);
});
