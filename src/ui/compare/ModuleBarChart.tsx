import { scaleBand, scaleLinear } from 'd3';
import { useId } from 'react';
import { formatCompact } from '../../analysis/format';
import { Axis } from './Axis';
import type { ModuleRow } from './compare';
import type { Metric } from './MetricToggle';
import { linearTicks } from './ticks';

interface ModuleBarChartProps {
  readonly rows: readonly ModuleRow[];
  readonly metric: Metric;
  /** What the bars measure: `Parameters`, or the Measure's label (`MACs`, `FLOPs`, …). */
  readonly metricLabel: string;
  readonly labelA: string;
  readonly labelB: string;
}

const WIDTH = 760;
const LEFT = 120; // module names
const RIGHT = 56; // value after the longest bar
const TOP = 58; // legend, then the axis
const ROW = 28;
const SIDES = ['a', 'b'] as const;

/** Per-module grouped bars, A solid and B hatched, so the sides differ by more than colour. */
export function ModuleBarChart({ rows, metric, metricLabel, labelA, labelB }: ModuleBarChartProps) {
  const hatch = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const height = TOP + ROW * rows.length + 8;
  const y = scaleBand<string>()
    .domain(rows.map((r) => r.key))
    .range([TOP, TOP + ROW * rows.length])
    .paddingInner(0.22);
  const inner = scaleBand<string>().domain(SIDES).range([0, y.bandwidth()]).padding(0.08);
  const value = (row: ModuleRow, side: 'a' | 'b') => row[side]?.[metric];
  const max = Math.max(1, ...rows.flatMap((r) => SIDES.map((s) => value(r, s) ?? 0)));
  const x = scaleLinear()
    .domain([0, max])
    .nice()
    .range([0, WIDTH - LEFT - RIGHT]);
  const fill = (side: 'a' | 'b') => (side === 'a' ? undefined : `url(#${hatch})`);
  return (
    <figure className="cmp-module-bars">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`${metricLabel} per module, A and B`}>
        <defs>
          <pattern id={hatch} patternUnits="userSpaceOnUse" width={6} height={6} patternTransform="rotate(45)">
            <rect className="cmp-hatch-back" width={6} height={6} />
            <line className="cmp-hatch-line" x1={0} y1={0} x2={0} y2={6} />
          </pattern>
        </defs>
        <g className="cmp-legend" transform="translate(0, 4)">
          <rect className="cmp-bar-a" width={14} height={12} />
          <text x={20} y={10}>
            A · {labelA}
          </text>
          <g transform="translate(300, 0)">
            <rect className="cmp-bar-b" width={14} height={12} fill={fill('b')} />
            <text x={20} y={10}>
              B · {labelB}
            </text>
          </g>
        </g>
        <text className="cmp-axis-title" x={LEFT - 10} y={TOP - 14} textAnchor="end">
          {metricLabel}
        </text>
        <g transform={`translate(${LEFT}, ${TOP - 6})`}>
          <Axis ticks={linearTicks(x, 6)} side="top" grid={ROW * rows.length + 6} />
        </g>
        {rows.map((row) => (
          <g key={row.key} transform={`translate(0, ${y(row.key)})`}>
            <text className="cmp-module-name" x={LEFT - 10} y={y.bandwidth() / 2} dy="0.32em" textAnchor="end">
              {row.path}
            </text>
            {SIDES.map((side) => {
              const v = value(row, side);
              if (v === undefined) return null;
              return (
                <g key={side} transform={`translate(${LEFT}, ${inner(side)})`}>
                  {v > 0 && <rect className={`cmp-bar-${side}`} width={x(v)} height={inner.bandwidth()} fill={fill(side)} />}
                  <text className="cmp-bar-value" x={x(v) + 4} y={inner.bandwidth() / 2} dy="0.32em">
                    {formatCompact(v)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </figure>
  );
}
