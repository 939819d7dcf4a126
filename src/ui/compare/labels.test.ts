import { describe, expect, it } from 'vitest';
import { placeLabels, type LabelRequest } from './labels';

const overlaps = (p: LabelRequest, q: LabelRequest) =>
  p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;

describe('placeLabels', () => {
  it('puts a lone label right of its point without a leader', () => {
    expect(placeLabels([{ x: 100, y: 100, width: 80, height: 12 }], 400, 300)).toEqual([{ x: 111, y: 94, leader: false }]);
  });

  it('moves a label left when the right side is out of bounds', () => {
    const [spot] = placeLabels([{ x: 380, y: 100, width: 80, height: 12 }], 400, 300);
    expect(spot.x + 80).toBeLessThanOrEqual(380);
  });

  it('separates the labels of five points that nearly coincide, with leaders', () => {
    const requests = [0, 1, 2, 3, 4].map((i) => ({ x: 200 + i, y: 150 + i, width: 120, height: 12 }));
    const spots = placeLabels(requests, 600, 300);
    const boxes = spots.map((s) => ({ x: s.x, y: s.y, width: 120, height: 12 }));
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) expect(overlaps(boxes[i], boxes[j]), `${i} and ${j}`).toBe(false);
    }
    expect(spots.some((s) => s.leader)).toBe(true);
  });
});
