// The numbers of the compare view: totals and top-level modules of A and B side by side, and the
// catalog as points. Operations always come through a Measure, so the unit is never implicit.

import type { Analysis } from '../../analysis/counts';
import { ratio } from '../../analysis/diff';
import type { Measure } from '../../analysis/ops';

export interface Side {
  readonly analysis: Analysis;
  readonly measure: Measure;
}

export interface TotalRow {
  readonly key: 'params' | 'trainable' | 'ops';
  readonly label: string;
  readonly a: number;
  readonly b: number;
  readonly delta: number;
  /** B / A; undefined when A is zero. */
  readonly ratio: number | undefined;
}

/** Parameters, trainable parameters and operations of A and B, with B − A and B / A. */
export function compareTotals(a: Side, b: Side): TotalRow[] {
  const row = (key: TotalRow['key'], label: string, x: number, y: number): TotalRow => ({
    key,
    label,
    a: x,
    b: y,
    delta: y - x,
    ratio: ratio(x, y),
  });
  return [
    row('params', 'Parameters', a.analysis.totals.params, b.analysis.totals.params),
    row('trainable', 'Trainable', a.analysis.totals.trainable, b.analysis.totals.trainable),
    row('ops', a.measure.label, a.measure.total, b.measure.total),
  ];
}

export interface Figures {
  readonly params: number;
  readonly ops: number;
}

export interface ModuleRow {
  /** Unique within the rows: the path, prefixed by side when the networks differ. */
  readonly key: string;
  readonly path: string;
  readonly a?: Figures;
  readonly b?: Figures;
  /** B − A, a missing module counting as zero; undefined across different networks. */
  readonly delta?: Figures;
}

const figuresOf = (side: Side, path: string, params: number): Figures => ({ params, ops: side.measure.of(path) });

/**
 * Top-level modules of A and B. The same network: matched by path, in network order, a module only
 * B has placed after its predecessor in B. Different networks: A's modules, then B's.
 */
export function compareModules(a: Side, b: Side): ModuleRow[] {
  const topA = a.analysis.root.children;
  const topB = b.analysis.root.children;
  if (a.analysis.name !== b.analysis.name) {
    return [
      ...topA.map((m) => ({ key: `a:${m.path}`, path: m.path, a: figuresOf(a, m.path, m.params) })),
      ...topB.map((m) => ({ key: `b:${m.path}`, path: m.path, b: figuresOf(b, m.path, m.params) })),
    ];
  }
  const order = topA.map((m) => m.path);
  topB.forEach((m, i) => {
    if (order.includes(m.path)) return;
    const previous = i === 0 ? -1 : order.indexOf(topB[i - 1].path);
    order.splice(previous + 1, 0, m.path);
  });
  const byPathA = new Map(topA.map((m) => [m.path, m]));
  const byPathB = new Map(topB.map((m) => [m.path, m]));
  return order.map((path) => {
    const ma = byPathA.get(path);
    const mb = byPathB.get(path);
    const fa = ma && figuresOf(a, path, ma.params);
    const fb = mb && figuresOf(b, path, mb.params);
    const delta = {
      params: (fb?.params ?? 0) - (fa?.params ?? 0),
      ops: (fb?.ops ?? 0) - (fa?.ops ?? 0),
    };
    return { key: path, path, ...(fa && { a: fa }), ...(fb && { b: fb }), delta };
  });
}

/** B − A with its sign: `+1,234`, `−1,234` (a true minus sign), `0`. */
export function formatDelta(n: number, format: (n: number) => string): string {
  if (n === 0) return '0';
  return `${n > 0 ? '+' : '−'}${format(Math.abs(n))}`;
}

/** B / A to three significant digits: `0.949×`, `7.82×`; a dash when A is zero. */
export function formatRatio(r: number | undefined): string {
  if (r === undefined) return '—';
  return `${r >= 1000 ? Math.round(r).toLocaleString('en-US') : Number(r.toPrecision(3))}×`;
}
