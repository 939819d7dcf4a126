// The points of the scatter plot: every catalog configuration, plus A and B when they are not in
// the catalog. A point that is A or B says so, so the plot can mark it.

import { measure, type Extra, type Unit } from '../../analysis/ops';
import type { NetworkName } from '../../model';
import type { ConfigText } from '../../model';
import type { Explored } from '../explore';
import { catalogItems, catalogMatch, describeConfig } from './configs';

export type Role = 'A' | 'B';

export interface ScatterPoint {
  readonly id: string;
  readonly label: string;
  readonly network: NetworkName;
  readonly params: number;
  readonly ops: number;
  readonly config: ConfigText;
  readonly roles: readonly Role[];
}

export interface Sides {
  readonly a: { readonly config: ConfigText; readonly evaluated: Explored };
  readonly b: { readonly config: ConfigText; readonly evaluated: Explored };
}

/** Catalog points and A and B, with operations in the given unit and extras. */
export function scatterPoints(sides: Sides, unit: Unit, extras: readonly Extra[]): ScatterPoint[] {
  const matchA = catalogMatch(sides.a.config)?.id;
  const matchB = catalogMatch(sides.b.config)?.id;
  const points: ScatterPoint[] = catalogItems().map(({ entry, config, analysis }) => ({
    id: entry.id,
    label: entry.label,
    network: entry.network,
    params: analysis.totals.params,
    ops: measure(analysis, unit, extras).total,
    config,
    roles: [...(matchA === entry.id ? ['A' as const] : []), ...(matchB === entry.id ? ['B' as const] : [])],
  }));
  const own = (role: Role, side: Sides['a']): ScatterPoint => ({
    id: `custom-${role}`,
    label: describeConfig(side.config),
    network: side.config.network,
    params: side.evaluated.analysis.totals.params,
    ops: measure(side.evaluated.analysis, unit, extras).total,
    config: side.config,
    roles: [role],
  });
  const same =
    JSON.stringify(sides.a.evaluated.configuration.optionText) === JSON.stringify(sides.b.evaluated.configuration.optionText) &&
    sides.a.config.network === sides.b.config.network;
  if (matchA === undefined && matchB === undefined && same) points.push({ ...own('A', sides.a), roles: ['A', 'B'] });
  else {
    if (matchA === undefined) points.push(own('A', sides.a));
    if (matchB === undefined) points.push(own('B', sides.b));
  }
  return points;
}
