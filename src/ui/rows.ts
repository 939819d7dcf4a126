// Rows of the module table: top-level modules with their branches nested, and which are visible.

import type { Analysis, ModuleCount } from '../analysis/counts';
import type { Shape } from '../model';

export interface ModuleRow {
  /** Stable id shared by every view, e.g. `inception_3a` or `inception_3a/5x5`. */
  readonly path: string;
  /** The last part of the path, e.g. `5x5`. */
  readonly id: string;
  readonly output: Shape;
  readonly params: number;
  readonly macs: number;
  /** Fraction of the whole network's MACs, from 0 to 1. */
  readonly share: number;
  /** A side branch ending in its own output (GoogLeNet's auxiliary classifiers). */
  readonly tap: boolean;
  readonly children: readonly ModuleRow[];
}

export interface VisibleRow {
  readonly row: ModuleRow;
  readonly depth: number;
}

function toRow(module: ModuleCount, totalMacs: number): ModuleRow {
  return {
    path: module.path,
    id: module.id,
    output: module.output,
    params: module.params,
    macs: module.macs,
    share: totalMacs === 0 ? 0 : module.macs / totalMacs,
    tap: module.tap,
    children: module.children.map((child) => toRow(child, totalMacs)),
  };
}

/** The top-level modules of an analysed model, branches nested inside. */
export function moduleRows(analysis: Analysis): ModuleRow[] {
  return analysis.root.children.map((module) => toRow(module, analysis.totals.macs));
}

/** The rows to draw, depth-first: children only under an expanded parent. */
export function visibleRows(
  rows: readonly ModuleRow[],
  expanded: ReadonlySet<string>,
  depth = 0,
): VisibleRow[] {
  return rows.flatMap((row) => [
    { row, depth },
    ...(expanded.has(row.path) ? visibleRows(row.children, expanded, depth + 1) : []),
  ]);
}
