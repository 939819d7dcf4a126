// The training benchmark page: the app's own trainer (src/runtime/training/trainer.ts) on the
// backend bench/training.ts asks for, with the gradients the app registers before training. WASM
// binaries come from this server (Vite ?url imports of node_modules), never from a CDN.

import * as tf from '@tensorflow/tfjs';
import { logicalCores } from '../page-wasm';
import { registerBatchNormGradient } from '../../src/runtime/training/batch-norm-gradient';
import { installBatchNormInTraining } from '../../src/runtime/training/batch-norm-training';
import { registerWasmGradients } from '../../src/runtime/training/wasm-gradients';
import type { BackendName, TrainingCase, TrainingEnv, TrainingResult } from './protocol';
import { backendEnv, runTrainingCase } from './run-case';

function renderer(): string | undefined {
  const gl = document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl');
  if (!gl) return undefined;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

async function init(backend: BackendName): Promise<TrainingEnv> {
  // As the app's training worker does, on every backend: the BatchNorm gradient is plain tfjs
  // ops; the convolution gradients register for WASM only.
  registerWasmGradients();
  registerBatchNormGradient();
  installBatchNormInTraining();
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} failed to initialize`);
  await tf.ready();
  const env = { ...(await backendEnv('chromium', navigator.userAgent, logicalCores)), crossOriginIsolated: self.crossOriginIsolated };
  return backend === 'webgl' ? { ...env, renderer: renderer(), webglVersion: tf.env().getNumber('WEBGL_VERSION') } : env;
}

const runCase = (spec: TrainingCase): Promise<TrainingResult> => runTrainingCase(spec, 'chromium');

declare global {
  interface Window {
    trainingBench: { init: typeof init; runCase: typeof runCase };
  }
}

window.trainingBench = { init, runCase };
