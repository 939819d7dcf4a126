import { useMemo } from 'react';
import type { RunRecord } from '../../runtime/training/protocol';
import { chartScales, epochTicks, seriesOf, seriesPath, type ChartFrame, type Metric } from './chart';

interface CurveChartProps {
  readonly metric: Metric;
  readonly runs: readonly { run: RunRecord; color: string }[];
  readonly width?: number;
}

const FRAME: Omit<ChartFrame, 'width'> = { height: 220, margin: { top: 12, right: 16, bottom: 36, left: 48 } };

/** Training (solid) and validation (dashed, dots) curves of the shown runs against epochs. */
export function CurveChart({ metric, runs, width = 440 }: CurveChartProps) {
  const frame = { ...FRAME, width };
  const series = useMemo(() => seriesOf(runs, metric), [runs, metric]);
  const epochs = Math.max(1, ...runs.map(({ run }) => run.settings?.epochs ?? 1));
  const { x, y } = chartScales(series, metric, frame, epochs);
  const [x0, x1] = x.range();
  const [y0, y1] = y.range();
  const title = metric === 'loss' ? 'Loss' : 'Accuracy';
  const format = (v: number) => (metric === 'accuracy' ? `${Math.round(100 * v)}%` : String(v));
  return (
    <figure className="train-chart">
      <figcaption>{title}</figcaption>
      <svg width={width} height={frame.height} viewBox={`0 0 ${width} ${frame.height}`} role="img" aria-label={`${title} against epochs`}>
        <g className="train-axis">
          {y.ticks(4).map((t) => (
            <g key={t} transform={`translate(0, ${y(t)})`}>
              <line x1={x0} x2={x1} className="train-grid" />
              <text x={x0 - 6} dy="0.32em" textAnchor="end">
                {format(t)}
              </text>
            </g>
          ))}
          {epochTicks(x.domain()[1]).map((t) => (
            <g key={t} transform={`translate(${x(t)}, 0)`}>
              <line y1={y0} y2={y0 + 4} />
              <text y={y0 + 16} textAnchor="middle">
                {t}
              </text>
            </g>
          ))}
          <line x1={x0} x2={x1} y1={y0} y2={y0} />
          <text x={(x0 + x1) / 2} y={y0 + 31} textAnchor="middle">
            epochs
          </text>
          <line x1={x0} x2={x0} y1={y0} y2={y1} />
        </g>
        {series.map((s) => (
          <g key={`${s.runId}-${s.kind}`} className={`train-series train-${s.kind}`} data-run={s.runId}>
            <path d={seriesPath(s.points, x, y)} stroke={s.color}>
              <title>{`${s.name}: ${s.kind}`}</title>
            </path>
            {s.kind === 'validation' && s.points.map(([px, py]) => <circle key={px} cx={x(px)} cy={y(py)} r={3.5} fill={s.color} />)}
          </g>
        ))}
      </svg>
    </figure>
  );
}
