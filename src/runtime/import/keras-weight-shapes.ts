// The weights Keras keeps for each layer of our description, in the order its legacy .h5 files
// list them (trainable, then non-trainable: `_legacy_weights`), with their shapes. Keras and tfjs
// agree on all of it: kernels HWIO, a depthwise kernel k×k×Cin×multiplier, a pointwise one
// 1×1×(Cin·multiplier)×Cout, dense kernels in×out, BatchNorm γ, β, moving mean, moving variance.

import { inferShapes, isShapedBlock, type ShapedNode } from '../../model/shapes';
import { assertNever, type Layer, type Model, type Shape } from '../../model/types';

/** One weight of a layer: its Keras name within the layer (`kernel`, `moving_mean`) and shape. */
export interface WeightSpec {
  readonly name: string;
  readonly shape: readonly number[];
}

/** The weights of `layer` given its input shape; none for a layer without weights. */
export function kerasWeightSpecs(layer: Layer, input: Shape): WeightSpec[] {
  const channels = input[input.length - 1];
  const bias = (useBias: boolean, n: number): WeightSpec[] => (useBias ? [{ name: 'bias', shape: [n] }] : []);
  switch (layer.kind) {
    case 'conv2d':
      return [{ name: 'kernel', shape: [layer.kernel, layer.kernel, channels, layer.filters] }, ...bias(layer.useBias, layer.filters)];
    case 'separableConv2d':
      return [
        { name: 'depthwise_kernel', shape: [layer.kernel, layer.kernel, channels, layer.depthMultiplier] },
        { name: 'pointwise_kernel', shape: [1, 1, channels * layer.depthMultiplier, layer.filters] },
        ...bias(layer.useBias, layer.filters),
      ];
    case 'depthwiseConv2d':
      return [{ name: 'depthwise_kernel', shape: [layer.kernel, layer.kernel, channels, layer.depthMultiplier] }, ...bias(layer.useBias, channels * layer.depthMultiplier)];
    case 'batchNorm':
      return ['gamma', 'beta', 'moving_mean', 'moving_variance'].map((name) => ({ name, shape: [channels] }));
    case 'dense':
      return [{ name: 'kernel', shape: [channels, layer.units] }, ...bias(layer.useBias, layer.units)];
    case 'relu':
    case 'maxPool':
    case 'avgPool':
    case 'globalAvgPool':
    case 'lrn':
    case 'dropout':
    case 'flatten':
    case 'softmax':
    case 'padChannels':
      return [];
    default:
      return assertNever(layer);
  }
}

/** Every layer's input shape, by layer name. */
export function layerInputs(model: Model): Map<string, Shape> {
  const inputs = new Map<string, Shape>();
  const visit = (node: ShapedNode) => {
    if (isShapedBlock(node)) node.children.forEach(visit);
    else inputs.set(node.node.name, node.input);
  };
  visit(inferShapes(model));
  return inputs;
}
