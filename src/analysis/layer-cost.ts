// The cost of one layer under the project's conventions (docs/CONVENTIONS.md): params as Keras counts
// them (BatchNorm stores 4 numbers a channel, 2 trainable), MACs of conv and dense kernels only.

import { assertNever, type Layer, type Shape } from '../model/types';
import { formatCount, times } from './format';

export interface LayerCost {
  readonly params: number;
  readonly trainable: number;
  readonly macs: number;
  /** The arithmetic with the numbers filled in, e.g. `1×1×192×64 + 64 = 12,352`. */
  readonly paramsFormula: string;
  /** e.g. `1×1×192×64 × 28×28 = 9,633,792`. */
  readonly macsFormula: string;
}

const NONE: LayerCost = { params: 0, trainable: 0, macs: 0, paramsFormula: '', macsFormula: '' };

/** Weights written as a sum of terms: `a + b = total`, or just the term when there is one. */
function sum(terms: readonly string[], total: number): string {
  return terms.length === 1 && !terms[0].includes('×') ? formatCount(total) : `${terms.join(' + ')} = ${formatCount(total)}`;
}

/** Cost of a layer whose weights all act at every output position (conv kinds). */
function convCost(weightTerms: string[], weights: number, bias: number, output: Shape): LayerCost {
  const [h, w] = output;
  const macs = weights * h * w;
  const kernel = weightTerms.length === 1 ? weightTerms[0] : `(${weightTerms.join(' + ')})`;
  const params = weights + bias;
  return {
    params,
    trainable: params,
    macs,
    paramsFormula: sum(bias ? [...weightTerms, String(bias)] : weightTerms, params),
    macsFormula: `${kernel} × ${times([h, w])} = ${formatCount(macs)}`,
  };
}

/** Params, trainable params and MACs of one layer, with the arithmetic as text. */
export function layerCost(layer: Layer, input: Shape, output: Shape): LayerCost {
  const cin = input[input.length - 1];
  switch (layer.kind) {
    case 'conv2d': {
      const k = layer.kernel;
      const weights = k * k * cin * layer.filters;
      return convCost([times([k, k, cin, layer.filters])], weights, layer.useBias ? layer.filters : 0, output);
    }
    case 'separableConv2d': {
      const k = layer.kernel;
      const m = layer.depthMultiplier;
      const depthwise = k * k * cin * m;
      const pointwise = cin * m * layer.filters;
      const terms = [times(m === 1 ? [k, k, cin] : [k, k, cin, m]), times(m === 1 ? [cin, layer.filters] : [cin, m, layer.filters])];
      return convCost(terms, depthwise + pointwise, layer.useBias ? layer.filters : 0, output);
    }
    case 'depthwiseConv2d': {
      const k = layer.kernel;
      const m = layer.depthMultiplier;
      const weights = k * k * cin * m;
      return convCost([times(m === 1 ? [k, k, cin] : [k, k, cin, m])], weights, layer.useBias ? cin * m : 0, output);
    }
    case 'batchNorm': {
      const params = 4 * cin;
      return {
        params,
        trainable: 2 * cin,
        macs: 0,
        paramsFormula: `4×${cin} = ${formatCount(params)} (γ, β: 2×${cin} = ${formatCount(2 * cin)} trainable; moving mean, variance: not)`,
        macsFormula: '',
      };
    }
    case 'dense': {
      const weights = cin * layer.units;
      const params = weights + (layer.useBias ? layer.units : 0);
      return {
        params,
        trainable: params,
        macs: weights,
        paramsFormula: sum(layer.useBias ? [times([cin, layer.units]), String(layer.units)] : [times([cin, layer.units])], params),
        macsFormula: `${times([cin, layer.units])} = ${formatCount(weights)}`,
      };
    }
    case 'relu':
    case 'maxPool':
    case 'avgPool':
    case 'globalAvgPool':
    case 'lrn':
    case 'dropout':
    case 'flatten':
    case 'softmax':
    case 'padChannels':
      return NONE;
    default:
      return assertNever(layer);
  }
}
