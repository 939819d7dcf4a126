// compileFastModel: the description plus a LayersModel's weights → a FastModel (see types.ts).

import * as tf from '@tensorflow/tfjs';
import type { Model, Node } from '../../model/types';
import { compileNode, type Compiler } from './compile';
import type { FastModel, FastStep, ModuleRun, PredictModulesOptions } from './types';

/**
 * Compiles `description` for inference with the weights of `layersModel` (built from the same
 * description, e.g. by buildLayersModel, or loaded), read by layer name. The LayersModel can be
 * disposed afterwards: the FastModel owns copies of what it needs.
 */
export function compileFastModel(description: Model, layersModel: tf.LayersModel): FastModel {
  if (description.root.tap) throw new Error('the root sequence cannot be a tap');
  const owned: tf.Tensor[] = [];
  const compiler: Compiler = {
    layersModel,
    own: (tensor) => {
      owned.push(tf.keep(tensor));
      return tensor;
    },
  };
  let plan: FastStep[];
  try {
    plan = description.root.children.map((node) => compileStep(node, compiler));
  } catch (error) {
    tf.dispose(owned);
    throw error;
  }

  let disposed = false;
  const live = () => {
    if (disposed) throw new Error('this FastModel has been disposed');
  };

  return {
    plan,
    predict(x) {
      live();
      return tf.tidy(() => {
        const taps: tf.Tensor[] = [];
        let current: tf.Tensor = x;
        for (const step of plan) current = advance(step, current, taps);
        return [current === x ? tf.clone(x) : current, ...taps];
      });
    },
    async predictModules(x, onModule, options: PredictModulesOptions = {}) {
      live();
      const sync = options.sync ?? true;
      const taps: tf.Tensor[] = [];
      let current: tf.Tensor = x;
      try {
        for (const [index, step] of plan.entries()) {
          const start = performance.now();
          const { output, taps: inner } = step.run(current);
          if (step.tap) taps.push(...inner, output);
          else {
            taps.push(...inner);
            if (current !== x) current.dispose();
            current = output;
          }
          if (sync) await Promise.all([output, ...inner].map((t) => t.data()));
          const run: ModuleRun = { path: step.path, tap: step.tap, index, output, ms: performance.now() - start };
          await onModule(run);
        }
      } catch (error) {
        if (current !== x) current.dispose();
        tf.dispose(taps);
        throw error;
      }
      return [current === x ? tf.clone(x) : current, ...taps];
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      tf.dispose(owned);
      owned.length = 0;
    },
  };
}

/** Runs one step inside predict(): taps are collected, the main tensor moves on. */
function advance(step: FastStep, x: tf.Tensor, taps: tf.Tensor[]): tf.Tensor {
  const { output, taps: inner } = step.run(x);
  taps.push(...inner);
  if (!step.tap) return output;
  taps.push(output);
  return x;
}

function compileStep(node: Node, compiler: Compiler): FastStep {
  const op = compileNode(node, compiler);
  const tap = node.kind === 'sequence' && node.tap === true;
  const path = 'id' in node ? node.id : node.name;
  return {
    path,
    tap,
    run(x) {
      const [output, ...taps] = tf.tidy(() => {
        const inner: tf.Tensor[] = [];
        const out = op(x, inner);
        // A tap's own output is the last one it pushed; the identity gets a copy the caller owns.
        if (tap) return [inner.pop() as tf.Tensor, ...inner];
        return [out === x ? tf.clone(x) : out, ...inner];
      });
      return { output, taps };
    },
  };
}
