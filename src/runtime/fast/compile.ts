// The description tree compiled into plain tf calls: BatchNorm folded into the conv or dense layer
// before it, bias and ReLU fused into tf.fused ops, dropout dropped (inference only).

import * as tf from '@tensorflow/tfjs';
import {
  assertNever,
  isBlock,
  type BatchNorm,
  type Block,
  type Conv2D,
  type Dense,
  type DepthwiseConv2D,
  type Layer,
  type Node,
  type SeparableConv2D,
  type Sequence,
} from '../../model/types';
import { padChannels } from '../pad-channels-layer';
import { affineTensors, batchNormAffine, layerWeights, scaleBias, scaleKernel, weight, type Affine } from './weights';

/** Applies one piece of the network; side outputs (taps) are pushed onto `taps` in network order. */
export type Op = (x: tf.Tensor, taps: tf.Tensor[]) => tf.Tensor;

export interface Compiler {
  readonly layersModel: tf.LayersModel;
  /** Takes ownership of a tensor the compiled model keeps (its weights), out of any tidy scope. */
  own<T extends tf.Tensor>(tensor: T): T;
}

/** Layers with a kernel: a BatchNorm right after one folds into it, a ReLU fuses into it. */
type Weighted = Conv2D | SeparableConv2D | DepthwiseConv2D | Dense;

/** What follows a weighted layer and is absorbed into it. */
interface Fusion {
  readonly batchNorm?: BatchNorm;
  readonly relu: boolean;
}

/** Compiles any node of the tree. */
export function compileNode(node: Node, c: Compiler): Op {
  return isBlock(node) ? compileBlock(node, c) : compileLayer(node, { relu: false }, c);
}

function compileBlock(block: Block, c: Compiler): Op {
  if (block.kind === 'sequence') return compileSequence(block, c);
  const branches = block.branches.map((branch) => compileSequence(branch, c));
  // Two addends (every residual here) take the binary Add kernel, which WASM runs with XNNPACK;
  // AddN is a plain loop there.
  const join =
    block.kind === 'concat'
      ? (outs: tf.Tensor[]) => (outs.length === 1 ? outs[0] : tf.concat(outs, -1))
      : (outs: tf.Tensor[]) => (outs.length === 1 ? outs[0] : outs.length === 2 ? tf.add(outs[0], outs[1]) : tf.addN(outs));
  return (x, taps) => join(branches.map((branch) => branch(x, taps)));
}

function isWeighted(node: Node | undefined): node is Weighted {
  return (
    node?.kind === 'conv2d' || node?.kind === 'separableConv2d' || node?.kind === 'depthwiseConv2d' || node?.kind === 'dense'
  );
}

/** The activation fused into a layer by the description (depthwise convs have none). */
const activationOf = (layer: Weighted) => ('activation' in layer ? layer.activation : undefined);

function compileSequence(sequence: Sequence, c: Compiler): Op {
  // Dropout is the identity at inference; removing it first lets a BatchNorm behind it fold.
  const children = sequence.children.filter((child) => child.kind !== 'dropout');
  const ops: Op[] = [];
  for (let i = 0; i < children.length; ) {
    const node = children[i++];
    if (!isWeighted(node) || activationOf(node)) {
      ops.push(compileNode(node, c));
      continue;
    }
    // Folding is exact only while nothing non-linear sits between: conv → BN → ReLU, in that order.
    const batchNorm = children[i]?.kind === 'batchNorm' ? (children[i++] as BatchNorm) : undefined;
    const relu = children[i]?.kind === 'relu' ? (i++, true) : false;
    ops.push(compileLayer(node, { batchNorm, relu }, c));
  }
  const body: Op = (x, taps) => ops.reduce((t, op) => op(t, taps), x);
  if (!sequence.tap) return body;
  return (x, taps) => {
    taps.push(body(x, taps));
    return x;
  };
}

