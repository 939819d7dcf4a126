// Grad-CAM (Selvaraju et al. 2017): where in a module's feature map the network found evidence for
// a class. The class score (before softmax) is differentiated with respect to the module's output;
// each channel is weighted by its mean gradient; the ReLU of the weighted sum is the map.

import * as tf from '@tensorflow/tfjs';
import { inferShapes, isShapedBlock } from '../../model/shapes';
import type { Model, Node } from '../../model/types';
import { layersRunner, type Runner } from '../worker/execute';

export interface CamModules {
  /** Top-level modules whose output is a feature map larger than 1×1 (taps left out), in order. */
  readonly modules: readonly string[];
  /** The last of them that holds a convolution: the usual Grad-CAM target. */
  readonly defaultModule: string;
}

const hasConv = (node: Node): boolean =>
  'children' in node
    ? node.children.some(hasConv)
    : 'branches' in node
      ? node.branches.some(hasConv)
      : node.kind === 'conv2d' || node.kind === 'separableConv2d' || node.kind === 'depthwiseConv2d';

/** The modules Grad-CAM can look at. */
export function camModules(model: Model): CamModules {
  const top = inferShapes(model).children.filter(isShapedBlock);
  const spatial = top.filter((m) => !(m.node.kind === 'sequence' && m.node.tap) && m.output.length === 3 && m.output[0] * m.output[1] > 1);
  const convs = spatial.filter((m) => hasConv(m.node));
  const last = convs.at(-1) ?? spatial.at(-1);
  if (!last) throw new Error(`${model.name} has no module with a spatial output for Grad-CAM`);
  return { modules: spatial.map((m) => m.path), defaultModule: last.path };
}

/**
 * Class scores from a feature map: the modules after `from`, then the classifier with its softmax
 * left out (Grad-CAM weighs the score before softmax, so other classes do not leak into it).
 */
function classScores(description: Model, layersModel: tf.LayersModel, runner: Runner, from: number, features: tf.Tensor): tf.Tensor {
  const top = description.root.children;
  let t = features;
  for (let i = from; i < top.length - 1; i++) t = runner.runModule(i, t).next;
  const classifier = top[top.length - 1];
  const leaves = classifier.kind === 'sequence' ? classifier.children : [classifier];
  for (const leaf of leaves) {
    if (!('name' in leaf)) throw new Error(`the classifier of ${description.name} holds a block; Grad-CAM expects layers there`);
    if (leaf.kind === 'softmax') continue;
    const layer = layersModel.getLayer(leaf.name);
    if (leaf.kind === 'dense' && leaf.activation === 'softmax') {
      const [kernel, bias] = layer.getWeights();
      t = bias ? tf.add(tf.matMul(t, kernel), bias) : tf.matMul(t, kernel);
    } else {
      t = layer.apply(t, { training: false }) as tf.Tensor;
    }
  }
  return t;
}

/**
 * The Grad-CAM map of `module` for class `classIndex` on one image x ([1, h, w, 3], already
 * scaled): [h', w'] values in [0, 1] at the module's resolution. All zeros when no channel
 * has positive evidence.
 */
export function gradCam(description: Model, layersModel: tf.LayersModel, x: tf.Tensor4D, module: string, classIndex: number): tf.Tensor2D {
  const runner = layersRunner(description, layersModel);
  const index = runner.modules.indexOf(module);
  if (index < 0) throw new Error(`${description.name} has no module "${module}"; modules: ${runner.modules.join(', ')}`);
  return tf.tidy(() => {
    let features: tf.Tensor = x;
    for (let i = 0; i <= index; i++) features = runner.runModule(i, features).next;
    // A slice, not a gather: gather's gradient needs UnsortedSegmentSum, which WASM lacks.
    const score = (a: tf.Tensor) => classScores(description, layersModel, runner, index + 1, a).slice([0, classIndex], [1, 1]).sum();
    const gradients = tf.grad(score)(features);
    const weights = gradients.mean([1, 2], true);
    const cam = tf.relu(features.mul(weights).sum(-1)).squeeze([0]);
    return cam.div(tf.maximum(cam.max(), 1e-12)) as tf.Tensor2D;
  });
}
