import { describe, expect, it } from 'vitest';
import { analyze } from '../../analysis/counts';
import { measure } from '../../analysis/ops';
import { configure } from '../../model';
import { encodeNodes } from './encoding';
import { ariaLabel, numbersLine } from './labels';
import { layoutGraph } from './layout';
import { overviewLabels } from './overview';
import { fitText } from './text-fit';

const analysis = analyze(configure('googlenet').model);
const layout = layoutGraph(analysis, new Set(['inception_3a', 'inception_3a/3x3']));
const node = (id: string) => layout.nodes.find((n) => n.id === id)!;

describe('ariaLabel', () => {
  const macs = encodeNodes(layout, measure(analysis, 'macs'), 'macs');

  it('starts with the id, then the kind and exact counts with the unit', () => {
    expect(ariaLabel(node('inception_3a'), macs, 'MACs')).toBe('inception_3a, concat module, 163,696 params, 128,049,152 MACs');
    expect(ariaLabel(node('inception_3a/3x3/inception_3a_3x3'), macs, 'MACs')).toBe(
      'inception_3a/3x3/inception_3a_3x3, conv 3×3, 128 + ReLU, 110,720 params, 86,704,128 MACs',
    );
    expect(ariaLabel(node('inception_3a/concat'), macs, 'MACs')).toBe('inception_3a/concat, concat of inception_3a, output 28×28×256');
  });

  it('uses the measure\'s unit: FLOPs are twice the MACs', () => {
    const flops = encodeNodes(layout, measure(analysis, 'flops'), 'macs');
    expect(ariaLabel(node('inception_3b'), flops, 'FLOPs')).toMatch(/^inception_3b, concat module, 388,736 params, 608,534,528 FLOPs$/); // 2 × 304,267,264
  });
});

describe('numbersLine', () => {
  it('puts the encoded quantity first', () => {
    const m = measure(analysis, 'macs');
    expect(numbersLine(node('conv2'), encodeNodes(layout, m, 'macs'), 'MACs')).toBe('360M MACs · 115K params');
    expect(numbersLine(node('conv2'), encodeNodes(layout, m, 'params'), 'MACs')).toBe('115K params · 360M MACs');
  });
});

describe('encodeNodes', () => {
  const m = measure(analysis, 'macs');

  it('gives the largest box a full bar and the lightest colour to boxes without cost', () => {
    const encoding = encodeNodes(layout, m, 'macs');
    expect(encoding.share(node('conv2'))).toBe(1); // 360M MACs, the largest shown
    expect(encoding.fill(node('pool1'))).toBe(encoding.ramp.from);
    expect(encoding.fill(node('conv2'))).not.toBe(encoding.ramp.from);
  });

  it('does not encode frames, joins or the input', () => {
    const encoding = encodeNodes(layout, m, 'params');
    for (const id of ['inception_3a', 'inception_3a/concat', 'input']) expect(encoding.share(node(id))).toBe(0);
    expect(encoding.label).toBe('params');
  });
});

describe('fitText', () => {
  it('keeps short text and cuts long text with an ellipsis', () => {
    expect(fitText('conv1', 100, 12)).toBe('conv1');
    const cut = fitText('inception_4e_3x3_reduce_bn_relu', 100, 12);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThan(16);
  });
});

describe('overviewLabels', () => {
  it('names every top-level module once: the flow on its left, side outputs on their outer side', () => {
    const withAux = analyze(configure('googlenet', { aux: 'on' }).model);
    const all = layoutGraph(withAux, new Set(withAux.modules.map((m) => m.path)));
    const labels = overviewLabels(all);
    expect(labels.map((l) => l.text)).toEqual(all.nodes.filter((n) => n.kind === 'module' && n.depth === 0).map((n) => n.label));
    const at = (id: string) => labels.find((l) => l.id === id)!;
    expect(at('inception_3a')).toMatchObject({ anchor: 'end', x: all.groups.find((g) => g.id === 'inception_3a')!.x });
    expect(at('aux1').anchor).toBe('start');
  });
});
