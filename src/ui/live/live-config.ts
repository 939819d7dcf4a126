// Where the Live panel looks in the configured network. Pure; no tfjs.

import type { Analysis } from '../../analysis/counts';

/**
 * The module or layer whose feature maps to show: the selection if it exists in this network,
 * else the first module with branches (inception_3a, block2), else the first module.
 */
export function mapsPathFor(analysis: Analysis, selected: string | undefined): string | undefined {
  if (selected !== undefined) {
    const known = analysis.modules.some((m) => m.path === selected) || analysis.layers.some((l) => l.id === selected);
    if (known) return selected;
  }
  const top = analysis.root.children;
  return (top.find((m) => m.children.length > 0) ?? top[0])?.path;
}

/** The top-level module a module path or layer id belongs to (`inception_3a/5x5` → `inception_3a`). */
export const topModuleOf = (path: string): string => path.split('/')[0];
