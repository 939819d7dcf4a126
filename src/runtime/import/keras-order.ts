// Keras' order of a network's layers (`model.layers`), which is the order its legacy .h5 files
// list them in and the order its loader matches them by. Keras sorts a functional model's
// layers by depth, the longest path from the layer to the output, deepest first, and breaks ties
// by the order a depth-first walk back from the output first reaches them
// (keras/src/ops/function.py, `map_graph` and `_build_map`). The walk takes a join's inputs in
// the order the Keras code passes them, which is the application's own: Xception writes
// `add([x, residual])`, our order of branches, ResNet50 `Add()([shortcut, x])`, the reverse. It
// decides which of two layers at the same depth comes first: ResNet's `conv2_block1_0_conv`
// (the projection) before `conv2_block1_3_conv`, shapes equal (1×1×64×256) and order all that
// tells them apart.

import type { KerasModels } from '../../model/networks';
import { assertNever, type Layer, type Model, type Node } from '../../model/types';

/** How the Keras code orders a join's inputs against our branches: as ours, or reversed. */
export type JoinInputs = KerasModels['joinInputs'];

interface Op {
  readonly layer?: Layer;
  readonly inputs: number[];
}

/** The model's layers (joins left out) in Keras' `model.layers` order. */
export function kerasLayerOrder(model: Model, joinInputs: JoinInputs = 'ours'): Layer[] {
  const ops: Op[] = [{ inputs: [] }]; // 0: the input
  const outputs: number[] = [];
  const apply = (node: Node, x: number): number => {
    switch (node.kind) {
      case 'sequence': {
        const out = node.children.reduce((t, child) => apply(child, t), x);
        if (!node.tap) return out;
        outputs.push(out);
        return x;
      }
      case 'concat':
      case 'add': {
        const outs = node.branches.map((branch) => apply(branch, x));
        ops.push({ inputs: joinInputs === 'reversed' ? outs.reverse() : outs });
        return ops.length - 1;
      }
      default:
        ops.push({ layer: node, inputs: [x] });
        return ops.length - 1;
    }
  };
  outputs.unshift(apply(model.root, 0));

  // The walk back from each output: an op's index is when it is first reached.
  const index = new Map<number, number>();
  const walk = (op: number) => {
    if (index.has(op)) return;
    index.set(op, index.size);
    for (const input of ops[op].inputs) walk(input);
  };
  outputs.forEach(walk);

  // Depth: an op's consumers come later in `ops`, so one backward pass settles every depth.
  const depth = ops.map(() => 0);
  for (let op = ops.length - 1; op >= 0; op--) {
    for (const input of ops[op].inputs) depth[input] = Math.max(depth[input], depth[op] + 1);
  }
  return ops
    .map((op, i) => ({ op, i }))
    .filter(({ op }) => op.layer !== undefined)
    .sort((a, b) => depth[b.i] - depth[a.i] || (index.get(a.i) ?? 0) - (index.get(b.i) ?? 0))
    .map(({ op }) => op.layer as Layer);
}

/** Whether a layer kind holds weights in Keras (and in tfjs). */
export function hasWeights(layer: Layer): boolean {
  switch (layer.kind) {
    case 'conv2d':
    case 'separableConv2d':
    case 'depthwiseConv2d':
    case 'batchNorm':
    case 'dense':
      return true;
    case 'relu':
    case 'maxPool':
    case 'avgPool':
    case 'globalAvgPool':
    case 'lrn':
    case 'dropout':
    case 'flatten':
    case 'softmax':
    case 'padChannels':
      return false;
    default:
      return assertNever(layer);
  }
}
