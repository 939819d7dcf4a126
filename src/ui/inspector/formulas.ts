// The arithmetic of a layer as the Inspector prints it, in the unit the visitor chose.

import type { LayerCount } from '../../analysis/counts';
import type { Measure } from '../../analysis/ops';
import { formatCount } from '../format';

export interface LayerFormulas {
  /** `3×3×96×128 + 128 = 110,720 params`, or undefined for a layer without weights. */
  readonly params?: string;
  /** `3×3×96×128 × 28×28 = 86,704,128 MACs`, then `× 2 = … FLOPs` and `+ … extras` as they apply. */
  readonly ops?: string;
}

export function layerFormulas(layer: LayerCount, measure: Measure): LayerFormulas {
  const ops = measure.of(layer.id);
  const parts: string[] = [];
  if (layer.macsFormula) {
    parts.push(`${layer.macsFormula} MACs`);
    if (measure.unit === 'flops') parts.push(`× 2 = ${formatCount(2 * layer.macs)} FLOPs`);
  }
  const base = measure.unit === 'flops' ? 2 * layer.macs : layer.macs;
  if (ops !== base) parts.push(`+ ${formatCount(ops - base)} extra ops = ${formatCount(ops)} ${measure.label}`);
  return {
    ...(layer.paramsFormula ? { params: `${layer.paramsFormula} params` } : {}),
    ...(parts.length ? { ops: parts.join(' ') } : {}),
  };
}
