// What bench/training.ts asks of the page (and of Node) and what it answers (plain JSON both ways).

import type { NetworkName } from '../../src/model/types';

export type BackendName = 'wasm' | 'cpu' | 'webgl';

/** Where a case ran: the benchmark page in Chromium, or the benchmark's own Node process. */
export type Runtime = 'chromium' | 'node';

export interface TrainingCase {
  readonly network: NetworkName;
  readonly preset: string;
  readonly batchSize: number;
  /** Steps run first and not counted (the first one also builds the optimizer's slots, compiles shaders). */
  readonly warmupSteps: number;
  /** Steps timed after the warm-up. */
  readonly steps: number;
  /** Synthetic images (seeded random bytes, 32×32×3, random labels of 10 classes). */
  readonly images: number;
  readonly seed: number;
  readonly learningRate: number;
  /** At least this many timed 1024×1024 matMuls (one after the warm-up and after each timed step, then more if short). */
  readonly minMatMulRuns: number;
}

export interface TrainingEnv {
  readonly backend: BackendName;
  readonly runtime: Runtime;
  /** Chromium's user agent, or "Node vX". */
  readonly userAgent: string;
  readonly hardwareConcurrency: number;
  readonly crossOriginIsolated?: boolean;
  /** WASM: the SIMD and threads the backend detected, and XNNPACK's thread count. */
  readonly simd?: boolean;
  readonly threads?: boolean;
  readonly threadsCount?: number;
  /** WASM: whether the project's SIMD training kernels run on the backend's memory (wasm-simd.ts). */
  readonly simdTrainingKernels?: boolean;
  /** WebGL: UNMASKED_RENDERER_WEBGL (SwiftShader here) and the WebGL version tfjs uses. */
  readonly renderer?: string;
  readonly webglVersion?: number;
}

export interface TrainingResult {
  readonly label: string;
  readonly backend: BackendName;
  readonly runtime: Runtime;
  /** Forward MACs per image (analyze(model).totals.macs). */
  readonly macs: number;
  readonly params: number;
  readonly batchSize: number;
  /** buildLayersModel (seeded Glorot kernels). */
  readonly buildMs: number;
  /** ms of each warm-up step (the first includes creating the optimizer). */
  readonly warmupMs: number[];
  /** ms of each timed step: from the end of the previous step's hook to this step's loss on the CPU. */
  readonly stepMs: number[];
  readonly medianStepMs: number;
  readonly minStepMs: number;
  /** batchSize / median step time. */
  readonly imagesPerSecond: number;
  /** 3 × forward MACs × images/s (forward, input gradient, weight gradient). */
  readonly trainingGmacs: number;
  /** ms of each 1024×1024×1024 matMul timed between and around the steps. */
  readonly matMulMs: number[];
  /** 1024³ / median matMul time. */
  readonly matMulGmacs: number;
  /** The bound: matMul GMAC/s × 1e9 / (3 × forward MACs per image), in images/s. */
  readonly boundImagesPerSecond: number;
  /** imagesPerSecond / boundImagesPerSecond. */
  readonly boundShare: number;
  /** The loss of the last step (random labels: about ln 10 = 2.3). */
  readonly lastLoss: number;
  /**
   * Tensors left over after the case: 1 expected, tfjs 4.22's MomentumOptimizer.dispose() not
   * calling SGDOptimizer's, which would free the learning-rate scalar (one per training run).
   */
  readonly leakedTensors: number;
}

/** A case that threw, as bench/training.ts records it. */
export interface TrainingFailure {
  readonly label: string;
  readonly backend: BackendName;
  readonly runtime: Runtime;
  readonly error: string;
}

/** One case as bench/training.ts records it: the result or its failure, and the load. */
export type CaseOutcome = (TrainingResult | TrainingFailure) & {
  /** The machine's 1-minute load average before and after the case: other processes' share of the CPU. */
  readonly loadAverage: readonly [number, number];
};
