// TensorFlow.js in Node for the offline trainer, `cli eval` and benchmarks: the WASM backend (with
// the gradient kernels it lacks) or the plain CPU backend. tfjs-node cannot be installed here.

import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerBatchNormGradient } from '../runtime/training/batch-norm-gradient';
import { installBatchNormInTraining } from '../runtime/training/batch-norm-training';
import { registerWasmGradients } from '../runtime/training/wasm-gradients';

export type NodeBackend = 'wasm' | 'cpu';

/** Starts `backend`; quiet (prod mode: no "install tfjs-node" banner). */
export async function startNodeBackend(backend: NodeBackend = 'wasm'): Promise<typeof tf> {
  tf.enableProdMode();
  if (backend === 'wasm') {
    const require = createRequire(import.meta.url);
    setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm'))}/`);
    registerWasmGradients();
  }
  registerBatchNormGradient();
  installBatchNormInTraining();
  if (!(await tf.setBackend(backend))) throw new Error(`The ${backend} backend could not start.`);
  await tf.ready();
  return tf;
}
