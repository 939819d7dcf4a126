// Matching a Keras .h5 file to one configuration of ours as Keras' own loader does
// (`load_weights_from_hdf5_group` in keras/src/legacy/saving/legacy_h5_format.py): the file's
// layers that have weights, in `layer_names` order, pair one for one with the model's layers
// that have weights, in Keras' order (keras-order.ts); each pair must have as many weights, and
// every weight the shape expected. Names are not compared, as Keras does not compare them: that
// is what lets files of Keras 2 (`conv2d_1/kernel:0`) and Keras 3 (`conv2d/kernel`) both load.
// Unlike Keras, the first mismatch is named with its place, both names and both shapes.

import { formatShape } from '../../model/shapes';
import { isBlock, type Layer, type Model, type Node } from '../../model/types';
import type { KerasLayerWeights, KerasWeights } from '../../weights/keras-h5';
import { WeightFileError } from '../../weights/weight-file-error';
import { hasWeights, kerasLayerOrder, type JoinInputs } from './keras-order';
import { kerasWeightSpecs, layerInputs, type WeightSpec } from './keras-weight-shapes';

/** One of our layers with weights as Keras saves it: its Keras name and its weights. */
export interface KerasTarget {
  readonly layer: Layer;
  /** The name Keras 3 gives this layer (ours, or Keras' own for ResNet50). */
  readonly kerasName: string;
  readonly weights: readonly WeightSpec[];
}

/** A layer of ours with the file's values for it, in our weight order (= Keras'). */
export interface MappedLayer {
  /** Our layer's name, as in the description and the tfjs model. */
  readonly name: string;
  /** The layer's name in the file. */
  readonly fileName: string;
  readonly weights: readonly { readonly name: string; readonly shape: readonly number[]; readonly data: Float32Array }[];
}

/** How the Keras code for a network orders and names its layers. */
export interface KerasLayout {
  readonly joinInputs: JoinInputs;
  /** Keras 3's name for one of our layers. */
  readonly kerasName: (ours: string) => string;
}

export type KerasMatch =
  | { readonly ok: true; readonly layers: MappedLayer[] }
  /** `matched`: how many layers with weights paired before the mismatch. */
  | { readonly ok: false; readonly matched: number; readonly mismatch: string };

/** A mismatch between a file and the configuration it was matched to; a WeightFileError, so a caller names the file in front. */
export class KerasMismatchError extends WeightFileError {
  constructor(message: string) {
    super(message);
    this.name = 'KerasMismatchError';
  }
}

/** Our layers with weights in Keras' order, each with its Keras name and weights. */
export function kerasTargets(model: Model, layout: KerasLayout): KerasTarget[] {
  const inputs = layerInputs(model);
  return kerasLayerOrder(model, layout.joinInputs)
    .filter(hasWeights)
    .map((layer) => ({ layer, kerasName: layout.kerasName(layer.name), weights: kerasWeightSpecs(layer, inputs.get(layer.name) ?? []) }));
}

/** The file's layers that have weights, in file order: the ones Keras' loader pairs. */
export const weightedLayers = (file: KerasWeights): KerasLayerWeights[] => file.layers.filter((layer) => layer.weights.length > 0);

const shapesText = (shapes: readonly (readonly number[])[]) => (shapes.length === 0 ? 'no weights' : shapes.map((s) => formatShape(s) || 'scalar').join(', '));

/**
 * Pairs the file's layers with weights with `targets` (kerasTargets) by order, every weight's
 * shape checked; `title` names our side in the message ("Keras' Xception").
 */
export function matchKerasWeights(file: KerasWeights, targets: readonly KerasTarget[], title: string): KerasMatch {
  const found = weightedLayers(file);
  const layers: MappedLayer[] = [];
  for (const [i, target] of targets.entries()) {
    const place = `layer with weights #${i + 1}`;
    const theirs = found[i];
    if (theirs === undefined) {
      const mismatch = `the file ends after ${found.length} layers with weights; ${title}'s ${place} is ${target.kerasName} (${shapesText(target.weights.map((w) => w.shape))})`;
      return { ok: false, matched: i, mismatch };
    }
    const shapes = theirs.weights.map((w) => w.shape);
    const fits = shapes.length === target.weights.length && shapes.every((shape, j) => sameShape(shape, target.weights[j].shape));
    if (!fits) {
      const mismatch = `${place}: the file's "${theirs.name}" has ${shapesText(shapes)}; ${title}'s ${target.kerasName} has ${shapesText(target.weights.map((w) => w.shape))}`;
      return { ok: false, matched: i, mismatch };
    }
    layers.push({ name: target.layer.name, fileName: theirs.name, weights: theirs.weights.map((w, j) => ({ name: target.weights[j].name, shape: w.shape, data: w.data })) });
  }
  if (found.length > targets.length) {
    const extra = found[targets.length];
    const mismatch = `the file has ${found.length} layers with weights, ${title} ${targets.length}: after its last, ${targets.at(-1)?.kerasName ?? 'none'}, the file goes on with "${extra.name}" (${shapesText(extra.weights.map((w) => w.shape))})`;
    return { ok: false, matched: targets.length, mismatch };
  }
  return { ok: true, layers };
}

/**
 * Maps the file onto `model` (any configuration, not only an application's): our layers with
 * weights and the file's values for each, in the description's order; a KerasMismatchError
 * names the first mismatch.
 */
export function mapKerasWeights(file: KerasWeights, model: Model, layout: KerasLayout, title: string): MappedLayer[] {
  const match = matchKerasWeights(file, kerasTargets(model, layout), title);
  if (!match.ok) throw new KerasMismatchError(match.mismatch);
  return inDescriptionOrder(model, match.layers);
}

/** Mapped layers in the order the description lists them, which buildLayersModel builds them in. */
export function inDescriptionOrder(model: Model, layers: readonly MappedLayer[]): MappedLayer[] {
  const order = new Map<string, number>();
  const visit = (node: Node): void => {
    if (node.kind === 'sequence') node.children.forEach(visit);
    else if (isBlock(node)) node.branches.forEach(visit);
    else order.set(node.name, order.size);
  };
  visit(model.root);
  return [...layers].sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}
