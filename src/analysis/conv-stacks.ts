// VGG's argument (Simonyan & Zisserman 2014, §2.3), read off any module: n stacked 3x3 convs see
// a (2n+1)×(2n+1) window, as one (2n+1)×(2n+1) conv would, with n·9·C² weights instead of
// (2n+1)²·C² and n ReLUs instead of one. Found in the counted layers, so it holds for every
// network (VGG's blocks, GoogLeNet's branch5x5=3x3-3x3) and uses their real channel counts.

import type { LayerCount } from './counts';
import { formatCount, times } from './format';
import type { Conv2D, LayerKind } from '../model/types';

/** Layers that keep a stack going: they change neither the window nor the size. */
const ELEMENTWISE: readonly LayerKind[] = ['relu', 'batchNorm', 'lrn', 'dropout'];

export interface ConvStack {
  /** The convs of the stack, in order (at least two). */
  readonly convs: readonly LayerCount[];
  /** Side of the window one output value sees: 1 + 2n. */
  readonly receptiveField: number;
  readonly inChannels: number;
  readonly outChannels: number;
  /** The stack's kernel weights (biases aside). */
  readonly weights: number;
  /** `3×3×128×256 + 3×3×256×256 = 884,736` */
  readonly weightsFormula: string;
  /** One conv with the same window, input and output channels: k²·Cin·Cout. */
  readonly singleWeights: number;
  /** `5×5×128×256 = 819,200` */
  readonly singleFormula: string;
  /** With C channels in and out: `2 × 3·3·C² = 18·C² against 5·5·C² = 25·C²`. */
  readonly symbolic: string;
  /** ReLUs between the stack's convs: non-linearities the single conv would not have. */
  readonly relusBetween: number;
}

const isStackable = (layer: LayerCount): layer is LayerCount & { node: Conv2D } =>
  layer.node.kind === 'conv2d' && layer.node.kernel === 3 && layer.node.stride === 1 && layer.node.padding === 'same';

/** Runs of two or more 3x3/1 convs in one sequence, with nothing but element-wise layers between them. */
export function convStacks(layers: readonly LayerCount[]): ConvStack[] {
  const stacks: ConvStack[] = [];
  let run: LayerCount[] = [];
  let relus = 0;
  let reluSinceConv = false;
  const close = () => {
    if (run.length >= 2) stacks.push(describe(run, relus));
    run = [];
    relus = 0;
  };
  for (const layer of layers) {
    if (isStackable(layer)) {
      // A stack lives in one sequence: the last conv of one branch does not feed the next branch.
      if (run.length > 0 && layer.module !== run[0].module) close();
      if (run.length > 0 && reluSinceConv) relus++;
      run.push(layer);
      reluSinceConv = layer.node.activation === 'relu';
    } else if (ELEMENTWISE.includes(layer.kind)) {
      reluSinceConv ||= layer.kind === 'relu';
    } else {
      close();
    }
  }
  close();
  return stacks;
}

function describe(convs: readonly LayerCount[], relusBetween: number): ConvStack {
  const n = convs.length;
  const k = 1 + 2 * n;
  const inChannels = convs[0].input.at(-1) ?? 0;
  const outChannels = convs[n - 1].output.at(-1) ?? 0;
  const terms = convs.map((conv) => [3, 3, conv.input.at(-1) ?? 0, conv.output.at(-1) ?? 0]);
  const weights = terms.reduce((sum, factors) => sum + factors.reduce((a, b) => a * b, 1), 0);
  const singleWeights = k * k * inChannels * outChannels;
  return {
    convs,
    receptiveField: k,
    inChannels,
    outChannels,
    weights,
    weightsFormula: `${terms.map(times).join(' + ')} = ${formatCount(weights)}`,
    singleWeights,
    singleFormula: `${times([k, k, inChannels, outChannels])} = ${formatCount(singleWeights)}`,
    symbolic: `${n} × 3·3·C² = ${9 * n}·C² against ${k}·${k}·C² = ${k * k}·C²`,
    relusBetween,
  };
}
