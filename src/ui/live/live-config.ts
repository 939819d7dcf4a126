// The configuration as the panel needs it on the page: counted (for MACs per module) or rejected
// with the reason. Pure; no tfjs.

import { analyze, type Analysis } from '../../analysis/counts';
import { configure, networks } from '../../model';
import type { ConfigText } from '../state/view';

export type Counted =
  | { readonly ok: true; readonly title: string; readonly analysis: Analysis }
  | { readonly ok: false; readonly message: string };

/** Builds and counts a configuration; invalid options come back as their message. */
export function countConfig(config: ConfigText): Counted {
  try {
    const { model } = configure(config.network, config.text);
    return { ok: true, title: networks[config.network].title, analysis: analyze(model) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

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
