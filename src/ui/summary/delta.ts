// Before → after figures of the latest switch: pure, so the page only formats them.

import type { Analysis } from '../../analysis/counts';
import { ratio } from '../../analysis/diff';
import { measure, type Extra, type Unit } from '../../analysis/ops';

export interface Change {
  readonly label: string;
  readonly unit: string;
  /** Undefined where the module does not exist on that side. */
  readonly before: number | undefined;
  readonly after: number | undefined;
  readonly ratio: number | undefined;
}

interface Figures {
  readonly params: number;
  readonly ops: number;
}

function figures(analysis: Analysis, unit: Unit, extras: readonly Extra[], id?: string): Figures | undefined {
  const m = measure(analysis, unit, extras);
  if (id === undefined) return { params: analysis.totals.params, ops: m.total };
  const found = analysis.modules.find((x) => x.path === id) ?? analysis.layers.find((x) => x.id === id);
  return found ? { params: found.params, ops: m.of(id) } : undefined;
}

/** The figures that changed between two analyses, for the network and the selected module or layer. */
export function changes(
  before: Analysis,
  after: Analysis,
  unit: Unit,
  extras: readonly Extra[],
  selected: string | undefined,
): Change[] {
  const opsLabel = measure(after, unit, extras).label;
  const out: Change[] = [];
  const add = (label: string, what: 'params' | 'ops', b?: Figures, a?: Figures) => {
    const x = b?.[what];
    const y = a?.[what];
    if (x === y) return;
    out.push({
      label,
      unit: what === 'params' ? 'params' : opsLabel,
      before: x,
      after: y,
      ratio: x === undefined || y === undefined ? undefined : ratio(x, y),
    });
  };
  const [b, a] = [figures(before, unit, extras), figures(after, unit, extras)];
  add('network', 'params', b, a);
  add('network', 'ops', b, a);
  if (selected !== undefined) {
    const [sb, sa] = [figures(before, unit, extras, selected), figures(after, unit, extras, selected)];
    add(selected, 'params', sb, sa);
    add(selected, 'ops', sb, sa);
  }
  return out;
}

/** The switches that differ, in the network's own order: `inception: bottleneck → naive`. */
export function switched(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): string[] {
  return Object.keys(after)
    .filter((key) => before[key] !== after[key])
    .map((key) => `${key}: ${before[key] ?? '–'} → ${after[key]}`);
}
