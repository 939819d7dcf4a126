// The public surface of the fast inference path.

import type * as tf from '@tensorflow/tfjs';

/** One top-level module of the network (`conv1`, `inception_3a`, `aux1`, `block4`), runnable alone. */
export interface FastStep {
  /** The module's path, as in the description and in analyze(): `inception_3a`, `block5`. */
  readonly path: string;
  /**
   * A tap (GoogLeNet's auxiliary classifiers) reads the running tensor and ends in an extra
   * output; the main flow continues past it with the same tensor it gave the tap.
   */
  readonly tap: boolean;
  /**
   * Applies the module to `x` (not disposed). Returns new tensors the caller owns: `output` (for
   * a tap, the tap's own result) and `taps`, side outputs nested inside the module, in network
   * order. Every intermediate tensor is freed before it returns.
   */
  run(x: tf.Tensor): FastStepResult;
}

export interface FastStepResult {
  readonly output: tf.Tensor;
  readonly taps: tf.Tensor[];
}

/** What predictModules reports after each top-level module. */
export interface ModuleRun {
  readonly path: string;
  readonly tap: boolean;
  /** Index of the step in the plan. */
  readonly index: number;
  /**
   * The module's output (a tap's own output for a tap). predictModules owns it: do not dispose
   * it, and tf.clone it to keep it past the callback (it is freed once the next module has run).
   */
  readonly output: tf.Tensor;
  /**
   * Wall-clock ms from the start of the module until its output was ready. With `sync: true` the
   * output's values were downloaded (await data()) before the clock stopped, so on an async
   * backend (WebGL) the time covers the GPU work and one read-back of the output, not just the
   * scheduling of it.
   */
  readonly ms: number;
}

export interface PredictModulesOptions {
  /**
   * Wait for each module's values before timing it and moving on (default true). Without it,
   * times on WebGL measure only how fast work is queued.
   */
  readonly sync?: boolean;
}

/**
 * A network compiled for inference: BatchNorm folded into the preceding conv or dense layer, bias
 * and ReLU fused into tf.fused ops, dropout gone. Owns its weights, freed by dispose(): folded
 * ones are new tensors, the others tf.clone()s that share the LayersModel's memory (ref-counted,
 * so the LayersModel may be disposed first).
 */
export interface FastModel {
  /** The top-level modules in network order; predict() is these steps run one after another. */
  readonly plan: readonly FastStep[];
  /** [main output, ...tap outputs in network order], like the LayersModel's outputs. */
  predict(x: tf.Tensor4D): tf.Tensor[];
  /**
   * predict() module by module, calling `onModule` after each top-level module with its output and
   * its time (see ModuleRun.ms). Resolves to the same tensors as predict(), which the caller owns.
   */
  predictModules(
    x: tf.Tensor4D,
    onModule: (run: ModuleRun) => void | Promise<void>,
    options?: PredictModulesOptions,
  ): Promise<tf.Tensor[]>;
  /** Frees every weight the model owns; the model cannot be used afterwards. */
  dispose(): void;
}
