// Invariants of the variant switches: what each switch must and must not change.

import { describe, expect, it } from 'vitest';
import { configure } from '../model/networks';
import { googlenetOptionSpecs } from '../model/networks/googlenet';
import { xceptionOptionSpecs } from '../model/networks/xception';
import { analyze, type Analysis, type LayerCount } from './counts';
import { diffAnalyses } from './diff';

const analysisOf = (name: string, overrides: Record<string, string> = {}, preset?: string): Analysis =>
  analyze(configure(name, overrides, preset).model);

const byName = (a: Analysis) => new Map(a.layers.map((l) => [l.name, l]));
const perModule = (a: Analysis) => a.modules.map((m) => [m.path, m.params, m.trainable, m.macs]);

describe('xception intermediate=relu', () => {
  it('changes no count, in total or in any top-level module', () => {
    for (const order of ['depthwise-first', 'pointwise-first']) {
      const plain = analysisOf('xception', { order });
      const withRelu = analysisOf('xception', { order, intermediate: 'relu' });
      expect(withRelu.totals).toMatchObject({
        params: plain.totals.params,
        trainable: plain.totals.trainable,
        macs: plain.totals.macs,
      });
      const top = (a: Analysis) => a.root.children.map((m) => [m.path, m.params, m.macs]);
      expect(top(withRelu)).toEqual(top(plain));
      expect(withRelu.layers.filter((l) => l.kind === 'relu').length).toBeGreaterThan(
        plain.layers.filter((l) => l.kind === 'relu').length,
      );
    }
  });
});

describe('xception conv=regular', () => {
  it('gives 9·Cin·Cout weights for every replaced layer', () => {
    const separable = analysisOf('xception');
    const regular = byName(analysisOf('xception', { conv: 'regular' }));
    const replaced = separable.layers.filter((l) => l.kind === 'separableConv2d');
    expect(replaced).toHaveLength(34); // 2 + 2 + 2 + 8·3 + 2 + 2
    for (const sep of replaced) {
      const full = regular.get(sep.name) as LayerCount;
      const cin = sep.input[2];
      const cout = sep.output[2];
      expect(full.kind).toBe('conv2d');
      expect(full.params).toBe(9 * cin * cout);
      expect(full.macs).toBe(9 * cin * cout * sep.output[0] * sep.output[1]);
    }
  });
});

describe('xception residual=off', () => {
  it('removes exactly the four projection convs and their BatchNorms', () => {
    const on = analysisOf('xception');
    const off = analysisOf('xception', { residual: 'off' });
    const offNames = new Set(off.layers.map((l) => l.name));
    const removed = on.layers.filter((l) => !offNames.has(l.name));
    expect(removed.map((l) => l.name)).toEqual([
      'conv2d',
      'batch_normalization',
      'conv2d_1',
      'batch_normalization_1',
      'conv2d_2',
      'batch_normalization_2',
      'conv2d_3',
      'batch_normalization_3',
    ]);
    expect(off.layers.length).toBe(on.layers.length - 8);
    const sum = (key: 'params' | 'trainable' | 'macs') => removed.reduce((s, l) => s + l[key], 0);
    expect(on.totals.params - off.totals.params).toBe(sum('params'));
    expect(on.totals.trainable - off.totals.trainable).toBe(sum('trainable'));
    expect(on.totals.macs - off.totals.macs).toBe(sum('macs'));
    expect(off.modules.some((m) => m.kind === 'add')).toBe(false);
  });
});

describe('xception order=pointwise-first', () => {
  it('puts the 1x1 first, so the depthwise step runs on the output channels', () => {
    const a = byName(analysisOf('xception', { order: 'pointwise-first' }));
    const pointwise = a.get('block2_sepconv1_pointwise') as LayerCount;
    const depthwise = a.get('block2_sepconv1_depthwise') as LayerCount;
    expect(pointwise.params).toBe(64 * 128);
    expect(depthwise.params).toBe(3 * 3 * 128);
  });
});

describe('xception middle and keras names', () => {
  it('middle=n has n middle blocks; exit blocks keep Keras numbering at the default', () => {
    const names = analysisOf('xception').root.children.map((m) => m.id);
    expect(names).toEqual([...Array.from({ length: 14 }, (_, i) => `block${i + 1}`), 'predictions']);
    expect(analysisOf('xception', { middle: '0' }).root.children).toHaveLength(7);
  });

  it('names the adds in creation order as Keras does', () => {
    const joins = analysisOf('xception').modules.filter((m) => m.kind === 'add').map((m) => m.path);
    expect(joins[0]).toBe('block2');
    expect(joins).toHaveLength(12);
  });
});

