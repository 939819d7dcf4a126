// Words for nodes, from the model description (kind, kernel, stride, filters), never from layer
// names: a name is only a name (docs/STYLE.md), and a renamed layer must still be described correctly.

import type { LayerCount, ModuleCount } from '../../analysis/counts';
import { assertNever } from '../../model/types';

const strided = (stride: number) => (stride > 1 ? `/${stride}` : '');
const activation = (fused: 'relu' | 'softmax' | undefined) =>
  fused === 'relu' ? ' + ReLU' : fused === 'softmax' ? ' + softmax' : '';
const multiplied = (m: number) => (m > 1 ? ` ×${m}` : '');

/** `conv 3×3, 128`, `sep conv 3×3/2, 728`, `max pool 3×3/2`, `batch norm`. */
export function layerSublabel(layer: LayerCount): string {
  const node = layer.node;
  switch (node.kind) {
    case 'conv2d':
      return `conv ${node.kernel}×${node.kernel}${strided(node.stride)}, ${node.filters}${activation(node.activation)}`;
    case 'separableConv2d':
      return `sep conv ${node.kernel}×${node.kernel}${strided(node.stride)}${multiplied(node.depthMultiplier)}, ${node.filters}${activation(node.activation)}`;
    case 'depthwiseConv2d':
      return `depthwise ${node.kernel}×${node.kernel}${strided(node.stride)}${multiplied(node.depthMultiplier)}`;
    case 'dense':
      return `dense, ${node.units}${activation(node.activation)}`;
    case 'batchNorm':
      return 'batch norm';
    case 'relu':
      return 'ReLU';
    case 'maxPool':
      return `max pool ${node.size}×${node.size}${strided(node.stride)}`;
    case 'avgPool':
      return `avg pool ${node.size}×${node.size}${strided(node.stride)}`;
    case 'globalAvgPool':
      return 'global avg pool';
    case 'lrn':
      return 'local response norm';
    case 'dropout':
      return `dropout ${node.rate}`;
    case 'flatten':
      return 'flatten';
    case 'softmax':
      return 'softmax';
    case 'padChannels':
      return `zero-pad to ${node.channels} channels`;
    default:
      return assertNever(node);
  }
}

const layers = (n: number) => `${n} layer${n === 1 ? '' : 's'}`;
const branches = (n: number) => `${n} branch${n === 1 ? '' : 'es'}`;

/** `concat of 4 branches`, `add, identity shortcut`, `3 layers`, `side output, 6 layers`. */
export function moduleSublabel(module: ModuleCount): string {
  switch (module.kind) {
    case 'concat':
      return `concat of ${branches(module.children.length)}`;
    case 'add':
      return module.children.some((branch) => branch.items.length === 0)
        ? 'add, identity shortcut'
        : `add of ${branches(module.children.length)}`;
    case 'sequence': {
      const only = module.items.length === 1 ? module.items[0] : undefined;
      const what = only && !('path' in only) ? layerSublabel(only) : layers(module.layers.length);
      // A sequence around an addition is a residual block (ResNet's: the sum, then its ReLU).
      const residual = module.children.some((child) => child.kind === 'add');
      return module.tap ? `side output, ${what}` : residual ? `residual block, ${what}` : what;
    }
    default:
      return assertNever(module.kind);
  }
}
