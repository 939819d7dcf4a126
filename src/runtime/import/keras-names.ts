// The names Keras gives the layers of our networks, where they are not ours: keras.applications'
// ResNet50 names its layers by stage and block (`conv3_block2_1_conv`), ours are torchvision's
// state-dict keys (`layer2.1.conv1`); and Keras 2 numbered its automatic names from 1
// (`conv2d_1`) where Keras 3 starts with none (`conv2d`). Names never decide a mapping (that is
// by order, docs/CONVENTIONS.md, "A name is only a name"): they name layers in messages and show
// whether a file's names are the ones Keras would write.

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

/** Keras' automatic layer names, which Keras 2 and Keras 3 number differently. */
const AUTOMATIC = /^(conv2d|batch_normalization|dense|separable_conv2d|depthwise_conv2d|add|activation)(?:_(\d+))?$/;

/** Keras 3's `conv2d`, `conv2d_3` as Keras 2 wrote them (`conv2d_1`, `conv2d_4`); any other name as it is. */
export function keras2Name(keras3: string): string {
  const match = AUTOMATIC.exec(keras3);
  if (!match) return keras3;
  return `${match[1]}_${Number(match[2] ?? 0) + 1}`;
}
