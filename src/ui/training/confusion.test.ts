import { describe, expect, it } from 'vitest';
import { imagesInCell, rowShare, worstCell } from './confusion';

const labels = [0, 1, 1, 2, 1, 0];
const predictions = [0, 2, 1, 2, 2, 1];
const confusion = [
  [1, 1, 0],
  [0, 1, 2],
  [0, 0, 1],
];

describe('imagesInCell', () => {
  it('finds the images of a true class predicted as another, in order, up to a limit', () => {
    expect(imagesInCell(labels, predictions, { actual: 1, predicted: 2 })).toEqual([1, 4]);
    expect(imagesInCell(labels, predictions, { actual: 1, predicted: 2 }, 1)).toEqual([1]);
    expect(imagesInCell(labels, predictions, { actual: 2, predicted: 0 })).toEqual([]);
  });
});

describe('rowShare', () => {
  it('is the cell over its row', () => {
    expect(rowShare(confusion, { actual: 1, predicted: 2 })).toBeCloseTo(2 / 3);
    expect(rowShare([[0, 0]], { actual: 0, predicted: 1 })).toBe(0);
  });
});

describe('worstCell', () => {
  it('is the largest off-diagonal cell', () => {
    expect(worstCell(confusion)).toEqual({ actual: 1, predicted: 2 });
    expect(worstCell([[5, 0], [0, 5]])).toBeUndefined();
  });
});
