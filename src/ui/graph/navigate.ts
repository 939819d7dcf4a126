// Arrow-key moves between graph nodes: Up/Down follow the flow (predecessor, successor), Left/Right
// go to the nearest node on the same row (another branch, a tap beside the flow).

import type { GraphEdge, GraphLayout, GraphNode } from './types';

export type Direction = 'up' | 'down' | 'left' | 'right';

const KEYS: Readonly<Record<string, Direction>> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** The direction an arrow key names, if it is one. */
export const directionOf = (key: string): Direction | undefined => KEYS[key];

/** Nodes a person can focus: everything but the input. */
export const focusable = (node: GraphNode) => node.kind !== 'input';

// The main flow first, then shortcuts, then side outputs; left to right among equals.
const rank: Readonly<Record<GraphEdge['kind'], number>> = { flow: 0, identity: 1, tap: 2 };

/** The id of the node to focus after pressing an arrow on node `id`, if there is one. */
export function neighbour(layout: GraphLayout, id: string, direction: Direction): string | undefined {
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const here = byId.get(id);
  if (!here) return undefined;
  if (direction === 'up' || direction === 'down') {
    const down = direction === 'down';
    const candidates = layout.edges
      .filter((e) => (down ? e.from : e.to) === id)
      .map((e) => ({ edge: e, node: byId.get(down ? e.to : e.from) }))
      .filter((c): c is { edge: GraphEdge; node: GraphNode } => c.node !== undefined && focusable(c.node))
      .sort((a, b) => rank[a.edge.kind] - rank[b.edge.kind] || a.node.x - b.node.x);
    return candidates[0]?.node.id;
  }
  const right = direction === 'right';
  let best: GraphNode | undefined;
  for (const node of layout.nodes) {
    if (node === here || !focusable(node)) continue;
    const sameRow = node.y < here.y + here.h && here.y < node.y + node.h;
    const beyond = right ? node.x >= here.x + here.w : node.x + node.w <= here.x;
    if (!sameRow || !beyond) continue;
    const gap = right ? node.x - here.x : here.x - node.x;
    const bestGap = best === undefined ? Infinity : right ? best.x - here.x : here.x - best.x;
    if (gap < bestGap) best = node;
  }
  return best?.id;
}
