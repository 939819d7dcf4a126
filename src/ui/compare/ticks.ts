// Ticks for the charts' axes, from d3 scales: every tick gets a grid line, only some a label, so a
// log axis shows its decades without a crowd of numbers.

import { format, type ScaleLinear, type ScaleLogarithmic } from 'd3';

export interface Tick {
  readonly value: number;
  /** Pixel position along the axis. */
  readonly position: number;
  /** Absent for minor ticks, which get a grid line only. */
  readonly label?: string;
}

const si = format('~s'); // 2000000 → "2M", 500000000 → "500M"

/** Log-axis ticks: 1, 2 and 5 of each decade labelled over a short range, only powers of ten over a long one. */
export function logTicks(scale: ScaleLogarithmic<number, number>): Tick[] {
  const [lo, hi] = scale.domain();
  const labelled = Math.log10(hi / lo) <= 2.5 ? [1, 2, 5] : [1];
  return scale.ticks().map((value) => {
    const mantissa = Math.round(value / 10 ** Math.floor(Math.log10(value) + 1e-9));
    return { value, position: scale(value), ...(labelled.includes(mantissa) && { label: si(value) }) };
  });
}

/** Linear-axis ticks, all labelled. */
export function linearTicks(scale: ScaleLinear<number, number>, count: number): Tick[] {
  return scale.ticks(count).map((value) => ({ value, position: scale(value), label: si(value) }));
}
