// The graph layout: a pure function from counts and the set of expanded modules to boxes and
// polylines.
//
// Why series-parallel and not a general layered (Sugiyama/dagre) layout: both networks are
// series-parallel by construction — the model tree *is* the decomposition (sequences stack,
// concat/add blocks put their branches side by side between a split and a join). Laying out the
// tree recursively is linear in its size, needs no crossing minimisation or dependency, keeps a
// module's branches in the order the paper draws them, and gives the same picture for the same
// module wherever it appears, so expanding one module never reshuffles the others. Edges are
// orthogonal and run only in gaps that the recursion reserves (rows between elements, buses above
// and below branches, a lane per identity shortcut, a gutter beside the flow for taps), so by
// construction they never cross a box.

import { isModuleCount, type Analysis, type LayerCount, type ModuleCount } from '../../analysis/counts';
import { absorb, bottom, centerX, downEdge, edge, shift, single, SIZE, type Box } from './box';
import { inputNode, joinNode, layerNode, moduleNode, type Place } from './nodes';
import { placeTaps, type PendingTap } from './taps';
import type { GraphLayout, GraphNode } from './types';

interface Context {
  readonly expanded: ReadonlySet<string>;
}

/** Lays out a network top to bottom; modules in `expanded` (by path) show their contents. */
export function layoutGraph(analysis: Analysis, expanded: ReadonlySet<string>): GraphLayout {
  const root = flow(single(inputNode(analysis)), analysis.root.items, { depth: 0, tap: false }, { expanded }, true);
  shift(root, root.l + SIZE.margin, SIZE.margin);
  return {
    nodes: root.nodes,
    edges: root.edges,
    groups: root.groups,
    width: root.l + root.r + 2 * SIZE.margin,
    height: root.h + 2 * SIZE.margin,
  };
}

function itemBox(item: LayerCount | ModuleCount, place: Place, ctx: Context): Box {
  return isModuleCount(item) ? moduleBox(item, place, ctx) : single(layerNode(item, place));
}

function moduleBox(module: ModuleCount, place: Place, ctx: Context): Box {
  const open = ctx.expanded.has(module.path) && module.items.length > 0;
  const tap = place.tap || module.tap;
  const head = moduleNode(module, { ...place, tap }, open);
  if (!open) return single(head);
  const inner: Place = { depth: place.depth + 1, parent: module.path, tap };
  const box = module.kind === 'sequence' ? flow(single(head), module.items, inner, ctx, false) : parallel(head, module, inner, ctx);
  return framed(box, module.path, place.depth);
}

/** Pads a box and records the frame drawn behind it. */
function framed(box: Box, id: string, depth: number): Box {
  const pad = SIZE.framePad;
  shift(box, 0, pad);
  box.l += pad;
  box.r += pad;
  box.h += 2 * pad;
  box.groups.push({ id, depth, x: -box.l, y: 0, w: box.l + box.r, h: box.h });
  return box;
}

/**
 * A sequence: `head` (a split header or the input), then the items stacked on one axis. Taps
 * are set aside and placed beside the flow at the level of the tensor they read.
 */
function flow(head: Box, items: readonly (LayerCount | ModuleCount)[], place: Place, ctx: Context, labelHead: boolean): Box {
  const box: Box = { ...head, nodes: [...head.nodes], edges: [...head.edges], groups: [...head.groups] };
  const stacked: { top: number; box: Box }[] = [{ top: 0, box: head }];
  const taps: PendingTap[] = [];
  for (const item of items) {
    if (isModuleCount(item) && item.tap) {
      taps.push({ producer: box.exit, box: moduleBox(item, place, ctx) });
      continue;
    }
    const next = itemBox(item, place, ctx);
    const top = box.h + SIZE.rowGap;
    shift(next, 0, top);
    box.edges.push(downEdge(box.exit, next.entry, labelHead || box.exit !== head.exit));
    absorb(box, next);
    stacked.push({ top, box: next });
    box.l = Math.max(box.l, next.l);
    box.r = Math.max(box.r, next.r);
    box.h = top + next.h;
    box.exit = next.exit;
  }
  placeTaps(box, stacked, taps);
  return box;
}

/**
 * A concat or add: the module's node as the split, its branches side by side, the join below.
 * An empty branch (identity) gets a lane of its own instead of a box.
 */
function parallel(head: GraphNode, module: ModuleCount, place: Place, ctx: Context): Box {
  const split = single(head);
  const join = joinNode(module, place);
  const top = head.h + SIZE.splitGap;
  const columns: { x: number; box?: Box; path: string }[] = [];
  let cursor = 0;
  for (const branch of module.children) {
    if (branch.items.length === 0) {
      columns.push({ x: cursor + SIZE.lane.line, path: branch.path });
      cursor += SIZE.lane.w + SIZE.branchGap;
    } else {
      const box = moduleBox(branch, place, ctx);
      columns.push({ x: cursor + box.l, box, path: branch.path });
      cursor += box.l + box.r + SIZE.branchGap;
    }
  }
  // Centre the split and the join over the real branches; identity lanes hang off to the side.
  const axes = columns.filter((c) => c.box).map((c) => c.x);
  const centre = axes.length ? (Math.min(...axes) + Math.max(...axes)) / 2 : columns[0].x;
  const branchesHeight = Math.max(0, ...columns.map((c) => c.box?.h ?? 0));
  join.x = -join.w / 2;
  join.y = top + branchesHeight + SIZE.mergeGap;

  const box: Box = { ...split, nodes: [...split.nodes, join], edges: [], groups: [], exit: join, h: join.y + join.h };
  const bus1 = head.h + SIZE.bus;
  const bus2 = join.y - SIZE.bus;
  for (const column of columns) {
    const x = column.x - centre;
    if (!column.box) {
      const labelAt = { x: x + 6, y: (bus1 + bus2) / 2, anchor: 'start' as const };
      box.edges.push(edge('identity', head, join, [[0, head.h], [0, bus1], [x, bus1], [x, bus2], [0, bus2], [0, join.y]], labelAt, `identity:${column.path}`));
      box.r = Math.max(box.r, x + SIZE.lane.w - SIZE.lane.line);
      box.l = Math.max(box.l, -x + SIZE.lane.line);
      continue;
    }
    const branch = column.box;
    shift(branch, x, top);
    absorb(box, branch);
    const { entry, exit } = branch;
    box.edges.push(edge('flow', head, entry, [[0, head.h], [0, bus1], [centerX(entry), bus1], [centerX(entry), entry.y]]));
    const y0 = bottom(exit);
    const labelAt = { x: centerX(exit) + 6, y: y0 + 23, anchor: 'start' as const };
    box.edges.push(edge('flow', exit, join, [[centerX(exit), y0], [centerX(exit), bus2], [0, bus2], [0, join.y]], labelAt));
    box.l = Math.max(box.l, branch.l - x);
    box.r = Math.max(box.r, branch.r + x);
  }
  return box;
}
