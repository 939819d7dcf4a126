// The points of the accuracy chart (Canziani et al. 2016, Fig. 2): every catalog configuration at
// its operations, with its published ImageNet top-1 accuracy when there is one. Those without go
// to a strip of their own, never to a guessed height. A mark's area is proportional to its params.

import { measure, type Extra, type Unit } from '../../analysis/ops';
import type { ConfigText } from '../../model';
import { publishedAccuracies, type PublishedAccuracy } from '../../model/published-accuracy';
import { catalogItems, catalogMatch, type CatalogItem } from './configs';
import type { ScatterPoint } from './scatter';

/** A scatter point of the catalog (its id is the catalog id, its ops in the page's unit). */
export interface AccuracyPoint extends ScatterPoint {
  /** Absent: nobody published an accuracy for this configuration. */
  readonly accuracy?: PublishedAccuracy;
}

export interface AccuracyPoints {
  /** Points with a published accuracy: the chart proper. */
  readonly plotted: readonly AccuracyPoint[];
  /** Points without one: the strip, at their operations only. */
  readonly strip: readonly AccuracyPoint[];
}

export interface AccuracyOptions {
  readonly unit: Unit;
  readonly extras: readonly Extra[];
  /** The configurations being compared, to mark them. */
  readonly a?: ConfigText;
  readonly b?: ConfigText;
  /** The catalog, counted (tests pass their own). */
  readonly items?: readonly CatalogItem[];
  /** The published figures (tests pass their own). */
  readonly accuracies?: readonly PublishedAccuracy[];
}

/** Every catalog configuration, split by whether it has a published accuracy; each part in order of operations. */
export function accuracyPoints({ unit, extras, a, b, items = catalogItems(), accuracies = publishedAccuracies }: AccuracyOptions): AccuracyPoints {
  const matchA = a && catalogMatch(a)?.id;
  const matchB = b && catalogMatch(b)?.id;
  const points: AccuracyPoint[] = items.map(({ entry, config, analysis }) => {
    const accuracy = accuracies.find((figure) => figure.id === entry.id);
    return {
      id: entry.id,
      label: entry.label,
      network: entry.network,
      params: analysis.totals.params,
      ops: measure(analysis, unit, extras).total,
      config,
      ...(accuracy && { accuracy }),
      roles: [...(matchA === entry.id ? ['A' as const] : []), ...(matchB === entry.id ? ['B' as const] : [])],
    };
  });
  // Stable order by operations: left to right, for the Tab key as for the eye.
  const byOps = [...points].sort((p, q) => p.ops - q.ops);
  return { plotted: byOps.filter((p) => p.accuracy), strip: byOps.filter((p) => !p.accuracy) };
}

/**
 * A mark's area in px²: proportional to its params, the largest configuration getting `maxArea`.
 * Proportional (no floor, no offset), so a mark twice as large holds twice the parameters.
 */
export function markArea(params: number, maxParams: number, maxArea: number): number {
  if (!(maxParams > 0)) throw new Error(`markArea: the largest parameter count must be positive, not ${maxParams}`);
  return (maxArea * params) / maxParams;
}

/** "78.312%", "79.0%": the figure with its digits, and one decimal at least (Keras prints 79.0%). */
export const formatAccuracy = (top1: number): string => `${Number.isInteger(top1) ? top1.toFixed(1) : String(top1)}%`;
