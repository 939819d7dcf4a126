// Formatting for the page (numbers with thousands separators come from analysis/format).

export { formatCompact, formatCount } from '../analysis/format';
export { formatShape } from '../model';

/** 0.1234 → "12.3%"; tiny but non-zero shares do not round to a misleading 0. */
export function formatShare(fraction: number): string {
  if (fraction === 0) return '0%';
  if (fraction < 0.0005) return '<0.1%';
  return `${(fraction * 100).toFixed(1)}%`;
}

/** ['A', 'B', 'C'] → "A, B, and C" (English, whatever the visitor's locale, like the rest of the page). */
export const inWords = (items: readonly string[]): string => new Intl.ListFormat('en', { type: 'conjunction' }).format(items);
