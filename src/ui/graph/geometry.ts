// Checks on a finished layout, used by the layout tests: overlapping boxes and
// edges through boxes. Pure, no DOM.

import type { GraphLayout, GraphNode, Point } from './types';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Whether two rectangles share interior (touching edges do not count). */
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Whether an axis-aligned segment passes through a rectangle's interior. */
export function segmentCrosses([x0, y0]: Point, [x1, y1]: Point, r: Rect): boolean {
  if (x0 !== x1 && y0 !== y1) throw new Error(`segment (${x0},${y0})-(${x1},${y1}) is not orthogonal`);
  const [xa, xb] = x0 < x1 ? [x0, x1] : [x1, x0];
  const [ya, yb] = y0 < y1 ? [y0, y1] : [y1, y0];
  if (xa === xb) return xa > r.x && xa < r.x + r.w && ya < r.y + r.h && yb > r.y;
  return ya > r.y && ya < r.y + r.h && xa < r.x + r.w && xb > r.x;
}

/** Pairs of node ids whose boxes overlap. */
export function overlappingNodes(nodes: readonly GraphNode[]): [string, string][] {
  const sorted = [...nodes].sort((a, b) => a.y - b.y);
  const found: [string, string][] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j].y < sorted[i].y + sorted[i].h; j++) {
      if (rectsOverlap(sorted[i], sorted[j])) found.push([sorted[i].id, sorted[j].id]);
    }
  }
  return found;
}

/** Edges (by id) with a segment through a node that is not one of their ends, with that node. */
export function edgesThroughNodes(layout: GraphLayout): [string, string][] {
  const found: [string, string][] = [];
  for (const edge of layout.edges) {
    for (const node of layout.nodes) {
      if (node.id === edge.from || node.id === edge.to) continue;
      for (let i = 1; i < edge.points.length; i++) {
        if (segmentCrosses(edge.points[i - 1], edge.points[i], node)) {
          found.push([edge.id, node.id]);
          break;
        }
      }
    }
  }
  return found;
}
