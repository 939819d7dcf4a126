// Running a built network module by module: the description tree says which layers form each
// top-level module, the LayersModel holds those layers. Per-module timing and feature maps need
// the tensors between modules, which LayersModel.predict never shows.

import * as tf from '@tensorflow/tfjs';
import { childPath } from '../../model/shapes';
import { assertNever, type Model, type Node, type Sequence } from '../../model/types';
import { compileFastModel } from '../fast';

/** One top-level module's result: the tensor that flows on, and what was asked to be kept. */
export interface ModuleOutput {
  /** The main flow after the module (a tap leaves it unchanged: the same tensor as its input). */
  readonly next: tf.Tensor;
  /** The module's own output: `next`, or a tap's side output. */
  readonly output: tf.Tensor;
  /** Kept outputs by module path or layer id (`inception_3a/5x5`, `conv1/conv1`). */
  readonly kept: Readonly<Record<string, tf.Tensor>>;
}

/** What inference needs from a built network. */
export interface Runner {
  /** Top-level module paths, in execution order. */
  readonly modules: readonly string[];
  /** Whole network in one call: [main, ...taps]. The caller disposes the results. */
  predict(x: tf.Tensor): tf.Tensor[];
  /**
   * Runs top-level module `index` on `x` (the previous module's `next`). New tensors belong to the
   * caller; `x` is not disposed.
   */
  runModule(index: number, x: tf.Tensor, keep?: ReadonlySet<string>): ModuleOutput;
  dispose(): void;
}

/**
 * The runner used for inference: the fast path (src/runtime/fast: BatchNorm folded into convs,
 * bias and ReLU fused) for whole passes and module steps; the LayersModel, layer by layer, when a
 * step must also return the tensors inside it (branch and layer outputs for feature maps). Both
 * compute the same values (tests: 1e-4 relative error at most).
 */
export function createRunner(description: Model, layersModel: tf.LayersModel): Runner {
  const layers = layersRunner(description, layersModel);
  const fast = compileFastModel(description, layersModel);
  return {
    modules: layers.modules,
    predict: (x) => fast.predict(x as tf.Tensor4D),
    runModule: (index, x, keep = new Set()) => {
      if (keep.size > 0) return layers.runModule(index, x, keep);
      const step = fast.plan[index];
      const { output, taps } = step.run(x);
      tf.dispose(taps); // taps nested inside a module: none in these networks, never needed here
      return { next: step.tap ? x : output, output, kept: {} };
    },
    dispose: () => {
      fast.dispose();
      layers.dispose();
    },
  };
}

/** A runner over a LayersModel built by buildLayersModel (layers found by their names). */
export function layersRunner(description: Model, layersModel: tf.LayersModel): Runner {
  const top = description.root.children;
  const layer = (name: string) => layersModel.getLayer(name);

  /** Applies a node under `parent` (the enclosing block's path); records kept outputs. */
  const apply = (node: Node, x: tf.Tensor, parent: string, keep: ReadonlySet<string>, kept: Record<string, tf.Tensor>, taps: tf.Tensor[]): tf.Tensor => {
    switch (node.kind) {
      case 'sequence': {
        const path = childPath(parent, node.id);
        const out = node.children.reduce((t, child) => apply(child, t, path, keep, kept, taps), x);
        if (keep.has(path)) kept[path] = out;
        if (!node.tap) return out;
        taps.push(out);
        return x;
      }
      case 'concat':
      case 'add': {
        const path = childPath(parent, node.id);
        const outs = node.branches.map((branch) => apply(branch as Sequence, x, path, keep, kept, taps));
        const out = layer(node.joinName).apply(outs) as tf.Tensor;
        if (keep.has(path)) kept[path] = out;
        return out;
      }
      case 'conv2d':
      case 'separableConv2d':
      case 'depthwiseConv2d':
      case 'batchNorm':
      case 'relu':
      case 'maxPool':
      case 'avgPool':
      case 'globalAvgPool':
      case 'lrn':
      case 'dropout':
      case 'flatten':
      case 'dense':
      case 'softmax':
      case 'padChannels': {
        const out = layer(node.name).apply(x, { training: false }) as tf.Tensor;
        const id = `${parent}/${node.name}`;
        if (keep.has(id)) kept[id] = out;
        return out;
      }
      default:
        return assertNever(node);
    }
  };

  return {
    modules: top.map((node) => ('id' in node ? node.id : node.name)),
    predict: (x) => {
      const y = layersModel.predict(x);
      return Array.isArray(y) ? y : [y];
    },
    runModule: (index, x, keep = new Set()) =>
      tf.tidy(() => {
        const kept: Record<string, tf.Tensor> = {};
        const taps: tf.Tensor[] = [];
        const next = apply(top[index], x, '', keep, kept, taps);
        return { next, output: taps[0] ?? next, kept };
      }),
    dispose: () => layersModel.dispose(),
  };
}

export interface PassOptions {
  /** Module paths and layer ids whose outputs to return (the caller disposes them). */
  readonly keep?: ReadonlySet<string>;
  /** Stop after this top-level module index (default: the last). */
  readonly last?: number;
  /** Waits until a module's output is computed (asynchronous backends); inside the timed span. */
  readonly sync?: (output: tf.Tensor) => Promise<void>;
  /** Runs between modules, outside the timed span (yield to messages, check cancellation). */
  readonly between?: () => Promise<void>;
  readonly now?: () => number;
}

/**
 * One pass through the network, module by module: the time of each module (run + sync) and the
 * kept outputs. Every other intermediate tensor is disposed, also when a step throws.
 */
export async function passByModule(
  runner: Runner,
  input: tf.Tensor,
  options: PassOptions = {},
): Promise<{ readonly ms: number[]; readonly kept: Record<string, tf.Tensor> }> {
  const { keep = new Set<string>(), last = runner.modules.length - 1, sync, between, now = () => performance.now() } = options;
  const kept: Record<string, tf.Tensor> = {};
  const keptTensors = () => new Set(Object.values(kept));
  const ms: number[] = [];
  let x = input;
  const release = (t: tf.Tensor) => {
    if (t !== input && !keptTensors().has(t)) t.dispose();
  };
  try {
    for (let index = 0; index <= last; index++) {
      const start = now();
      const result = runner.runModule(index, x, keep);
      Object.assign(kept, result.kept);
      if (sync) await sync(result.output);
      ms.push(now() - start);
      if (result.output !== result.next) release(result.output);
      if (result.next !== x) release(x);
      x = result.next;
      if (between && index < last) await between();
    }
  } catch (error) {
    for (const t of keptTensors()) if (t !== input) t.dispose();
    release(x);
    throw error;
  }
  release(x);
  return { ms, kept };
}
