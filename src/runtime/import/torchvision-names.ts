// Which torchvision state-dict keys each layer of ours stands for, with their shapes in
// torchvision's layout (conv OIHW, dense [out, in]). ResNet already carries torchvision's names;
// VGG and GoogLeNet keep Keras' and the paper's, so their keys are worked out here: VGG by its
// position in torchvision's nn.Sequential (`features.N`, `classifier.N`), GoogLeNet by a table of
// its BasicConv2d modules. The recogniser and the mapper both read this one layout.

import { inferShapes, isShapedBlock, type ShapedLayer, type ShapedNode } from '../../model/shapes';
import type { Configuration } from '../../model/networks';
import type { Shape } from '../../model/types';

/** A layer of ours with weights, and the torchvision keys that fill it, in tfjs' weight order. */
export interface TorchvisionLayer {
  readonly layer: string;
  readonly kind: 'conv2d' | 'batchNorm' | 'dense';
  /** The keys and their torchvision shapes: conv weight (+ bias); BN weight, bias, running_mean, running_var; dense weight, bias. */
  readonly keys: readonly (readonly [string, readonly number[]])[];
  /** For a dense layer straight after a flatten of an h×w×c map: that map (torchvision flattens c×h×w). */
  readonly flattened?: Shape;
}

/** Layers in the order the tree runs them (branches in order, taps where they branch off). */
function layersInOrder(node: ShapedNode): ShapedLayer[] {
  return isShapedBlock(node) ? node.children.flatMap(layersInOrder) : [node];
}

/** torchvision's module prefix for each layer with weights, by network. */
type Prefixes = (layers: readonly ShapedLayer[]) => Map<string, string>;

const resnetPrefixes: Prefixes = (layers) => new Map(layers.map((l) => [l.node.name, l.node.name]));

/**
 * VGG's `features` is one nn.Sequential of Conv2d, [BatchNorm2d,] ReLU and MaxPool2d, and its
 * `classifier` of Linear, ReLU, Dropout: each module takes the next index, so a conv with its
 * ReLU fused takes two.
 */
const vggPrefixes: Prefixes = (layers) => {
  const prefixes = new Map<string, string>();
  let feature = 0;
  let classifier = 0;
  for (const { node } of layers) {
    switch (node.kind) {
      case 'conv2d':
        prefixes.set(node.name, `features.${feature}`);
        feature += node.activation ? 2 : 1;
        break;
      case 'batchNorm':
        prefixes.set(node.name, `features.${feature++}`);
        break;
      case 'relu':
      case 'maxPool':
      case 'lrn':
        feature++;
        break;
      case 'dense':
        prefixes.set(node.name, `classifier.${classifier}`);
        classifier += 3;
        break;
      default:
        break;
    }
  }
  return prefixes;
};

/** Our GoogLeNet's conv names (without `_bn`) → torchvision's BasicConv2d modules. */
const GOOGLENET_BRANCHES: Readonly<Record<string, string>> = {
  '1x1': 'branch1',
  '3x3_reduce': 'branch2.0',
  '3x3': 'branch2.1',
  '5x5_reduce': 'branch3.0',
  '5x5': 'branch3.1',
  pool_proj: 'branch4.1',
};

function googlenetConv(name: string): string | undefined {
  if (name === 'conv1') return 'conv1';
  // torchvision numbers the stem convs 1–3; the paper calls the second and third conv2_reduce and conv2.
  if (name === 'conv2_reduce') return 'conv2';
  if (name === 'conv2') return 'conv3';
  const inception = /^inception_(\d[a-z])_(.+)$/.exec(name);
  if (inception && Object.hasOwn(GOOGLENET_BRANCHES, inception[2])) return `inception${inception[1]}.${GOOGLENET_BRANCHES[inception[2]]}`;
  const aux = /^(aux\d)_conv$/.exec(name);
  return aux ? `${aux[1]}.conv` : undefined;
}

const googlenetPrefixes: Prefixes = (layers) => {
  const prefixes = new Map<string, string>();
  for (const { node } of layers) {
    if (node.kind === 'dense') {
      const aux = /^(aux\d)_(fc\d)$/.exec(node.name);
      prefixes.set(node.name, aux ? `${aux[1]}.${aux[2]}` : node.name);
    } else if (node.kind === 'conv2d' || node.kind === 'batchNorm') {
      const conv = googlenetConv(node.kind === 'batchNorm' ? node.name.replace(/_bn$/, '') : node.name);
      if (conv !== undefined) prefixes.set(node.name, `${conv}.${node.kind === 'conv2d' ? 'conv' : 'bn'}`);
    }
  }
  return prefixes;
};

const PREFIXES: Readonly<Record<string, Prefixes>> = { resnet: resnetPrefixes, vgg: vggPrefixes, googlenet: googlenetPrefixes };

/** Keys of a file that a configuration may leave out: GoogLeNet's aux heads, as torchvision drops them with `aux_logits=False`. */
export const droppableKey = (network: string, key: string): boolean => network === 'googlenet' && /^aux\d\./.test(key);

/** The networks whose torchvision state dicts map onto ours. */
export const torchvisionNetworks = (): string[] => Object.keys(PREFIXES);

/** Every layer of the configuration with weights and its torchvision keys; throws for a network or layer torchvision has no name for. */
export function torchvisionLayout(configuration: Configuration): TorchvisionLayer[] {
  const prefixesOf = Object.hasOwn(PREFIXES, configuration.network) ? PREFIXES[configuration.network] : undefined;
  if (prefixesOf === undefined) throw new Error(`no torchvision names for ${configuration.network}; known: ${torchvisionNetworks().join(', ')}`);
  const layers = layersInOrder(inferShapes(configuration.model));
  const prefixes = prefixesOf(layers);
  const out: TorchvisionLayer[] = [];
  layers.forEach((shaped, i) => {
    const { node, input } = shaped;
    if (node.kind !== 'conv2d' && node.kind !== 'batchNorm' && node.kind !== 'dense') {
      if (node.kind === 'separableConv2d' || node.kind === 'depthwiseConv2d') throw new Error(`layer "${node.name}": torchvision has no ${node.kind}`);
      return;
    }
    const p = prefixes.get(node.name);
    if (p === undefined) throw new Error(`layer "${node.name}": no torchvision key for it in ${configuration.network}`);
    const cin = input.at(-1) ?? 0;
    switch (node.kind) {
      case 'conv2d':
        out.push({ layer: node.name, kind: node.kind, keys: [[`${p}.weight`, [node.filters, cin, node.kernel, node.kernel]], ...(node.useBias ? [[`${p}.bias`, [node.filters]] as const] : [])] });
        break;
      case 'batchNorm':
        out.push({ layer: node.name, kind: node.kind, keys: ['weight', 'bias', 'running_mean', 'running_var'].map((part) => [`${p}.${part}`, [cin]] as const) });
        break;
      case 'dense': {
        const before = layers[i - 1];
        const flattened = before?.node.kind === 'flatten' && before.input.length === 3 && before.input[0] * before.input[1] > 1 ? before.input : undefined;
        const keys = [[`${p}.weight`, [node.units, cin]], ...(node.useBias ? [[`${p}.bias`, [node.units]] as const] : [])] as const;
        out.push(flattened ? { layer: node.name, kind: node.kind, keys, flattened } : { layer: node.name, kind: node.kind, keys });
        break;
      }
    }
  });
  return out;
}
