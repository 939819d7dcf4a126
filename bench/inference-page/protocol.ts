// What bench/inference.ts asks of the page and what the page answers (plain JSON both ways).

import type { NetworkName } from '../../src/model/types';

export type BackendName = 'wasm' | 'webgl';

export interface BenchCase {
  readonly network: NetworkName;
  readonly preset?: string;
  readonly options: Readonly<Record<string, string>>;
  /** Stop adding warm rounds once they have taken about this long (at least minRuns rounds). */
  readonly budgetMs: number;
  readonly minRuns: number;
  readonly maxRuns: number;
  /** Compare the fast path with the LayersModel, module by module, on this backend. */
  readonly check: boolean;
  /** Per-kernel times of one run of each model (tf.profile; meaningful on WASM, which runs synchronously). */
  readonly profile: boolean;
}

export interface BenchEnv {
  readonly backend: BackendName;
  readonly userAgent: string;
  readonly hardwareConcurrency: number;
  readonly crossOriginIsolated: boolean;
  /** WASM: the SIMD and threads the backend detected, and XNNPACK's thread count. */
  readonly simd?: boolean;
  readonly threads?: boolean;
  readonly threadsCount?: number;
  /** WebGL: UNMASKED_RENDERER_WEBGL (SwiftShader here) and the WebGL version tfjs uses. */
  readonly renderer?: string;
  readonly webglVersion?: number;
}

/** Milliseconds of each warm run, in the order they ran (rounds interleave the three). */
export interface WarmRuns {
  readonly fast: number[];
  readonly layers: number[];
  readonly matMul: number[];
}

export interface BenchResult {
  readonly label: string;
  readonly backend: BackendName;
  readonly macs: number;
  /** buildLayersModel (random kernels, the non-trivial BatchNorms of the tests). */
  readonly buildMs: number;
  /** compileFastModel on top of it (folding, copies). */
  readonly compileMs: number;
  /** First inference of each, fast path first (so shared shader programs / packed weights favour the LayersModel). */
  readonly firstMs: { readonly fast: number; readonly layers: number };
  readonly warm: WarmRuns;
  readonly medianMs: { readonly fast: number; readonly layers: number; readonly matMul: number };
  /** The fastest warm run of each: less sensitive to other processes than the median. */
  readonly minMs: { readonly fast: number; readonly layers: number; readonly matMul: number };
  /** GMAC/s: the network's MACs (analyze(model).totals.macs) / median latency; matMul: 1024³ / median. */
  readonly gmacs: { readonly fast: number; readonly layers: number; readonly matMul: number };
  /** median layers / median fast. */
  readonly speedup: number;
  /** fast GMAC/s / matMul GMAC/s. */
  readonly matMulShare: number;
  /** Largest max|fast − layers| / max|layers| over every module output and final output. */
  readonly maxRelativeError?: number;
  /** ms per kernel name for one run of each model. */
  readonly profile?: { readonly fast: Record<string, number>; readonly layers: Record<string, number> };
}

/** A case that threw (e.g. out of WASM memory), as recorded by bench/inference.ts. */
export interface BenchFailure {
  readonly label: string;
  readonly backend: BackendName;
  readonly error: string;
}

/** One case as bench/inference.ts records it: the page's result or its failure, and the load. */
export type CaseOutcome = (BenchResult | BenchFailure) & {
  /** The machine's 1-minute load average before and after the case: other processes' share of the CPU. */
  readonly loadAverage: readonly [number, number];
};
