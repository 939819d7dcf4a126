// What the page counts as "operations": MACs or FLOPs (= 2 × MACs), optionally with the extras
// that tools such as ptflops and fvcore add (bias adds, BatchNorm, ReLU, pooling). The unit is
// always named; the extras are counted as ptflops counts them, one operation per element.

import { assertNever } from '../model/types';
import { isModuleCount, type Analysis, type LayerCount, type ModuleCount } from './counts';

export type Unit = 'macs' | 'flops';
export type Extra = 'bias' | 'bn' | 'act' | 'pool';

export const UNITS: readonly Unit[] = ['macs', 'flops'];

export const EXTRAS: readonly { readonly key: Extra; readonly label: string; readonly help: string }[] = [
  { key: 'bias', label: 'bias adds', help: 'one add per output value of a layer with a bias' },
  { key: 'bn', label: 'BatchNorm', help: 'a multiply and an add per value (inference: scale and shift)' },
  { key: 'act', label: 'activations', help: 'one operation per value through a ReLU (separate or fused)' },
  { key: 'pool', label: 'pooling', help: 'one operation per input value of a pooling layer' },
];

const elements = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Extra operations of one layer, counted as ptflops counts them. */
export function extraOps(layer: LayerCount, extras: ReadonlySet<Extra>): number {
  if (extras.size === 0) return 0;
  const out = elements(layer.output);
  let ops = 0;
  if (extras.has('bias') && layer.hasBias) ops += out;
  if (extras.has('act') && (layer.kind === 'relu' || layer.activation === 'relu')) ops += out;
  switch (layer.kind) {
    case 'batchNorm':
      if (extras.has('bn')) ops += 2 * out;
      break;
    case 'maxPool':
    case 'avgPool':
    case 'globalAvgPool':
      if (extras.has('pool')) ops += elements(layer.input);
      break;
    case 'conv2d':
    case 'separableConv2d':
    case 'depthwiseConv2d':
    case 'dense':
    case 'relu':
    case 'lrn':
    case 'dropout':
    case 'flatten':
    case 'softmax':
    case 'padChannels':
      break;
    default:
      return assertNever(layer.kind);
  }
  return ops;
}

/** A unit and its extras applied to an analysis: the number every view shows for a module or layer. */
export interface Measure {
  readonly unit: Unit;
  readonly extras: readonly Extra[];
  /** Printed next to every number: `MACs`, `FLOPs`, `MACs + extras`, `FLOPs + extras`. */
  readonly label: string;
  /** Operations of a module (by path) or layer (by id); 0 for an unknown id. */
  readonly of: (id: string) => number;
  readonly total: number;
}

/** Operations of one layer in a unit: MACs (+ extras) or 2 × MACs (+ extras). */
export function layerOps(layer: LayerCount, unit: Unit, extras: ReadonlySet<Extra>): number {
  return (unit === 'flops' ? 2 * layer.macs : layer.macs) + extraOps(layer, extras);
}

/** Precomputes the operations of every module and layer of an analysis. */
export function measure(analysis: Analysis, unit: Unit, extras: readonly Extra[] = []): Measure {
  const chosen = new Set(extras);
  const byId = new Map<string, number>();
  const visit = (module: ModuleCount): number => {
    let sum = 0;
    for (const item of module.items) {
      const ops = isModuleCount(item) ? visit(item) : layerOps(item, unit, chosen);
      if (!isModuleCount(item)) byId.set(item.id, ops);
      sum += ops;
    }
    byId.set(module.path, sum);
    return sum;
  };
  const total = visit(analysis.root);
  const name = unit === 'flops' ? 'FLOPs' : 'MACs';
  return {
    unit,
    extras: EXTRAS.map((e) => e.key).filter((key) => chosen.has(key)),
    label: chosen.size > 0 ? `${name} + extras` : name,
    of: (id) => byId.get(id) ?? 0,
    total,
  };
}
