// Names of the top-level modules for the zoomed-out view, where box text is too small to draw.
// The flow's modules are named on its left, side outputs on their outer side, so no name lands
// on a side output standing beside the flow.

import type { GraphLayout } from './types';

export interface OverviewLabel {
  readonly id: string;
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'end';
}

/** One label per top-level module, beside its box or frame. */
export function overviewLabels(layout: GraphLayout): OverviewLabel[] {
  const frames = new Map(layout.groups.map((g) => [g.id, g]));
  const top = layout.nodes.filter((n) => n.kind === 'module' && n.depth === 0);
  const first = top.find((n) => !n.tap);
  const axis = first ? first.x + first.w / 2 : 0;
  return top.map((n) => {
    const box = frames.get(n.id) ?? n;
    const right = n.tap && n.x + n.w / 2 > axis;
    return { id: n.id, text: n.label, x: right ? box.x + box.w : box.x, y: box.y + box.h / 2, anchor: right ? 'start' : 'end' };
  });
}
