// How torchvision names VGG's weights (its vgg11 … vgg19 and vgg11_bn … vgg19_bn): by position in
// its nn.Sequential modules, where ours keep Keras' names.

import type { Layer } from '../types';
import type { FrameworkModels } from './contract';

/**
 * VGG's `features` is one nn.Sequential of Conv2d, [BatchNorm2d,] ReLU and MaxPool2d, and its
 * `classifier` of Linear, ReLU, Dropout: each module takes the next index, so a conv with its
 * ReLU fused takes two.
 */
const prefixes = (layers: readonly Layer[]): Map<string, string> => {
  const names = new Map<string, string>();
  let feature = 0;
  let classifier = 0;
  for (const node of layers) {
    switch (node.kind) {
      case 'conv2d':
        names.set(node.name, `features.${feature}`);
        feature += node.activation ? 2 : 1;
        break;
      case 'batchNorm':
        names.set(node.name, `features.${feature++}`);
        break;
      case 'relu':
      case 'maxPool':
      case 'lrn':
        feature++;
        break;
      case 'dense':
        names.set(node.name, `classifier.${classifier}`);
        classifier += 3;
        break;
      default:
        break;
    }
  }
  return names;
};

export const vggTorchvision: FrameworkModels = {
  models: ['11', '13', '16', '19'].flatMap((depth) => [
    { title: `vgg${depth}`, preset: `vgg${depth}`, overrides: { bn: 'off' } },
    { title: `vgg${depth}_bn`, preset: `vgg${depth}`, overrides: { bn: 'on' } },
  ]),
  prefixes,
};
