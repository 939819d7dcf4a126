// Where to print each point's label so that labels neither overlap each other nor cover a point:
// a greedy search over candidate spots, nearest first, with a leader line once a label moves away.

export interface LabelRequest {
  /** The point, in pixels. */
  readonly x: number;
  readonly y: number;
  /** The label's size, in pixels. */
  readonly width: number;
  readonly height: number;
  /** How far the point's mark reaches from its centre, when it is larger than the usual 6 px. */
  readonly radius?: number;
}

export interface LabelSpot {
  /** Top-left corner of the label's box. */
  readonly x: number;
  readonly y: number;
  /** Whether the label is far enough from its point to need a line to it. */
  readonly leader: boolean;
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const GAP = 11; // between a point and its label: clears the ring of A and B
const MARK = 6; // half the size of a point's mark

const overlap = (p: Box, q: Box) =>
  Math.max(0, Math.min(p.x + p.width, q.x + q.width) - Math.max(p.x, q.x)) *
  Math.max(0, Math.min(p.y + p.height, q.y + q.height) - Math.max(p.y, q.y));

/** Candidate boxes for one label, nearest first: right, left, above, below, then stepping away vertically. */
function candidates(r: LabelRequest): LabelSpot[] {
  const gap = Math.max(GAP, (r.radius ?? 0) + 5);
  const right = r.x + gap;
  const left = r.x - gap - r.width;
  const middle = r.y - r.height / 2;
  const spots: LabelSpot[] = [
    { x: right, y: middle, leader: false },
    { x: left, y: middle, leader: false },
    { x: r.x - r.width / 2, y: r.y - gap - r.height, leader: false },
    { x: r.x - r.width / 2, y: r.y + gap, leader: false },
  ];
  for (let step = 1; step <= 8; step += 1) {
    for (const dy of [-step, step]) {
      const y = middle + dy * (r.height + 2);
      spots.push({ x: right + 6, y, leader: true }, { x: left - 6, y, leader: true });
    }
  }
  return spots;
}

/**
 * Places labels in the order given (put the important ones first) inside a width × height area.
 * When no candidate is free, the one with the least overlap is taken: a label is never dropped.
 */
export function placeLabels(requests: readonly LabelRequest[], width: number, height: number): LabelSpot[] {
  const marks: Box[] = requests.map((r) => {
    const half = Math.max(MARK, r.radius ?? 0);
    return { x: r.x - half, y: r.y - half, width: 2 * half, height: 2 * half };
  });
  const placed: Box[] = [];
  return requests.map((r) => {
    let best: { spot: LabelSpot; cost: number } | undefined;
    for (const spot of candidates(r)) {
      const box = { x: spot.x, y: spot.y, width: r.width, height: r.height };
      const inside = box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height;
      if (!inside) continue;
      const cost =
        placed.reduce((sum, other) => sum + overlap(box, other), 0) +
        marks.reduce((sum, mark) => sum + overlap(box, mark), 0);
      if (best === undefined || cost < best.cost) best = { spot, cost };
      if (cost === 0) break;
    }
    const spot = best?.spot ?? { x: r.x + GAP, y: r.y - r.height / 2, leader: false };
    placed.push({ x: spot.x, y: spot.y, width: r.width, height: r.height });
    return spot;
  });
}
