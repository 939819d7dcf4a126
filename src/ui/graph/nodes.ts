// Graph nodes for modules, layers, joins and the input, with their words and sizes.

import type { Analysis, LayerCount, ModuleCount } from '../../analysis/counts';
import { formatShape } from '../../model/shapes';
import { SIZE } from './box';
import { layerSublabel, moduleSublabel } from './describe';
import type { GraphNode } from './types';

/** Where a node sits in the tree: how deep, inside which expanded module, inside a tap or not. */
export interface Place {
  readonly depth: number;
  readonly parent?: string;
  readonly tap: boolean;
}

const placed = (place: Place) => ({
  depth: place.depth,
  tap: place.tap,
  ...(place.parent === undefined ? {} : { parent: place.parent }),
});

/** A module: collapsed, or expanded (then it heads its frame and is the split of its branches). */
export function moduleNode(module: ModuleCount, place: Place, expanded: boolean): GraphNode {
  return {
    id: module.path,
    kind: 'module',
    label: module.id,
    sublabel: moduleSublabel(module),
    params: module.params,
    ref: module,
    selectId: module.path,
    expandable: module.items.length > 0,
    expanded,
    ...placed(place),
    x: 0,
    y: 0,
    ...SIZE.node,
  };
}

export function layerNode(layer: LayerCount, place: Place): GraphNode {
  return {
    id: layer.id,
    kind: 'layer',
    label: layer.name,
    sublabel: layerSublabel(layer),
    params: layer.params,
    ref: layer,
    selectId: layer.id,
    expandable: false,
    expanded: false,
    ...placed(place),
    x: 0,
    y: 0,
    ...SIZE.node,
  };
}

/** The concat or add below an expanded parallel module; selecting it selects the module. */
export function joinNode(module: ModuleCount, place: Place): GraphNode {
  return {
    id: `${module.path}/${module.kind}`,
    kind: 'join',
    label: module.kind,
    sublabel: `${module.kind} of ${module.path}`,
    params: 0,
    ref: module,
    selectId: module.path,
    expandable: false,
    expanded: false,
    ...placed(place),
    x: 0,
    y: 0,
    ...SIZE.join,
  };
}

export function inputNode(analysis: Analysis): GraphNode {
  return {
    id: 'input',
    kind: 'input',
    label: 'input',
    sublabel: formatShape(analysis.input),
    params: 0,
    ref: analysis.root,
    expandable: false,
    expanded: false,
    depth: 0,
    tap: false,
    x: 0,
    y: 0,
    ...SIZE.join,
  };
}
