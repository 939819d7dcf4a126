// How torchvision names GoogLeNet's weights: its BasicConv2d modules (`conv1.conv`, `conv1.bn`,
// `inception3a.branch2.0.conv`, `aux1.fc1`), where ours keep the paper's names.

import type { Layer } from '../types';
import type { FrameworkModels } from './contract';

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

const prefixes = (layers: readonly Layer[]): Map<string, string> => {
  const names = new Map<string, string>();
  for (const node of layers) {
    if (node.kind === 'dense') {
      const aux = /^(aux\d)_(fc\d)$/.exec(node.name);
      names.set(node.name, aux ? `${aux[1]}.${aux[2]}` : node.name);
    } else if (node.kind === 'conv2d' || node.kind === 'batchNorm') {
      const conv = googlenetConv(node.kind === 'batchNorm' ? node.name.replace(/_bn$/, '') : node.name);
      if (conv !== undefined) names.set(node.name, `${conv}.${node.kind === 'conv2d' ? 'conv' : 'bn'}`);
    }
  }
  return names;
};

export const googlenetTorchvision: FrameworkModels = {
  models: [
    { title: 'googlenet', preset: 'torchvision', overrides: { aux: 'on' } },
    { title: 'googlenet without its aux heads', preset: 'torchvision', overrides: { aux: 'off' } },
  ],
  prefixes,
  // torchvision drops the aux heads' weights when a model is built with aux_logits=False.
  optional: (key) => /^aux\d\./.test(key),
};
