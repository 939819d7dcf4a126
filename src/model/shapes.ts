// Shape inference: walks the tree once and annotates every layer and block with its input and
// output shape. Errors name the layer (or join) whose shapes cannot work.

import {
  assertNever,
  isBlock,
  type Block,
  type Layer,
  type Model,
  type Node,
  type Padding,
  type Shape,
} from './types';

export interface ShapedLayer {
  readonly node: Layer;
  /** Path of the innermost block holding this layer, e.g. `inception_3a/5x5`. */
  readonly module: string;
  readonly input: Shape;
  readonly output: Shape;
}

export interface ShapedBlock {
  readonly node: Block;
  readonly path: string;
  readonly input: Shape;
  readonly output: Shape;
  readonly children: readonly ShapedNode[];
}

export type ShapedNode = ShapedLayer | ShapedBlock;

export class ShapeError extends Error {
  constructor(
    /** The layer or join whose shapes do not fit. */
    readonly layer: string,
    detail: string,
  ) {
    super(`layer "${layer}": ${detail}`);
    this.name = 'ShapeError';
  }
}

export function isShapedBlock(node: ShapedNode): node is ShapedBlock {
  return 'path' in node;
}

/** Joins a parent path and a child id; top-level modules have no prefix. */
export function childPath(parent: string, id: string): string {
  return parent === '' ? id : `${parent}/${id}`;
}

export function formatShape(shape: Shape): string {
  return shape.join('×');
}

/** Annotates the whole model with shapes; the root block has the empty path. */
export function inferShapes(model: Model): ShapedBlock {
  return shapeBlock(model.root, '', model.input);
}

/** `path` is the path of the enclosing block. */
function shapeNode(node: Node, path: string, input: Shape): ShapedNode {
  return isBlock(node) ? shapeBlock(node, childPath(path, node.id), input) : shapeLayer(node, path, input);
}

/** `path` is this block's own path. */
function shapeBlock(block: Block, path: string, input: Shape): ShapedBlock {
  if (block.kind === 'sequence') {
    const children: ShapedNode[] = [];
    let current = input;
    for (const child of block.children) {
      const shaped = shapeNode(child, path, current);
      children.push(shaped);
      current = shaped.output;
    }
    return { node: block, path, input, output: block.tap ? input : current, children };
  }
  const branches = block.branches.map((branch) =>
    shapeBlock(branch, childPath(path, branch.id), input),
  );
  return { node: block, path, input, output: joinShapes(block.kind, block.joinName, branches), children: branches };
}

function joinShapes(kind: 'concat' | 'add', joinName: string, branches: readonly ShapedBlock[]): Shape {
  const outputs = branches.map((b) => b.output);
  if (outputs.length === 0) throw new ShapeError(joinName, `${kind} has no branches`);
  const first = outputs[0];
  for (const [i, shape] of outputs.entries()) {
    if (shape.length !== 3) {
      throw new ShapeError(joinName, `${kind} needs feature maps, branch "${branches[i].node.id}" gives ${formatShape(shape)}`);
    }
    const spatialDiffers = shape[0] !== first[0] || shape[1] !== first[1];
    const channelsDiffer = kind === 'add' && shape[2] !== first[2];
    if (spatialDiffers || channelsDiffer) {
      throw new ShapeError(
        joinName,
        `cannot ${kind} branch "${branches[0].node.id}" (${formatShape(first)}) with branch "${branches[i].node.id}" (${formatShape(shape)})`,
      );
    }
  }
  if (kind === 'add') return first;
  return [first[0], first[1], outputs.reduce((sum, s) => sum + s[2], 0)];
}

/** Output length of a sliding window along one axis, as TensorFlow computes it. */
export function windowOutput(size: number, kernel: number, stride: number, padding: Padding): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - kernel) / stride) + 1;
}

function spatial(
  name: string,
  input: Shape,
  kernel: number,
  stride: number,
  padding: Padding,
  channels: number,
): Shape {
  const [h, w] = requireMap(name, input);
  if (padding === 'valid' && (kernel > h || kernel > w)) {
    throw new ShapeError(name, `kernel ${kernel}×${kernel} is larger than its ${h}×${w} input (valid padding)`);
  }
  return [windowOutput(h, kernel, stride, padding), windowOutput(w, kernel, stride, padding), channels];
}

function requireMap(name: string, input: Shape): Shape {
  if (input.length !== 3) {
    throw new ShapeError(name, `needs an h×w×c feature map, got ${formatShape(input)} (flatten or pool first?)`);
  }
  return input;
}

function shapeLayer(layer: Layer, module: string, input: Shape): ShapedLayer {
  return { node: layer, module, input, output: layerOutput(layer, input) };
}

function layerOutput(layer: Layer, input: Shape): Shape {
  const channels = input[input.length - 1];
  switch (layer.kind) {
    case 'conv2d':
    case 'separableConv2d':
      return spatial(layer.name, input, layer.kernel, layer.stride, layer.padding, layer.filters);
    case 'depthwiseConv2d':
      return spatial(layer.name, input, layer.kernel, layer.stride, layer.padding, channels * layer.depthMultiplier);
    case 'maxPool':
    case 'avgPool':
      return spatial(layer.name, input, layer.size, layer.stride, layer.padding, channels);
    case 'globalAvgPool':
      return [requireMap(layer.name, input)[2]];
    case 'flatten':
      return [input.reduce((a, b) => a * b, 1)];
    case 'dense':
      if (input.length !== 1) {
        throw new ShapeError(layer.name, `dense needs a vector, got ${formatShape(input)} (flatten or pool first?)`);
      }
      return [layer.units];
    case 'batchNorm':
    case 'relu':
    case 'lrn':
    case 'dropout':
    case 'softmax':
      return input;
    case 'padChannels': {
      const [h, w, c] = requireMap(layer.name, input);
      if (layer.channels < c) throw new ShapeError(layer.name, `cannot pad ${c} channels down to ${layer.channels}`);
      return [h, w, layer.channels];
    }
    default:
      return assertNever(layer);
  }
}
