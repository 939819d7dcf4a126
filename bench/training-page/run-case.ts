// One training benchmark case on the current tfjs backend, shared by the page (Chromium) and
// bench/training.ts itself (Node): the app's own trainer on synthetic CIFAR-sized data, with a
// 1024×1024 matMul timed between the steps on the same backend for the bound.

import * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { analyze } from '../../src/analysis/counts';
import { seededRandom } from '../../src/data/batches';
import type { LabeledImages } from '../../src/data/dataset';
import { configure, trainedInput } from '../../src/model/networks';
import { buildLayersModel } from '../../src/runtime/build-layers-model';
import { train } from '../../src/runtime/training/trainer';
import { simdKernels } from '../../src/runtime/training/wasm-simd';
import type { BackendName, Runtime, TrainingCase, TrainingEnv, TrainingResult } from './protocol';

const MATMUL_SIZE = 1024;
const CLASSES = 10;

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** ms until every output's values are on the CPU (honest on the async WebGL backend too). */
async function timed(run: () => tf.Tensor): Promise<number> {
  const start = performance.now();
  const output = run();
  await output.data();
  const ms = performance.now() - start;
  output.dispose();
  return ms;
}

/** Seeded random bytes and labels, 32×32×3 (what the small networks take). */
export function syntheticImages(count: number, seed: number): LabeledImages {
  const random = seededRandom(seed);
  const size = 32 * 32 * 3;
  const pixels = new Uint8Array(count * size);
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.floor(random() * 256);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) labels[i] = Math.floor(random() * CLASSES);
  const classNames = Array.from({ length: CLASSES }, (_, i) => `class ${i}`);
  return { name: 'synthetic', count, height: 32, width: 32, channels: 3, pixels, labels, classNames };
}

/** What the current backend is: WASM's SIMD and threads (WebGL's renderer is the page's to add). */
export async function backendEnv(runtime: Runtime, userAgent: string, hardwareConcurrency: number): Promise<TrainingEnv> {
  const backend = tf.getBackend() as BackendName;
  const common = { backend, runtime, userAgent, hardwareConcurrency };
  if (backend !== 'wasm') return common;
  return {
    ...common,
    simd: (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) as boolean,
    threads: (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) as boolean,
    threadsCount: getThreadsCount(),
    simdTrainingKernels: simdKernels(tf.backend()) !== null,
  };
}

export const caseLabel = (spec: Pick<TrainingCase, 'network' | 'preset'>): string => `${spec.network} ${spec.preset}`;

/**
 * Trains a fresh seeded model for warmupSteps + steps steps of batchSize images; times each step
 * (from the end of the previous step's hook to the step's loss read back) and, in the hooks, the
 * matMul: once after the warm-up and after every timed step, so a slow spell of the machine hits both.
 */
async function trainAndTime(spec: TrainingCase, runtime: Runtime): Promise<TrainingResult> {
  const { model } = configure(spec.network, {}, spec.preset);
  const totals = analyze(model).totals;
  const backend = tf.getBackend() as BackendName;
  const a = tf.randomUniform([MATMUL_SIZE, MATMUL_SIZE], -1, 1, 'float32', 1) as tf.Tensor2D;
  const b = tf.randomUniform([MATMUL_SIZE, MATMUL_SIZE], -1, 1, 'float32', 2) as tf.Tensor2D;
  const matMul = () => timed(() => tf.matMul(a, b));
  let layersModel: tf.LayersModel | undefined;
  try {
    await matMul(); // Untimed: compiles WebGL's program, packs the operands.
    let start = performance.now();
    layersModel = buildLayersModel(model, { seed: 1 });
    const buildMs = performance.now() - start;

    const totalSteps = spec.warmupSteps + spec.steps;
    const data = syntheticImages(Math.max(spec.images, spec.batchSize), spec.seed);
    const stepsPerEpoch = Math.ceil(data.count / spec.batchSize);
    const allMs: number[] = [];
    const matMulMs: number[] = [];
    let lastLoss = NaN;
    start = performance.now();
    await train(
      layersModel,
      data,
      undefined,
      {
        epochs: Math.ceil(totalSteps / stepsPerEpoch),
        batchSize: spec.batchSize,
        learningRate: spec.learningRate,
        augmentation: { crop: 4, flip: true },
        seed: spec.seed,
        maxSteps: totalSteps,
        input: trainedInput(spec.network),
      },
      {
        onStep: async (progress) => {
          allMs.push(performance.now() - start);
          lastLoss = progress.loss;
          if (progress.stepsDone >= spec.warmupSteps) matMulMs.push(await matMul());
          start = performance.now();
        },
      },
    );
    while (matMulMs.length < spec.minMatMulRuns) matMulMs.push(await matMul());

    const stepMs = allMs.slice(spec.warmupSteps);
    const medianStepMs = median(stepMs);
    const imagesPerSecond = (1000 * spec.batchSize) / medianStepMs;
    const matMulGmacs = MATMUL_SIZE ** 3 / median(matMulMs) / 1e6;
    const boundImagesPerSecond = (matMulGmacs * 1e9) / (3 * totals.macs);
    return {
      label: caseLabel(spec),
      backend,
      runtime,
      macs: totals.macs,
      params: totals.params,
      batchSize: spec.batchSize,
      buildMs,
      warmupMs: allMs.slice(0, spec.warmupSteps),
      stepMs,
      medianStepMs,
      minStepMs: Math.min(...stepMs),
      imagesPerSecond,
      trainingGmacs: (3 * totals.macs * imagesPerSecond) / 1e9,
      matMulMs,
      matMulGmacs,
      boundImagesPerSecond,
      boundShare: imagesPerSecond / boundImagesPerSecond,
      lastLoss,
      leakedTensors: 0,
    };
  } finally {
    tf.dispose([a, b]);
    layersModel?.dispose();
  }
}

/** One case on the current backend, and how many tensors it left behind. */
export async function runTrainingCase(spec: TrainingCase, runtime: Runtime): Promise<TrainingResult> {
  const before = tf.memory().numTensors;
  const result = await trainAndTime(spec, runtime);
  return { ...result, leakedTensors: tf.memory().numTensors - before };
}
