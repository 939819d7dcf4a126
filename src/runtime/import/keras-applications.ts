// The keras.applications networks whose .h5 files map onto ours, and how: which of our networks
// and presets each is, how its Keras code orders joins and names layers, which layers are its
// top (include_top), and what the file's shapes say about the options weights depend on
// (the classes; VGG's input size, through fc1).

import type { KerasLayerWeights } from '../../weights/keras-h5';
import type { KerasLayout } from './keras-match';
import { kerasResNetName } from './keras-names';

export interface KerasApplication extends KerasLayout {
  /** keras.applications' name: `Xception`, `VGG16`. */
  readonly name: string;
  readonly network: string;
  readonly preset: string;
  /** Our layers with weights that include_top=True adds, in our order. */
  readonly top: readonly string[];
  /** The options the file's shapes decide (as text), given its layers with weights. */
  readonly optionsFrom: (weighted: readonly KerasLayerWeights[]) => Readonly<Record<string, string>>;
}

/** The classes: the columns of the last layer's kernel (in × classes), when it has one. */
function classes(weighted: readonly KerasLayerWeights[]): Record<string, string> {
  const kernel = weighted.at(-1)?.weights[0]?.shape;
  return kernel?.length === 2 ? { classes: String(kernel[1]) } : {};
}

/**
 * VGG's head flattens the last pool, so fc1's kernel has (input/32)²·512 rows: the input is the
 * smallest size that gives them (224 for 25,088 rows), and fc is fc1's units.
 */
function vggOptions(weighted: readonly KerasLayerWeights[]): Record<string, string> {
  const fc1 = weighted.find((layer) => layer.weights[0]?.shape.length === 2)?.weights[0].shape;
  if (fc1 === undefined) return classes(weighted);
  const side = Math.sqrt(fc1[0] / 512);
  return { ...classes(weighted), ...(Number.isInteger(side) && side > 0 ? { input: String(32 * side) } : {}), fc: String(fc1[1]) };
}

const same = (ours: string) => ours;

export const KERAS_APPLICATIONS: readonly KerasApplication[] = [
  // `x = layers.add([x, residual])`: the main path first, as our branches.
  { name: 'Xception', network: 'xception', preset: 'keras', joinInputs: 'ours', kerasName: same, top: ['predictions'], optionsFrom: classes },
  { name: 'VGG16', network: 'vgg', preset: 'vgg16', joinInputs: 'ours', kerasName: same, top: ['fc1', 'fc2', 'predictions'], optionsFrom: vggOptions },
  { name: 'VGG19', network: 'vgg', preset: 'vgg19', joinInputs: 'ours', kerasName: same, top: ['fc1', 'fc2', 'predictions'], optionsFrom: vggOptions },
  // `layers.Add()([shortcut, x])`: the shortcut first, the reverse of our branches.
  {
    name: 'ResNet50',
    network: 'resnet',
    preset: 'keras',
    joinInputs: 'reversed',
    kerasName: (ours) => kerasResNetName(ours) ?? ours,
    top: ['fc'],
    optionsFrom: classes,
  },
];
