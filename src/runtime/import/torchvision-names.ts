// Which torchvision state-dict keys each layer of ours stands for, with their shapes in
// torchvision's layout (conv OIHW, dense [out, in]). ResNet already carries torchvision's names;
// VGG and GoogLeNet keep Keras' and the paper's: each network's definition says how torchvision
// names them (its `torchvision` field). The recogniser and the mapper both read this one layout.

import { inferShapes, isShapedBlock, type ShapedLayer, type ShapedNode } from '../../model/shapes';
import { getNetwork, networkNames, networks, type Configuration, type FrameworkModels } from '../../model/networks';
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

/** The network's torchvision naming (src/model/networks: the `torchvision` field of its definition). */
function naming(network: string): FrameworkModels {
  const found = getNetwork(network).torchvision;
  if (found === undefined) throw new Error(`no torchvision names for ${network}; known: ${torchvisionNetworks().join(', ')}`);
  return found;
}

/** Keys of a file that a configuration may leave out (GoogLeNet's aux heads, as torchvision drops them with `aux_logits=False`). */
export const droppableKey = (network: string, key: string): boolean => naming(network).optional?.(key) ?? false;

/** The networks whose torchvision state dicts map onto ours. */
export const torchvisionNetworks = (): string[] => networkNames.filter((name) => networks[name].torchvision !== undefined);

/** Every layer of the configuration with weights and its torchvision keys; throws for a network or layer torchvision has no name for. */
export function torchvisionLayout(configuration: Configuration): TorchvisionLayer[] {
  const layers = layersInOrder(inferShapes(configuration.model));
  const prefixes = naming(configuration.network).prefixes(layers.map((shaped) => shaped.node));
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
