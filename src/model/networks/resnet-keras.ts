// How keras.applications.ResNet50 (our `keras` preset) names and orders its layers, for its .h5
// files: by stage and block (`conv3_block2_1_conv`) where ours are torchvision's state-dict keys
// (`layer2.1.conv1`), and its `layers.Add()([shortcut, x])` passes the shortcut first, the
// reverse of our branches. src/analysis/keras-applications.test.ts checks the map on every layer.

import type { KerasModels } from './contract';
import { kerasClasses } from './keras-classes';

/** `conv3_block2_1_conv` → `layer2.1.conv1`, `conv2_block1_0_bn` → `layer1.0.downsample.1`, `conv1_bn` → `bn1`; undefined for any other name. */
export function torchvisionResNetName(keras: string): string | undefined {
  if (keras === 'conv1_conv') return 'conv1';
  if (keras === 'conv1_bn') return 'bn1';
  if (keras === 'predictions') return 'fc';
  const match = /^conv(\d)_block(\d+)_(\d)_(conv|bn)$/.exec(keras);
  if (!match) return undefined;
  const [, stage, block, unit, kind] = match;
  const id = `layer${Number(stage) - 1}.${Number(block) - 1}`;
  if (unit === '0') return `${id}.downsample.${kind === 'conv' ? 0 : 1}`;
  return `${id}.${kind}${unit}`;
}

/** The inverse: `layer2.1.conv1` → `conv3_block2_1_conv`, `layer1.0.downsample.0` → `conv2_block1_0_conv`, `fc` → `predictions`; undefined for a layer Keras' ResNet50 has no weights for. */
export function kerasResNetName(ours: string): string | undefined {
  if (ours === 'conv1') return 'conv1_conv';
  if (ours === 'bn1') return 'conv1_bn';
  if (ours === 'fc') return 'predictions';
  const match = /^layer(\d)\.(\d+)\.(?:(conv|bn)(\d)|downsample\.([01]))$/.exec(ours);
  if (!match) return undefined;
  const [, stage, block, kind, unit, downsample] = match;
  const id = `conv${Number(stage) + 1}_block${Number(block) + 1}`;
  if (downsample !== undefined) return `${id}_0_${downsample === '0' ? 'conv' : 'bn'}`;
  return `${id}_${unit}_${kind}`;
}

export const resnetKeras: KerasModels = {
  models: [{ title: 'ResNet50', preset: 'keras' }],
  joinInputs: 'reversed',
  layerName: (ours) => kerasResNetName(ours) ?? ours,
  top: ['fc'],
  optionsFrom: kerasClasses,
};