function compileLayer(layer: Layer, fusion: Fusion, c: Compiler): Op {
  switch (layer.kind) {
    case 'conv2d':
    case 'separableConv2d':
    case 'depthwiseConv2d':
    case 'dense':
      return compileWeighted(layer, fusion, c);
    case 'batchNorm': {
      const { scale, shift } = affineTensors(batchNormAffine(c.layersModel, layer.name, layer.epsilon));
      c.own(scale);
      c.own(shift);
      return (x) => tf.add(tf.mul(x, scale), shift);
    }
    case 'relu':
      return (x) => tf.relu(x);
    case 'softmax':
      return (x) => tf.softmax(x);
    case 'maxPool':
      return (x) => tf.maxPool(x as tf.Tensor4D, layer.size, layer.stride, layer.padding);
    case 'avgPool':
      return (x) => tf.avgPool(x as tf.Tensor4D, layer.size, layer.stride, layer.padding);
    case 'globalAvgPool':
      return (x) => tf.mean(x, [1, 2]);
    case 'lrn': {
      // tf sums over a radius and does not divide alpha by the window size; Caffe does both.
      const { size, bias, alpha, beta } = layer;
      return (x) => tf.localResponseNormalization(x as tf.Tensor4D, (size - 1) / 2, bias, alpha / size, beta);
    }
    case 'dropout':
      return (x) => x;
    case 'flatten':
      return (x) => tf.reshape(x, [x.shape[0], -1]);
    case 'padChannels':
      return (x) => padChannels(x, layer.channels);
    default:
      return assertNever(layer);
  }
}

/** Kernel and bias after folding: owned copies (a clone shares the variable's data, no copy). */
function folded(
  kernel: tf.Tensor,
  bias: tf.Tensor | undefined,
  affine: Affine | undefined,
  depthwise: boolean,
  c: Compiler,
): { kernel: tf.Tensor; bias: tf.Tensor | undefined } {
  if (!affine) return { kernel: c.own(tf.clone(kernel)), bias: bias && c.own(tf.clone(bias)) };
  return { kernel: c.own(scaleKernel(kernel, affine.scale, depthwise)), bias: c.own(scaleBias(bias, affine)) };
}

function compileWeighted(layer: Weighted, fusion: Fusion, c: Compiler): Op {
  const w = layerWeights(c.layersModel, layer.name);
  const affine = fusion.batchNorm && batchNormAffine(c.layersModel, fusion.batchNorm.name, fusion.batchNorm.epsilon);
  const bias = layer.useBias ? weight(w, layer.name, 'bias') : undefined;
  const activation = fusion.relu || activationOf(layer) === 'relu' ? 'relu' : 'linear';
  const op = weightedOp(layer, w, bias, affine, activation, c);
  return activationOf(layer) === 'softmax' ? (x, taps) => tf.softmax(op(x, taps)) : op;
}

function weightedOp(
  layer: Weighted,
  w: ReadonlyMap<string, tf.Tensor>,
  layerBias: tf.Tensor | undefined,
  affine: Affine | undefined,
  activation: 'relu' | 'linear',
  c: Compiler,
): Op {
  switch (layer.kind) {
    case 'conv2d': {
      const { kernel, bias } = folded(weight(w, layer.name, 'kernel'), layerBias, affine, false, c);
      const { stride, padding } = layer;
      return (x) =>
        tf.fused.conv2d({ x: x as tf.Tensor4D, filter: kernel as tf.Tensor4D, strides: stride, pad: padding, bias, activation });
    }
    case 'separableConv2d': {
      // The BatchNorm folds into the pointwise step, the last linear map before it.
      const depthwise = c.own(tf.clone(weight(w, layer.name, 'depthwise_kernel'))) as tf.Tensor4D;
      const { kernel, bias } = folded(weight(w, layer.name, 'pointwise_kernel'), layerBias, affine, false, c);
      const { stride, padding } = layer;
      return (x) =>
        tf.fused.conv2d({
          x: tf.depthwiseConv2d(x as tf.Tensor4D, depthwise, stride, padding),
          filter: kernel as tf.Tensor4D,
          strides: 1,
          pad: 'valid',
          bias,
          activation,
        });
    }
    case 'depthwiseConv2d': {
      const { kernel, bias } = folded(weight(w, layer.name, 'depthwise_kernel'), layerBias, affine, true, c);
      const { stride, padding } = layer;
      return (x) =>
        tf.fused.depthwiseConv2d({
          x: x as tf.Tensor4D,
          filter: kernel as tf.Tensor4D,
          strides: stride,
          pad: padding,
          bias,
          activation,
        });
    }
    case 'dense': {
      const { kernel, bias } = folded(weight(w, layer.name, 'kernel'), layerBias, affine, false, c);
      return (x) => tf.fused.matMul({ a: x as tf.Tensor2D, b: kernel as tf.Tensor2D, bias, activation });
    }
    default:
      return assertNever(layer);
  }
}
