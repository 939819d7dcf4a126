// SVG path data for an edge: the polyline, then an open arrowhead at its end. Drawn in the same
// path rather than with an SVG marker: markers cost a layout object per edge on every redraw.

import type { Point } from './types';

const HEAD = { length: 6, half: 3.5 };

/** `M x y L x y ... M` arrowhead: the polyline and a chevron pointing along its last segment. */
export function edgePath(points: readonly Point[]): string {
  const line = points.map(([x, y], i) => `${i ? 'L' : 'M'}${x} ${y}`).join('');
  if (points.length < 2) return line;
  const [x0, y0] = points[points.length - 2];
  const [x1, y1] = points[points.length - 1];
  const length = Math.hypot(x1 - x0, y1 - y0) || 1;
  const [dx, dy] = [(x1 - x0) / length, (y1 - y0) / length];
  const bx = x1 - dx * HEAD.length;
  const by = y1 - dy * HEAD.length;
  const [px, py] = [-dy * HEAD.half, dx * HEAD.half];
  return `${line}M${bx + px} ${by + py}L${x1} ${y1}L${bx - px} ${by - py}`;
}
