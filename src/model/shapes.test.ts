import { describe, expect, it } from 'vitest';
import { add, concat, conv2d, dense, maxPool, sequence } from './layers';
import { configure } from './networks';
import { ShapeError, inferShapes, windowOutput } from './shapes';
import type { Model, Node } from './types';

const modelOf = (children: Node[], input = [8, 8, 3]): Model => ({
  name: 'googlenet',
  input,
  root: sequence('test', children),
});

const shapeError = (fn: () => unknown): ShapeError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ShapeError) return error;
    throw error;
  }
  throw new Error('expected a ShapeError');
};

describe('windowOutput', () => {
  it('same padding: ceil(size / stride)', () => {
    expect(windowOutput(224, 7, 2, 'same')).toBe(112);
    expect(windowOutput(147, 3, 2, 'same')).toBe(74);
  });
  it('valid padding: floor((size − kernel) / stride) + 1', () => {
    expect(windowOutput(299, 3, 2, 'valid')).toBe(149);
    expect(windowOutput(14, 5, 3, 'valid')).toBe(4);
  });
});

describe('inferShapes', () => {
  it('follows the paper through googlenet: 224 → 112 → 56 → 28 → 14 → 7', () => {
    const root = inferShapes(configure('googlenet').model);
    expect(root.children.map((c) => c.output)).toContainEqual([7, 7, 1024]);
    expect(root.output).toEqual([1000]);
  });

  it('names the layer whose kernel is larger than its input', () => {
    const error = shapeError(() => inferShapes(configure('xception', { input: '2' }).model));
    expect(error.layer).toBe('block1_conv1');
    expect(error.message).toBe('layer "block1_conv1": kernel 3×3 is larger than its 2×2 input (valid padding)');
  });

  it('names the add whose branches disagree in channels', () => {
    const model = modelOf([
      add('block', 'add_7', [sequence('main', [conv2d('c1', 16, 3)]), sequence('shortcut', [])]),
    ]);
    const error = shapeError(() => inferShapes(model));
    expect(error.layer).toBe('add_7');
    expect(error.message).toContain('"main" (8×8×16)');
    expect(error.message).toContain('"shortcut" (8×8×3)');
  });

  it('names the concat whose branches disagree in size', () => {
    const model = modelOf([
      concat('mixed', 'mixed_output', [
        sequence('a', [conv2d('a1', 4, 1)]),
        sequence('b', [maxPool('b1', 2, 2)]),
      ]),
    ]);
    expect(shapeError(() => inferShapes(model)).layer).toBe('mixed_output');
  });

  it('concatenates channels and adds matching shapes', () => {
    const model = modelOf([
      concat('mixed', 'mixed_output', [sequence('a', [conv2d('a1', 4, 1)]), sequence('b', [conv2d('b1', 5, 3)])]),
      add('res', 'add', [sequence('main', [conv2d('c', 9, 3)]), sequence('shortcut', [])]),
    ]);
    expect(inferShapes(model).output).toEqual([8, 8, 9]);
  });

  it('refuses a dense layer on a feature map', () => {
    const error = shapeError(() => inferShapes(modelOf([dense('fc', 10)])));
    expect(error.message).toBe('layer "fc": dense needs a vector, got 8×8×3 (flatten or pool first?)');
  });
});
