// The difference between two configurations, module by module (matched by path).

import type { Analysis, Cost } from './counts';

type Figures = Pick<Cost, 'params' | 'trainable' | 'macs'>;

export interface ModuleDelta {
  readonly path: string;
  /** Absent when the module exists only in the other configuration. */
  readonly before?: Figures;
  readonly after?: Figures;
}

export interface Diff {
  readonly totals: { readonly before: Cost; readonly after: Cost };
  /** Modules of `before` in order, then those only `after` has. */
  readonly modules: readonly ModuleDelta[];
}

const figures = ({ params, trainable, macs }: Figures): Figures => ({ params, trainable, macs });

/** Per-module and total before → after figures of two analyses. */
export function diffAnalyses(before: Analysis, after: Analysis): Diff {
  const afterByPath = new Map(after.modules.map((m) => [m.path, m]));
  const seen = new Set<string>();
  const modules: ModuleDelta[] = before.modules.map((m) => {
    seen.add(m.path);
    const other = afterByPath.get(m.path);
    return other ? { path: m.path, before: figures(m), after: figures(other) } : { path: m.path, before: figures(m) };
  });
  for (const m of after.modules) {
    if (!seen.has(m.path)) modules.push({ path: m.path, after: figures(m) });
  }
  return { totals: { before: before.totals, after: after.totals }, modules };
}

/** after / before, or undefined when before is zero. */
export function ratio(before: number, after: number): number | undefined {
  return before === 0 ? undefined : after / before;
}
