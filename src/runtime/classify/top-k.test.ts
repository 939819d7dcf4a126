import { describe, expect, it } from 'vitest';
import { topK } from './top-k';

describe('topK', () => {
  it('orders by probability, ties by class index, and names each class', () => {
    const top = topK([0.1, 0.4, 0.1, 0.3, 0.05, 0.05], ['a', 'b', 'c', 'd', 'e', 'f'], 3);
    expect(top).toEqual([
      { index: 1, name: 'b', probability: 0.4 },
      { index: 3, name: 'd', probability: 0.3 },
      { index: 0, name: 'a', probability: 0.1 },
    ]);
  });

  it('returns fewer when there are fewer classes, and a placeholder for a missing name', () => {
    expect(topK([0.2, 0.8], ['x'], 5).map((p) => p.name)).toEqual(['class 1', 'x']);
  });
});
