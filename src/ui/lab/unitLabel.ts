import type { Unit } from '../../analysis/ops';

/** The name printed next to an operation count, as Measure labels it. */
export const unitLabel = (unit: Unit): string => (unit === 'flops' ? 'FLOPs' : 'MACs');
