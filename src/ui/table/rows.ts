// The rows of the Table view: modules, their branches and layers, each under an expanded parent.

import { isModuleCount, type Analysis, type LayerCount, type ModuleCount } from '../../analysis/counts';
import type { Measure } from '../../analysis/ops';
import type { Shape } from '../../model';

export interface TableRow {
  /** Module path or layer id: the selection id shared with the graph and the URL. */
  readonly id: string;
  readonly label: string;
  /** `concat`, `add`, `sequence` for modules; the layer kind (`conv2d`, …) for layers. */
  readonly type: string;
  readonly isModule: boolean;
  readonly tap: boolean;
  readonly output: Shape;
  readonly params: number;
  readonly ops: number;
  /** Fraction of the network's operations (in the measure's unit), 0 to 1. */
  readonly share: number;
  readonly depth: number;
  readonly expandable: boolean;
  readonly expanded: boolean;
}

function layerRow(layer: LayerCount, measure: Measure, depth: number): TableRow {
  const ops = measure.of(layer.id);
  return {
    id: layer.id,
    label: layer.name,
    type: layer.kind,
    isModule: false,
    tap: false,
    output: layer.output,
    params: layer.params,
    ops,
    share: measure.total === 0 ? 0 : ops / measure.total,
    depth,
    expandable: false,
    expanded: false,
  };
}

function moduleRows(module: ModuleCount, measure: Measure, expanded: ReadonlySet<string>, depth: number): TableRow[] {
  const ops = measure.of(module.path);
  const open = expanded.has(module.path);
  const row: TableRow = {
    id: module.path,
    label: depth === 0 ? module.path : module.id,
    type: module.kind,
    isModule: true,
    tap: module.tap,
    output: module.output,
    params: module.params,
    ops,
    share: measure.total === 0 ? 0 : ops / measure.total,
    depth,
    expandable: module.items.length > 0,
    expanded: open,
  };
  if (!open) return [row];
  return [
    row,
    ...module.items.flatMap((item) =>
      isModuleCount(item) ? moduleRows(item, measure, expanded, depth + 1) : [layerRow(item, measure, depth + 1)],
    ),
  ];
}

/** Visible rows, depth-first: what is inside a module shows only while it is expanded. */
export function tableRows(analysis: Analysis, measure: Measure, expanded: ReadonlySet<string>): TableRow[] {
  return analysis.root.children.flatMap((module) => moduleRows(module, measure, expanded, 0));
}

/** Every module path that can be expanded: "expand all". */
export function expandablePaths(analysis: Analysis): string[] {
  return analysis.modules.filter((m) => m.items.length > 0).map((m) => m.path);
}
