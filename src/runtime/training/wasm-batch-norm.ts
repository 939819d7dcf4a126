// BatchNorm on WASM as single SIMD passes (wasm-kernels/). tfjs computes a training batch's
// statistics with Mean, Sub, Square, Mean (WASM's Mean transposes the activation first) and its
// gradient with about seven elementwise kernels and two Sums; WASM's FusedBatchNorm is a scalar
// loop. Here: the statistics in two passes, the normalization in one, the gradient in two.
// batch-norm-training.ts uses the two training kernels when hasWasmBatchNormKernels() says so.

import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { Backend, Kernel, WasmHeap } from './wasm-kernel-calls';
import { heapOffsets, simdKernels } from './wasm-simd';

/** Kernel names of this project's own (WASM only): [mean, variance] of x over all but its last axis. */
export const BATCH_NORM_STATISTICS = 'InceptionExplorerBatchNormStatistics';
/** [dx, dγ, dβ] of BatchNorm with the batch's own statistics; attrs { epsilon }. */
export const BATCH_NORM_TRAINING_GRADIENT = 'InceptionExplorerBatchNormTrainingGradient';

/** x as rows of its last axis: m rows of c channels. */
const rows = (x: TensorInfo): { m: number; c: number } => {
  const c = x.shape[x.shape.length - 1];
  return { m: tf.util.sizeFromShape(x.shape) / c, c };
};

const heapOf = (backend: Backend) => backend as unknown as WasmHeap;

/** The SIMD module, which the two training kernels need (callers ask hasWasmBatchNormKernels() first). */
function required(backend: Backend) {
  const simd = simdKernels(backend);
  if (!simd) throw new Error('BatchNorm training kernels need the WASM SIMD module, which is not running.');
  return simd;
}

const statistics: Kernel = ({ inputs, backend }) => {
  const { x } = inputs as { x: TensorInfo };
  const simd = required(backend);
  const { m, c } = rows(x);
  const heap = heapOf(backend);
  const [mean, variance, scratch] = [heap.makeOutput([c], 'float32'), heap.makeOutput([c], 'float32'), heap.makeOutput([c], 'float32')];
  const at = heapOffsets(backend);
  simd.batchNormStatistics(at(x), m, c, at(mean), at(variance), at(scratch));
  backend.disposeData(scratch.dataId);
  return [mean, variance] as unknown as TensorInfo;
};

const trainingGradient: Kernel = ({ inputs, backend, attrs }) => {
  const { x, dy, mean, variance, gamma } = inputs as Record<'x' | 'dy' | 'mean' | 'variance' | 'gamma', TensorInfo>;
  const { epsilon } = attrs as unknown as { epsilon: number };
  const simd = required(backend);
  const { m, c } = rows(x);
  const heap = heapOf(backend);
  const dx = heap.makeOutput([...x.shape], 'float32');
  const [dgamma, dbeta, scratch] = [heap.makeOutput([c], 'float32'), heap.makeOutput([c], 'float32'), heap.makeOutput([4 * c], 'float32')];
  const at = heapOffsets(backend);
  simd.batchNormGradient(at(x), at(dy), m, c, at(mean), at(variance), at(gamma), epsilon, at(dx), at(dgamma), at(dbeta), at(scratch));
  backend.disposeData(scratch.dataId);
  return [dx, dgamma, dbeta] as unknown as TensorInfo;
};

/**
 * WASM's FusedBatchNorm with the common case (float32, every parameter one value per channel of
 * the last axis) done in one SIMD pass; anything else stays with WASM's own kernel.
 */
export function fasterFusedBatchNorm(wasmOwn: KernelConfig): KernelConfig {
  const kernel: Kernel = (args) => {
    const { x, mean, variance, offset, scale } = args.inputs as { x: TensorInfo } & Partial<Record<'mean' | 'variance' | 'offset' | 'scale', TensorInfo>>;
    const { varianceEpsilon } = args.attrs as unknown as { varianceEpsilon: number };
    const simd = simdKernels(args.backend);
    const c = x.shape[x.shape.length - 1];
    // One value per channel of the last axis: shape [c] or [1, …, 1, c] (not [1, c, 1, 1] for channels first).
    const alongLastAxis = (p: TensorInfo | undefined): p is TensorInfo =>
      p !== undefined && p.dtype === 'float32' && tf.util.sizeFromShape(p.shape) === c && p.shape[p.shape.length - 1] === c;
    if (!simd || x.dtype !== 'float32' || !alongLastAxis(mean) || !alongLastAxis(variance) || !alongLastAxis(offset) || !alongLastAxis(scale)) {
      return wasmOwn.kernelFunc(args) as TensorInfo;
    }
    const heap = heapOf(args.backend);
    const y = heap.makeOutput([...x.shape], 'float32');
    const scratch = heap.makeOutput([c], 'float32');
    const at = heapOffsets(args.backend);
    simd.batchNormForward(at(x), rows(x).m, c, at(mean), at(variance), at(scale), at(offset), varianceEpsilon, at(y), at(scratch));
    args.backend.disposeData(scratch.dataId);
    return y;
  };
  return { ...wasmOwn, kernelFunc: kernel as unknown as KernelFunc };
}

export const wasmBatchNormKernels: readonly KernelConfig[] = [
  { kernelName: BATCH_NORM_STATISTICS, backendName: 'wasm', kernelFunc: statistics as unknown as KernelFunc },
  { kernelName: BATCH_NORM_TRAINING_GRADIENT, backendName: 'wasm', kernelFunc: trainingGradient as unknown as KernelFunc },
];

/** Whether the current backend runs the two training kernels: WASM with the SIMD module on its memory. */
export function hasWasmBatchNormKernels(): boolean {
  return tf.getBackend() === 'wasm' && tf.getKernel(BATCH_NORM_STATISTICS, 'wasm') !== undefined && simdKernels(tf.backend()) !== null;
}
