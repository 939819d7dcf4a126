// Taps (GoogLeNet's auxiliary classifiers) read a tensor of the flow and end in their own output.
// They sit beside the flow, their first node level with the node they read, fed by a horizontal
// edge. A tap goes right unless an earlier tap there is still in the way, then left; if both
// sides are taken it moves down and its edge drops through the gutter beside the flow.

import { absorb, centerY, edge, shift, SIZE, type Box } from './box';
import type { GraphNode, Point } from './types';

export interface PendingTap {
  /** The node whose output the tap reads. */
  readonly producer: GraphNode;
  /** The tap laid out on its own (axis 0, top 0). */
  readonly box: Box;
}

type Side = 'right' | 'left';

/** Places taps beside `flow`, whose main elements are `stacked` (top of each, in flow coordinates). */
export function placeTaps(flow: Box, stacked: readonly { top: number; box: Box }[], taps: readonly PendingTap[]): void {
  const lowest: Record<Side, number> = { right: -Infinity, left: -Infinity };
  for (const { producer, box: tap } of taps) {
    const cy = centerY(producer);
    const wanted = Math.max(0, cy - tap.entry.h / 2 - tap.entry.y);
    const free = (side: Side) => lowest[side] + SIZE.rowGap <= wanted;
    const side: Side = free('right') || (!free('left') && lowest.right <= lowest.left) ? 'right' : 'left';
    const top = Math.max(wanted, lowest[side] + SIZE.rowGap);

    // Clear every element beside which the tap or its edge runs.
    const from = Math.min(cy, top);
    const to = top + tap.h;
    const extent = Math.max(
      0,
      ...stacked.filter((s) => s.top < to && s.top + s.box.h > from).map((s) => (side === 'right' ? s.box.r : s.box.l)),
    );
    const lane = extent + SIZE.tapGap;
    const gutter = lane - SIZE.tapGap / 2;
    const sign = side === 'right' ? 1 : -1;
    shift(tap, sign * (lane + (side === 'right' ? tap.l : tap.r)), top);

    const entry = tap.entry;
    const ecy = centerY(entry);
    const start: Point = [side === 'right' ? producer.x + producer.w : producer.x, cy];
    const end: Point = [side === 'right' ? entry.x : entry.x + entry.w, ecy];
    const points: Point[] = ecy === cy ? [start, end] : [start, [sign * gutter, cy], [sign * gutter, ecy], end];
    const labelAt = { x: start[0] + sign * 8, y: cy - 5, anchor: side === 'right' ? ('start' as const) : ('end' as const) };
    flow.edges.push(edge('tap', producer, entry, points, labelAt));
    absorb(flow, tap);

    lowest[side] = top + tap.h;
    if (side === 'right') flow.r = Math.max(flow.r, lane + tap.l + tap.r);
    else flow.l = Math.max(flow.l, lane + tap.l + tap.r);
    flow.h = Math.max(flow.h, top + tap.h);
  }
}
