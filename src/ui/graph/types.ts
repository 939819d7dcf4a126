// What the graph layout produces: boxes, polylines and frames in one coordinate space, ready to
// draw. Plain data, so the layout can be tested without a DOM.

import type { LayerCount, ModuleCount } from '../../analysis/counts';
import type { Shape } from '../../model/types';

/**
 * `module`: a module (collapsed, or expanded and then the header of its frame, which is also
 * the split its branches leave from); `layer`: a layer; `join`: the concat or add that ends an
 * expanded parallel module; `input`: the network's input.
 */
export type GraphNodeKind = 'module' | 'layer' | 'join' | 'input';

export interface GraphNode {
  /** Module path, layer id, `<module path>/concat` or `/add` for a join, `input`. */
  readonly id: string;
  readonly kind: GraphNodeKind;
  readonly label: string;
  /** What it is, derived from the counts: `conv 3×3, 128`, `concat of 4 branches`. */
  readonly sublabel: string;
  readonly params: number;
  /** The counted module or layer (for a join: its module; for the input: the root). */
  readonly ref: ModuleCount | LayerCount;
  /** The id selection should use: a join selects its module; the input selects nothing. */
  readonly selectId?: string;
  readonly expandable: boolean;
  readonly expanded: boolean;
  /** A side output (an auxiliary classifier) or something inside one. */
  readonly tap: boolean;
  /** Nesting: 0 for top-level modules. */
  readonly depth: number;
  /** Path of the expanded module this node is drawn inside, if any. */
  readonly parent?: string;
  /** Top-left corner (written while the layout is composed; read-only afterwards) and size. */
  x: number;
  y: number;
  readonly w: number;
  readonly h: number;
}

export type Point = readonly [number, number];

export interface GraphEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** `flow` along a sequence or into/out of branches; `identity` a residual shortcut; `tap` into a side output. */
  readonly kind: 'flow' | 'identity' | 'tap';
  /** The tensor carried: the producing node's output. */
  readonly shape: Shape;
  /** `H×W×C`. */
  readonly label: string;
  /** Where the label is drawn, when it is (edges out of a split are not labelled: same tensor as in). */
  labelAt?: { x: number; y: number; anchor: 'start' | 'end' };
  /** Orthogonal polyline from the source box to the target box. */
  points: Point[];
}

/** The light frame drawn behind an expanded module. */
export interface GraphGroup {
  readonly id: string;
  readonly depth: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface GraphLayout {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly groups: readonly GraphGroup[];
  readonly width: number;
  readonly height: number;
}
