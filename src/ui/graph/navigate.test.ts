import { describe, expect, it } from 'vitest';
import { analyze } from '../../analysis/counts';
import { configure } from '../../model';
import { layoutGraph } from './layout';
import { neighbour } from './navigate';

const googlenet = analyze(configure('googlenet', { aux: 'on' }).model);
const xception = analyze(configure('xception').model);

describe('neighbour', () => {
  const collapsed = layoutGraph(googlenet, new Set());

  it('down and up follow the flow between top-level modules', () => {
    expect(neighbour(collapsed, 'inception_3a', 'down')).toBe('inception_3b');
    expect(neighbour(collapsed, 'inception_3b', 'up')).toBe('inception_3a');
    expect(neighbour(collapsed, 'fc', 'down')).toBeUndefined();
  });

  it('prefers the main flow over a tap, and reaches the tap sideways', () => {
    expect(neighbour(collapsed, 'inception_4a', 'down')).toBe('inception_4b');
    expect(neighbour(collapsed, 'inception_4a', 'right')).toBe('aux1');
    expect(neighbour(collapsed, 'aux1', 'left')).toBe('inception_4a');
    expect(neighbour(collapsed, 'aux1', 'up')).toBe('inception_4a');
  });

  it('never lands on the input', () => {
    expect(neighbour(collapsed, 'conv1', 'up')).toBeUndefined();
  });

  it('moves between branches of an expanded module, and through its split and join', () => {
    const layout = layoutGraph(googlenet, new Set(['inception_3a']));
    expect(neighbour(layout, 'inception_3a', 'down')).toBe('inception_3a/1x1');
    expect(neighbour(layout, 'inception_3a/1x1', 'right')).toBe('inception_3a/3x3');
    expect(neighbour(layout, 'inception_3a/pool', 'right')).toBeUndefined();
    expect(neighbour(layout, 'inception_3a/5x5', 'left')).toBe('inception_3a/3x3');
    expect(neighbour(layout, 'inception_3a/3x3', 'down')).toBe('inception_3a/concat');
    expect(neighbour(layout, 'inception_3a/concat', 'down')).toBe('inception_3b');
    expect(neighbour(layout, 'inception_3a/concat', 'up')).toBe('inception_3a/1x1');
  });

  it('walks the layers of an expanded residual block', () => {
    const layout = layoutGraph(xception, new Set(['block2', 'block2/main']));
    expect(neighbour(layout, 'block2/main', 'down')).toBe('block2/main/block2_sepconv1');
    expect(neighbour(layout, 'block2/main/block2_sepconv1', 'down')).toBe('block2/main/block2_sepconv1_bn');
    expect(neighbour(layout, 'block2/main', 'right')).toBe('block2/shortcut');
  });
});
