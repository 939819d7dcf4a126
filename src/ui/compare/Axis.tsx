import type { Tick } from './ticks';

interface AxisProps {
  readonly ticks: readonly Tick[];
  /** Which side of the plot the axis is on; the caller translates the group to that edge. */
  readonly side: 'bottom' | 'left' | 'top';
  /** How far grid lines reach across the plot. */
  readonly grid: number;
}

/** Tick marks, tick labels and grid lines of one axis (positions come from a d3 scale). */
export function Axis({ ticks, side, grid }: AxisProps) {
  const horizontal = side !== 'left';
  const out = side === 'top' ? -1 : 1; // grid lines run into the plot, labels away from it
  return (
    <g className={`cmp-axis cmp-axis-${side}`}>
      {ticks.map((tick) => (
        <g
          key={tick.value}
          className={tick.label ? 'cmp-tick' : 'cmp-tick cmp-minor'}
          transform={horizontal ? `translate(${tick.position}, 0)` : `translate(0, ${tick.position})`}
        >
          {horizontal ? (
            <line className="cmp-grid" y1={0} y2={-grid * out} />
          ) : (
            <line className="cmp-grid" x1={0} x2={grid} />
          )}
          {tick.label &&
            (horizontal ? (
              <text y={side === 'top' ? -8 : 18} textAnchor="middle">
                {tick.label}
              </text>
            ) : (
              <text x={-8} dy="0.32em" textAnchor="end">
                {tick.label}
              </text>
            ))}
        </g>
      ))}
    </g>
  );
}
