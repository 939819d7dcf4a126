// How keras.applications.Xception builds and names its layers, for its .h5 files: our names are
// Keras' own, and its `layers.add([x, residual])` passes the main path first, as our branches.

import type { KerasModels } from './contract';
import { kerasClasses } from './keras-classes';

export const xceptionKeras: KerasModels = {
  models: [{ title: 'Xception', preset: 'keras' }],
  joinInputs: 'ours',
  layerName: (ours) => ours,
  top: ['predictions'],
  optionsFrom: kerasClasses,
};
