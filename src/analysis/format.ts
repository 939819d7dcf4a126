// Number formatting shared by formulas, the CLI and the page: thousands separators, always.

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 6998552 → "6,998,552". */
export const formatCount = (n: number): string => integer.format(n);

/** A product written out: [3, 3, 64] → "3×3×64". */
export const times = (factors: readonly number[]): string => factors.join('×');

/** Compact form for tight spaces: 6998552 → "7.0M", 1582671872 → "1.58G". */
export function formatCompact(n: number): string {
  const units: [number, string][] = [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [scale, suffix] of units) {
    if (Math.abs(n) >= scale) {
      const value = n / scale;
      return `${value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2)}${suffix}`;
    }
  }
  return String(n);
}
