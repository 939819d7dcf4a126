// The model description as a tf.LayersModel: one tfjs layer per description layer, with the same
// name, so counts, graph and runtime agree and Keras checkpoints map by name.

import * as tf from '@tensorflow/tfjs';
import { assertNever, type Layer, type Model, type Node } from '../model/types';
import { LRN } from './lrn-layer';
import { PadChannels } from './pad-channels-layer';

export interface BuildOptions {
  /**
   * `random` (default): Keras' Glorot-uniform kernels, seeded. `zeros`: zero kernels, for when
   * only shapes and topology matter (export, counts): no random numbers to draw.
   * Both keep Keras' defaults for biases (0) and BatchNorm (γ 1, β 0, mean 0, variance 1).
   */
  readonly init?: 'random' | 'zeros';
  /** Seed of the first kernel (default 1, at least 1); each later kernel takes the next one, so equal shapes differ. */
  readonly seed?: number;
}

/** Keras' name for the input of the first model built in a session. */
const INPUT_NAME = 'input_1';

/** A fresh kernel initializer per weight (tfjs does not export the Initializer type). */
type KernelInit = () => ReturnType<typeof tf.initializers.glorotUniform>;

/** Builds the tfjs model; outputs are [main, ...taps in network order]. */
export function buildLayersModel(model: Model, options: BuildOptions = {}): tf.LayersModel {
  const kernel = kernelInitializer(options);
  const taps: tf.SymbolicTensor[] = [];

  const apply = (node: Node, x: tf.SymbolicTensor): tf.SymbolicTensor => {
    switch (node.kind) {
      case 'sequence': {
        const out = node.children.reduce((t, child) => apply(child, t), x);
        if (!node.tap) return out;
        taps.push(out);
        return x;
      }
      case 'concat':
      case 'add': {
        const outs = node.branches.map((branch) => apply(branch, x));
        const join =
          node.kind === 'concat' ? tf.layers.concatenate({ name: node.joinName }) : tf.layers.add({ name: node.joinName });
        return join.apply(outs) as tf.SymbolicTensor;
      }
      default:
        return createLayer(node, kernel).apply(x) as tf.SymbolicTensor;
    }
  };

  const input = tf.input({ shape: [...model.input], name: INPUT_NAME });
  const main = apply(model.root, input);
  return tf.model({ inputs: input, outputs: [main, ...taps], name: model.name });
}

function kernelInitializer({ init = 'random', seed = 1 }: BuildOptions): KernelInit {
  if (init === 'zeros') return () => tf.initializers.zeros();
  // tfjs's normal generators read a seed of 0 as "no seed" (`seed ? seed : Math.random()`),
  // so seeds start at 1.
  let next = Math.max(1, Math.floor(seed));
  return () => tf.initializers.glorotUniform({ seed: next++ });
}

function createLayer(layer: Layer, kernel: KernelInit): tf.layers.Layer {
  const { name } = layer;
  switch (layer.kind) {
    case 'conv2d':
      return tf.layers.conv2d({
        name,
        filters: layer.filters,
        kernelSize: layer.kernel,
        strides: layer.stride,
        padding: layer.padding,
        useBias: layer.useBias,
        activation: layer.activation ?? 'linear',
        kernelInitializer: kernel(),
      });
    case 'separableConv2d':
      return tf.layers.separableConv2d({
        name,
        filters: layer.filters,
        kernelSize: layer.kernel,
        strides: layer.stride,
        padding: layer.padding,
        depthMultiplier: layer.depthMultiplier,
        useBias: layer.useBias,
        activation: layer.activation ?? 'linear',
        depthwiseInitializer: kernel(),
        pointwiseInitializer: kernel(),
      });
    case 'depthwiseConv2d':
      return tf.layers.depthwiseConv2d({
        name,
        kernelSize: layer.kernel,
        strides: layer.stride,
        padding: layer.padding,
        depthMultiplier: layer.depthMultiplier,
        useBias: layer.useBias,
        depthwiseInitializer: kernel(),
      });
    case 'batchNorm':
      return tf.layers.batchNormalization({ name, axis: -1, epsilon: layer.epsilon });
    case 'relu':
      // Keras' Xception uses Activation layers, so the names and classes match its topology.
      return tf.layers.activation({ name, activation: 'relu' });
    case 'softmax':
      return tf.layers.activation({ name, activation: 'softmax' });
    case 'maxPool':
      return tf.layers.maxPooling2d({ name, poolSize: layer.size, strides: layer.stride, padding: layer.padding });
    case 'avgPool':
      return tf.layers.averagePooling2d({ name, poolSize: layer.size, strides: layer.stride, padding: layer.padding });
    case 'globalAvgPool':
      return tf.layers.globalAveragePooling2d({ name });
    case 'lrn':
      return new LRN(layer);
    case 'dropout':
      return tf.layers.dropout({ name, rate: layer.rate });
    case 'flatten':
      return tf.layers.flatten({ name });
    case 'padChannels':
      return new PadChannels(layer);
    case 'dense':
      return tf.layers.dense({
        name,
        units: layer.units,
        useBias: layer.useBias,
        activation: layer.activation ?? 'linear',
        kernelInitializer: kernel(),
      });
    default:
      return assertNever(layer);
  }
}
