// Checking the fast path against the plain LayersModel it was compiled from, module by module:
// used by the unit tests and by the benchmark (on WASM and WebGL in the browser).

import * as tf from '@tensorflow/tfjs';
import { isBlock, type Model, type Node } from '../../model/types';
import type { FastModel } from './types';

/**
 * max|actual − expected| / max|expected| over all elements: the error relative to the tensor's
 * scale, so that values near zero (after a ReLU) do not blow it up. 0 when both are all zeros.
 */
export function maxRelativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) throw new Error(`sizes differ: ${actual.length} vs ${expected.length}`);
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i] - expected[i]));
    scale = Math.max(scale, Math.abs(expected[i]));
  }
  return diff === 0 ? 0 : diff / scale;
}

/** [batch, h, w, c]: the shape of a batch of inputs for the model. */
export function inputShape(model: Model, batch = 1): [number, number, number, number] {
  const [h, w, c] = model.input;
  return [batch, h, w, c];
}

function maxAbs(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i]));
  return max;
}

/** Name of the layer (or join) whose output is the node's output; a tap passes its input on. */
export function outputLayerName(node: Node): string | undefined {
  if (!isBlock(node)) return node.name;
  if (node.kind !== 'sequence') return node.joinName;
  for (let i = node.children.length - 1; i >= 0; i--) {
    const child = node.children[i];
    if (child.kind === 'sequence' && child.tap) continue;
    return outputLayerName(child);
  }
  return undefined;
}

export interface ModuleError {
  readonly path: string;
  /** maxRelativeError of the fast module output against the LayersModel's at the same layer. */
  readonly error: number;
  /** max|expected|: the scale the error is relative to. */
  readonly scale: number;
}

/**
 * Runs both models on `x` and compares every top-level module's output (the fast chain against
 * the LayersModel's activation at the module's last layer) and every final output.
 */
export async function compareWithLayersModel(
  description: Model,
  layersModel: tf.LayersModel,
  fast: FastModel,
  x: tf.Tensor4D,
): Promise<{ modules: ModuleError[]; outputs: number[] }> {
  const names = description.root.children.map(outputLayerName);
  const probed = names.flatMap((name, i) => (name === undefined ? [] : [{ name, path: fast.plan[i].path }]));
  // A second graph over the same layers (no new weights) whose outputs are every module's
  // output, then those of the model's own outputs not among them (tfjs rejects duplicates): one
  // LayersModel run gives all of them.
  const symbolic = probed.map(({ name }) => layersModel.getLayer(name).output as tf.SymbolicTensor);
  for (const output of layersModel.outputs) if (!symbolic.includes(output)) symbolic.push(output);
  const probe = tf.model({ inputs: layersModel.inputs, outputs: symbolic });
  const expected = tf.tidy(() => [probe.predict(x)].flat());
  const expectedValues = await Promise.all(expected.map((t) => t.data()));
  tf.dispose(expected);
  const finalExpectedValues = layersModel.outputs.map((output) => expectedValues[symbolic.indexOf(output)]);

  const actualValues = new Map<string, Float32Array>();
  const outputs = await fast.predictModules(x, async ({ path, output }) => {
    actualValues.set(path, (await output.data()) as Float32Array);
  });
  const finalActual = await Promise.all(outputs.map((t) => t.data()));
  tf.dispose(outputs);

  const modules = probed.map(({ path }, i) => {
    const actual = actualValues.get(path);
    if (!actual) throw new Error(`module "${path}" did not run`);
    return {
      path,
      error: maxRelativeError(actual, expectedValues[i]),
      scale: maxAbs(expectedValues[i] as Float32Array),
    };
  });
  return { modules, outputs: finalActual.map((a, i) => maxRelativeError(a, finalExpectedValues[i])) };
}
