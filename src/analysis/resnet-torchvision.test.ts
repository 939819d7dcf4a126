// Our ResNet names and shapes every weight as torchvision's state dict does, read from torchvision
// itself (reference/torchvision-resnet.json, made by scripts/reference/torchvision-state-dicts.py),
// so that its .pth files map by key with no renaming table.

import { describe, expect, it } from 'vitest';
import { analyze, type LayerCount } from './counts';
import { configure } from '../model/networks';
import reference from './reference/torchvision-resnet.json';

type Key = [string, number[]];

/** The state-dict entries a layer of ours stands for, in torchvision's order and layout (OIHW). */
function stateKeys(layer: LayerCount): Key[] {
  const node = layer.node;
  const cin = layer.input.at(-1) ?? 0;
  switch (node.kind) {
    case 'conv2d':
      return [[`${node.name}.weight`, [node.filters, cin, node.kernel, node.kernel]], ...(node.useBias ? [[`${node.name}.bias`, [node.filters]] as Key] : [])];
    case 'batchNorm':
      return ['weight', 'bias', 'running_mean', 'running_var'].map((part) => [`${node.name}.${part}`, [cin]]);
    case 'dense':
      return [[`${node.name}.weight`, [node.units, cin]], ...(node.useBias ? [[`${node.name}.bias`, [node.units]] as Key] : [])];
    default:
      return [];
  }
}

describe.each(Object.entries(reference.networks))('%s, as torchvision builds it', (name, torchvision) => {
  const analysis = analyze(configure('resnet', { depth: name.replace('resnet', '') }, 'torchvision').model);

  it('has every state-dict key, with its shape, in the same order', () => {
    expect(analysis.layers.flatMap(stateKeys)).toEqual(torchvision.keys);
  });

  it('counts the trainable parameters torchvision does, block by block', () => {
    expect(analysis.totals.trainable).toBe(torchvision.trainable);
    for (const [path, trainable] of Object.entries(torchvision.modules)) {
      expect(analysis.modules.find((m) => m.path === path)?.trainable, path).toBe(trainable);
    }
  });
});