describe('googlenet inception variants', () => {
  it('no-reduce keeps every output depth and removes exactly the 3x3 and 5x5 reductions', () => {
    const full = analysisOf('googlenet');
    const noReduce = analysisOf('googlenet', { inception: 'no-reduce' });
    const depths = (a: Analysis) => a.root.children.map((m) => m.output.join('×'));
    expect(depths(noReduce)).toEqual(depths(full));
    const names = new Set(noReduce.layers.map((l) => l.name));
    const removed = full.layers.filter((l) => !names.has(l.name)).map((l) => l.name);
    expect(removed).toHaveLength(18);
    expect(removed.every((n) => /_(3x3|5x5)_reduce$/.test(n))).toBe(true);
    expect(noReduce.totals.macs).toBeGreaterThan(full.totals.macs);
  });

  it('naive concatenates the pooled input, so depth grows from module to module (Fig. 2a)', () => {
    const a = analysisOf('googlenet', { inception: 'naive' });
    const out = (path: string) => a.modules.find((m) => m.path === path)?.output[2];
    expect(out('inception_3a')).toBe(64 + 128 + 32 + 192);
    expect(out('inception_3b')).toBe(128 + 192 + 96 + 416);
    expect(a.layers.some((l) => l.name.endsWith('_pool_proj'))).toBe(false);
  });

  it('branch5x5=3x3-3x3 stacks two 3x3 convs of n5x5 filters', () => {
    const a = byName(analysisOf('googlenet', { branch5x5: '3x3-3x3' }));
    expect(a.get('inception_3a_5x5a')?.params).toBe(9 * 16 * 32 + 32);
    expect(a.get('inception_3a_5x5b')?.params).toBe(9 * 32 * 32 + 32);
  });

  it('bn=on drops conv biases, adds 4 numbers per channel and removes LRN', () => {
    const a = analysisOf('googlenet', { bn: 'on' });
    expect(a.layers.some((l) => l.kind === 'lrn')).toBe(false);
    const layer = byName(a).get('inception_3a_1x1');
    expect(layer?.params).toBe(192 * 64);
    expect(byName(a).get('inception_3a_1x1_bn')?.params).toBe(4 * 64);
  });

  it('aux=on adds two side outputs after 4a and 4d without changing the main path', () => {
    const off = analysisOf('googlenet');
    const on = analysisOf('googlenet', { aux: 'on' });
    const ids = on.root.children.map((m) => m.id);
    expect(ids.indexOf('aux1')).toBe(ids.indexOf('inception_4a') + 1);
    expect(ids.indexOf('aux2')).toBe(ids.indexOf('inception_4d') + 1);
    const aux1 = on.modules.find((m) => m.path === 'aux1');
    expect(aux1?.tap).toBe(true);
    // paper aux head: 1x1 conv 128, fc 1024 on 4×4×128, fc 1000 (with biases)
    expect(aux1?.params).toBe(512 * 128 + 128 + 2048 * 1024 + 1024 + 1024 * 1000 + 1000);
    expect(on.modules.find((m) => m.path === 'inception_4b')?.input).toEqual([14, 14, 512]);
    const delta = diffAnalyses(off, on);
    expect(delta.modules.filter((m) => !m.before).map((m) => m.path)).toEqual(['aux1', 'aux2']);
  });
});

describe('small 32×32 training models from the same builders', () => {
  it('googlenet stem=cifar, width and a module subset', () => {
    const a = analysisOf('googlenet', { stem: 'cifar', input: '32', width: '0.25', modules: '3a,3b,4a', classes: '10' });
    expect(a.root.children.map((m) => m.id)).toEqual([
      'conv1', 'pool1', 'conv2', 'inception_3a', 'inception_3b', 'pool3', 'inception_4a', 'pool4', 'pool5', 'fc',
    ]);
    // One pool instead of two: inception_3a sees 16×16, as it sees 28×28 (224 / 8) in the paper.
    expect(a.modules.find((m) => m.path === 'inception_3a')?.output).toEqual([16, 16, 16 + 32 + 8 + 8]);
    expect(a.layers.at(-1)?.output).toEqual([10]);
  });

  it('xception stem=cifar keeps 32×32 through block 1', () => {
    const a = analysisOf('xception', { stem: 'cifar', input: '32', width: '0.25', middle: '2', classes: '10' });
    expect(a.modules.find((m) => m.path === 'block1')?.output).toEqual([32, 32, 16]);
    expect(a.modules.find((m) => m.path === 'block8')?.output).toEqual([2, 2, 512]); // block7 is the exit, block8 ends at 2048·0.25
    expect(a.root.children.map((m) => m.id).at(-2)).toBe('block8');
  });

  it('every choice value of every option builds and counts', () => {
    for (const [name, specs] of [
      ['googlenet', googlenetOptionSpecs],
      ['xception', xceptionOptionSpecs],
    ] as const) {
      for (const spec of specs) {
        if (spec.kind !== 'choice') continue;
        for (const value of spec.values) {
          const input = value === 'cifar' ? '32' : undefined;
          const a = analysisOf(name, input ? { [spec.key]: value, input } : { [spec.key]: value });
          expect(a.totals.params, `${name} ${spec.key}=${value}`).toBeGreaterThan(0);
        }
      }
    }
  });
});

describe('diffAnalyses', () => {
  it('reports before → after per module', () => {
    const diff = diffAnalyses(analysisOf('googlenet'), analysisOf('googlenet', { inception: 'no-reduce' }));
    const m = diff.modules.find((d) => d.path === 'inception_3a/3x3');
    expect(m?.before?.params).toBe(18_528 + 110_720);
    expect(m?.after?.params).toBe(9 * 192 * 128 + 128);
    expect(diff.totals.before.params).toBe(6_998_552);
  });

  it('per-module figures of identical configurations are equal', () => {
    const a = analysisOf('xception');
    expect(perModule(analysisOf('xception'))).toEqual(perModule(a));
  });
});
