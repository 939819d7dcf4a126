// Building blocks of the layout: a Box is a laid-out piece of the graph in its own coordinates,
// with the flow axis at x = 0 and its top at y = 0, so boxes compose by shifting.

import { formatShape } from '../../model/shapes';
import type { Shape } from '../../model/types';
import type { GraphEdge, GraphGroup, GraphNode, Point } from './types';

export const SIZE = {
  node: { w: 212, h: 56 },
  join: { w: 92, h: 26 },
  /** Between consecutive elements of a flow: room for the shape label. */
  rowGap: 32,
  /** From a split to its branches (the bus runs halfway). */
  splitGap: 28,
  /** From the branches to their join: a label, then the bus. */
  mergeGap: 46,
  branchGap: 20,
  /** An identity shortcut's lane: its line, then its label. */
  lane: { w: 96, line: 14 },
  framePad: 10,
  tapGap: 84,
  margin: 24,
  /** Distance of a bus from the box it runs next to. */
  bus: 14,
} as const;

export interface Box {
  /** Extents left and right of the axis. */
  l: number;
  r: number;
  h: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  groups: GraphGroup[];
  /** Where the flow enters (top) and leaves (bottom); both sit on the axis. */
  entry: GraphNode;
  exit: GraphNode;
}

/** A box holding one node, centred on the axis. */
export function single(node: GraphNode): Box {
  node.x = -node.w / 2;
  node.y = 0;
  return { l: node.w / 2, r: node.w / 2, h: node.h, nodes: [node], edges: [], groups: [], entry: node, exit: node };
}

/** Moves everything in a box (mutates: boxes are fresh values owned by one layout call). */
export function shift(box: Box, dx: number, dy: number): void {
  for (const node of box.nodes) {
    node.x += dx;
    node.y += dy;
  }
  for (const edge of box.edges) {
    edge.points = edge.points.map(([x, y]) => [x + dx, y + dy] as const);
    if (edge.labelAt) edge.labelAt = { ...edge.labelAt, x: edge.labelAt.x + dx, y: edge.labelAt.y + dy };
  }
  for (const group of box.groups) {
    group.x += dx;
    group.y += dy;
  }
}

/** Adds a box's contents to another box's lists. */
export function absorb(into: Box, box: Box): void {
  into.nodes.push(...box.nodes);
  into.edges.push(...box.edges);
  into.groups.push(...box.groups);
}

/** The tensor a node hands on: a split passes its module's input through; the input node is the root's input. */
export function outputOf(node: GraphNode): Shape {
  if (node.kind === 'input' || (node.kind === 'module' && node.expanded)) return node.ref.input;
  return node.ref.output;
}

export const centerX = (node: GraphNode) => node.x + node.w / 2;
export const centerY = (node: GraphNode) => node.y + node.h / 2;
export const bottom = (node: GraphNode) => node.y + node.h;

/** Drops repeated points and points in the middle of a straight run. */
function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    const before = out[out.length - 2];
    if (before && last && ((before[0] === last[0] && last[0] === p[0]) || (before[1] === last[1] && last[1] === p[1]))) {
      out[out.length - 1] = p;
    } else {
      out.push(p);
    }
  }
  return out;
}

/** An edge carrying `from`'s output; labelled at `labelAt` when given. */
export function edge(
  kind: GraphEdge['kind'],
  from: GraphNode,
  to: GraphNode,
  points: Point[],
  labelAt?: GraphEdge['labelAt'],
  id = `${kind}:${from.id}->${to.id}`,
): GraphEdge {
  const shape = outputOf(from);
  return { id, from: from.id, to: to.id, kind, shape, label: formatShape(shape), points: simplify(points), ...(labelAt ? { labelAt } : {}) };
}

/** Straight down from one node to the next on the same axis, labelled halfway. */
export function downEdge(from: GraphNode, to: GraphNode, labelled: boolean): GraphEdge {
  const x = centerX(from);
  const y0 = bottom(from);
  const y1 = to.y;
  const label = labelled ? { x: x + 6, y: (y0 + y1) / 2 + 4, anchor: 'start' as const } : undefined;
  return edge('flow', from, to, [[x, y0], [centerX(to), y1]], label);
}
