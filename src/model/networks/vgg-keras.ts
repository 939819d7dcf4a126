// How keras.applications' VGG16 and VGG19 name their layers, for their .h5 files: our names are
// Keras' own. The head flattens the last pool, so fc1's kernel tells the input size.

import type { KerasModels, OptionText } from './contract';
import { kerasClasses } from './keras-classes';

/**
 * fc1's kernel has (input/32)²·512 rows: the input is the smallest size that gives them (224 for
 * 25,088 rows), and fc is fc1's units.
 */
function optionsFrom(shapes: readonly (readonly (readonly number[])[])[]): OptionText {
  const fc1 = shapes.find((weights) => weights[0]?.length === 2)?.[0];
  if (fc1 === undefined) return kerasClasses(shapes);
  const side = Math.sqrt(fc1[0] / 512);
  return { ...kerasClasses(shapes), ...(Number.isInteger(side) && side > 0 ? { input: String(32 * side) } : {}), fc: String(fc1[1]) };
}

export const vggKeras: KerasModels = {
  models: [
    { title: 'VGG16', preset: 'vgg16' },
    { title: 'VGG19', preset: 'vgg19' },
  ],
  joinInputs: 'ours',
  layerName: (ours) => ours,
  top: ['fc1', 'fc2', 'predictions'],
  optionsFrom,
};
