// Writes mapped Keras weights (keras-match.ts) into a tf.LayersModel that buildLayersModel made
// from the same description. Everything is checked before anything is written: every layer of
// the model with weights must have its mapped values, with as many weights, each with the name
// and shape tfjs has for it; so a file that does not fit leaves the model as it was.

import * as tf from '@tensorflow/tfjs';
import { formatShape } from '../../model/shapes';
import { KerasMismatchError, type MappedLayer } from './keras-match';

/** Sets every weight of `model` from `layers`; returns how many weights were written. Throws a KerasMismatchError, writing nothing, when they do not fit. */
export function setKerasWeights(model: tf.LayersModel, layers: readonly MappedLayer[]): number {
  const byName = new Map(layers.map((layer) => [layer.name, layer]));
  const pairs: { variable: tf.LayerVariable; data: Float32Array; shape: readonly number[] }[] = [];
  const targets = model.layers.filter((layer) => layer.weights.length > 0);
  for (const layer of targets) {
    const mapped = byName.get(layer.name);
    if (mapped === undefined) throw new KerasMismatchError(`layer "${layer.name}" of the model has no weights from the file`);
    if (mapped.weights.length !== layer.weights.length) {
      throw new KerasMismatchError(`layer "${layer.name}": the file gives ${mapped.weights.length} weights, the model has ${layer.weights.length} (${layer.weights.map((w) => w.originalName).join(', ')})`);
    }
    layer.weights.forEach((variable, i) => {
      const weight = mapped.weights[i];
      const name = variable.originalName.slice(variable.originalName.lastIndexOf('/') + 1);
      const shape = variable.shape as number[];
      if (name !== weight.name || shape.length !== weight.shape.length || shape.some((n, j) => n !== weight.shape[j])) {
        throw new KerasMismatchError(`${variable.originalName}: the file gives ${weight.name} ${formatShape(weight.shape) || 'scalar'}, the model has ${name} ${formatShape(shape) || 'scalar'}`);
      }
      pairs.push({ variable, data: weight.data, shape: weight.shape });
    });
  }
  const extra = layers.find((layer) => !targets.some((t) => t.name === layer.name));
  if (extra !== undefined) throw new KerasMismatchError(`the file gives weights for "${extra.name}" (from "${extra.fileName}"), which the model does not have`);
  for (const { variable, data, shape } of pairs) {
    const value = tf.tensor(data, [...shape], 'float32');
    variable.write(value);
    value.dispose();
  }
  return pairs.length;
}
