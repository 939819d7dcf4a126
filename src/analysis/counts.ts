// Counts for a whole model: per layer, per module (nested: module, branch, layer) and totals.

import { inferShapes, isShapedBlock, type ShapedBlock, type ShapedLayer } from '../model/shapes';
import type { Layer, LayerKind, Model, Shape } from '../model/types';
import { layerCost } from './layer-cost';

export interface Cost {
  readonly params: number;
  readonly trainable: number;
  readonly nonTrainable: number;
  readonly macs: number;
  /** 2 × MACs. */
  readonly flops: number;
  /** Output elements of every layer and join, for one image. */
  readonly activations: number;
}

export interface LayerCount extends Cost {
  /** The layer as the model description defines it (kernel, stride, padding, ...). */
  readonly node: Layer;
  /** Selection id shared by every view: `<module path>/<layer name>`, e.g. `conv1/conv1`. */
  readonly id: string;
  readonly name: string;
  readonly kind: LayerKind;
  /** Path of the innermost module, e.g. `inception_3a/5x5`. */
  readonly module: string;
  readonly input: Shape;
  readonly output: Shape;
  readonly paramsFormula: string;
  readonly macsFormula: string;
  /** Whether the layer adds a bias (for the optional bias-add count). */
  readonly hasBias: boolean;
  /** A ReLU or softmax fused into a conv or dense layer. */
  readonly activation?: 'relu' | 'softmax';
}

export interface ModuleCount extends Cost {
  readonly path: string;
  readonly id: string;
  readonly kind: 'sequence' | 'concat' | 'add';
  /** A side branch that ends in its own output (an auxiliary classifier). */
  readonly tap: boolean;
  readonly input: Shape;
  readonly output: Shape;
  /** Nested modules (branches), in order. */
  readonly children: readonly ModuleCount[];
  /** Direct contents in network order: layers and nested modules interleaved. */
  readonly items: readonly (LayerCount | ModuleCount)[];
  /** Every layer inside, at any depth, in order. */
  readonly layers: readonly LayerCount[];
}

export interface Analysis {
  /** The model's name (the network's, when a builder made it). */
  readonly name: string;
  readonly input: Shape;
  readonly totals: Cost;
  /** Every layer in network order. */
  readonly layers: readonly LayerCount[];
  /** The root block; its children are the top-level modules. */
  readonly root: ModuleCount;
  /** Every module (top-level and nested), depth-first, parents before children. */
  readonly modules: readonly ModuleCount[];
}

const elements = (shape: Shape) => shape.reduce((a, b) => a * b, 1);

function countLayer(shaped: ShapedLayer): LayerCount {
  const cost = layerCost(shaped.node, shaped.input, shaped.output);
  return {
    node: shaped.node,
    id: `${shaped.module}/${shaped.node.name}`,
    name: shaped.node.name,
    kind: shaped.node.kind,
    module: shaped.module,
    input: shaped.input,
    output: shaped.output,
    params: cost.params,
    trainable: cost.trainable,
    nonTrainable: cost.params - cost.trainable,
    macs: cost.macs,
    flops: 2 * cost.macs,
    activations: elements(shaped.output),
    paramsFormula: cost.paramsFormula,
    macsFormula: cost.macsFormula,
    hasBias: 'useBias' in shaped.node && shaped.node.useBias,
    ...('activation' in shaped.node && shaped.node.activation ? { activation: shaped.node.activation } : {}),
  };
}

function countBlock(shaped: ShapedBlock): ModuleCount {
  const children: ModuleCount[] = [];
  const items: (LayerCount | ModuleCount)[] = [];
  const layers: LayerCount[] = [];
  // A join (concat, add) makes a new tensor too: its output counts as activations.
  let activations = shaped.node.kind === 'sequence' ? 0 : elements(shaped.output);
  for (const child of shaped.children) {
    if (isShapedBlock(child)) {
      const counted = countBlock(child);
      children.push(counted);
      items.push(counted);
      layers.push(...counted.layers);
      activations += counted.activations;
    } else {
      const counted = countLayer(child);
      items.push(counted);
      layers.push(counted);
      activations += counted.activations;
    }
  }
  const total = (key: 'params' | 'trainable' | 'macs') => layers.reduce((acc, layer) => acc + layer[key], 0);
  const params = total('params');
  const trainable = total('trainable');
  const macs = total('macs');
  return {
    path: shaped.path,
    id: shaped.node.id,
    kind: shaped.node.kind,
    tap: shaped.node.kind === 'sequence' && shaped.node.tap === true,
    input: shaped.input,
    output: shaped.output,
    params,
    trainable,
    nonTrainable: params - trainable,
    macs,
    flops: 2 * macs,
    activations,
    children,
    items,
    layers,
  };
}

export function isModuleCount(item: LayerCount | ModuleCount): item is ModuleCount {
  return 'path' in item;
}

function flatten(module: ModuleCount, out: ModuleCount[]): ModuleCount[] {
  for (const child of module.children) {
    out.push(child);
    flatten(child, out);
  }
  return out;
}

/** Shapes and counts of every layer and module of a model. Throws ShapeError for impossible shapes. */
export function analyze(model: Model): Analysis {
  const root = countBlock(inferShapes(model));
  const { params, trainable, nonTrainable, macs, flops, activations } = root;
  return {
    name: model.name,
    input: model.input,
    totals: { params, trainable, nonTrainable, macs, flops, activations },
    layers: root.layers,
    root,
    modules: flatten(root, []),
  };
}

/** One-line formula for tables and JSON: `params: 3×3×96×128 + 128 = 110,720; MACs: …`. */
export function layerFormula(layer: LayerCount): string {
  const parts: string[] = [];
  if (layer.paramsFormula) parts.push(`params: ${layer.paramsFormula}`);
  if (layer.macsFormula) parts.push(`MACs: ${layer.macsFormula}`);
  return parts.length ? parts.join('; ') : 'no weights';
}
