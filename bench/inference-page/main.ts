// The benchmark page: the app's own model description, LayersModel builder and fast path, run
// on the backend bench/inference.ts asks for. WASM binaries come from this server (Vite ?url
// imports of node_modules), never from a CDN.

import * as tf from '@tensorflow/tfjs';
import { logicalCores } from '../page-wasm';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { analyze } from '../../src/analysis/counts';
import { configure } from '../../src/model/networks';
import { buildLayersModel } from '../../src/runtime/build-layers-model';
import { compileFastModel, type FastModel } from '../../src/runtime/fast';
import { compareWithLayersModel, inputShape } from '../../src/runtime/fast/check';
import { randomizeBiasesAndBatchNorms } from '../../src/runtime/fast/randomize';
import type { BackendName, BenchCase, BenchEnv, BenchResult } from './protocol';

const MATMUL_SIZE = 1024;
let matMulInputs: [tf.Tensor2D, tf.Tensor2D] | undefined;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** ms until every output's values are on the CPU (honest on the async WebGL backend too). */
async function timed(run: () => tf.Tensor | tf.Tensor[]): Promise<number> {
  const start = performance.now();
  const outputs = [run()].flat();
  await Promise.all(outputs.map((t) => t.data()));
  const ms = performance.now() - start;
  tf.dispose(outputs);
  return ms;
}

function renderer(): string | undefined {
  const gl = document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl');
  if (!gl) return undefined;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

async function init(backend: BackendName): Promise<BenchEnv> {
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} failed to initialize`);
  await tf.ready();
  const a = tf.randomUniform([MATMUL_SIZE, MATMUL_SIZE], -1, 1, 'float32', 1) as tf.Tensor2D;
  const b = tf.randomUniform([MATMUL_SIZE, MATMUL_SIZE], -1, 1, 'float32', 2) as tf.Tensor2D;
  matMulInputs = [a, b];
  for (let i = 0; i < 2; i++) await timed(() => tf.matMul(a, b));
  const common = {
    backend,
    userAgent: navigator.userAgent,
    hardwareConcurrency: logicalCores,
    crossOriginIsolated: self.crossOriginIsolated,
  };
  if (backend === 'wasm') {
    return {
      ...common,
      simd: (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) as boolean,
      threads: (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) as boolean,
      threadsCount: getThreadsCount(),
    };
  }
  return { ...common, renderer: renderer(), webglVersion: tf.env().getNumber('WEBGL_VERSION') };
}

/** ms per kernel name for one run (nested op scopes, named `…__op`, are left out). */
async function kernelTimes(run: () => tf.Tensor | tf.Tensor[]): Promise<Record<string, number>> {
  const info = await tf.profile(() => {
    const outputs = [run()].flat();
    outputs.forEach((t) => t.dataSync());
    tf.dispose(outputs);
  });
  const times: Record<string, number> = {};
  for (const k of info.kernels) {
    if (k.name.endsWith('__op') || typeof k.kernelTimeMs !== 'number') continue;
    times[k.name] = (times[k.name] ?? 0) + k.kernelTimeMs;
  }
  return times;
}

async function runCase(spec: BenchCase): Promise<BenchResult> {
  const { model } = configure(spec.network, spec.options, spec.preset);
  const label = [spec.network, spec.preset, ...Object.entries(spec.options).map(([k, v]) => `${k}=${v}`)].filter(Boolean).join(' ');
  const macs = analyze(model).totals.macs;
  const [a, b] = matMulInputs ?? [];
  if (!a || !b) throw new Error('init() first');
  const backend = tf.getBackend() as BackendName;

  let layersModel: tf.LayersModel | undefined;
  let fast: FastModel | undefined;
  const x = tf.randomNormal(inputShape(model), 0, 1, 'float32', 3) as tf.Tensor4D;
  try {
    let start = performance.now();
    layersModel = buildLayersModel(model, { init: 'random' });
    randomizeBiasesAndBatchNorms(layersModel);
    const buildMs = performance.now() - start;
    start = performance.now();
    fast = compileFastModel(model, layersModel);
    const compileMs = performance.now() - start;
    const lm = layersModel;
    const fm = fast;

    const runs = {
      fast: () => fm.predict(x),
      layers: () => lm.predict(x) as tf.Tensor | tf.Tensor[],
      matMul: () => tf.matMul(a, b),
    };
    const firstMs = { fast: await timed(runs.fast), layers: await timed(runs.layers) };

    // Rounds interleave the three so that a slow spell of the machine hits all of them; the
    // order rotates so that none always runs right after another.
    const warm = { fast: [] as number[], layers: [] as number[], matMul: [] as number[] };
    const order = ['fast', 'layers', 'matMul'] as const;
    const began = performance.now();
    for (let round = 0; round < spec.maxRuns; round++) {
      if (round >= spec.minRuns && performance.now() - began > spec.budgetMs) break;
      for (let i = 0; i < order.length; i++) {
        const which = order[(round + i) % order.length];
        warm[which].push(await timed(runs[which]));
      }
    }
    const medianMs = { fast: median(warm.fast), layers: median(warm.layers), matMul: median(warm.matMul) };
    const minMs = { fast: Math.min(...warm.fast), layers: Math.min(...warm.layers), matMul: Math.min(...warm.matMul) };
    const gmacs = {
      fast: macs / medianMs.fast / 1e6,
      layers: macs / medianMs.layers / 1e6,
      matMul: MATMUL_SIZE ** 3 / medianMs.matMul / 1e6,
    };

    let maxRelativeError: number | undefined;
    if (spec.check) {
      const { modules, outputs } = await compareWithLayersModel(model, lm, fm, x);
      maxRelativeError = Math.max(...modules.map((m) => m.error), ...outputs);
    }
    const profile = spec.profile ? { fast: await kernelTimes(runs.fast), layers: await kernelTimes(runs.layers) } : undefined;

    return {
      label,
      backend,
      macs,
      buildMs,
      compileMs,
      firstMs,
      warm,
      medianMs,
      minMs,
      gmacs,
      speedup: medianMs.layers / medianMs.fast,
      matMulShare: gmacs.fast / gmacs.matMul,
      ...(maxRelativeError === undefined ? {} : { maxRelativeError }),
      ...(profile ? { profile } : {}),
    };
  } finally {
    x.dispose();
    fast?.dispose();
    layersModel?.dispose();
  }
}

declare global {
  interface Window {
    inferenceBench: { init: typeof init; runCase: typeof runCase; numTensors: () => number };
  }
}

window.inferenceBench = { init, runCase, numTensors: () => tf.memory().numTensors };
