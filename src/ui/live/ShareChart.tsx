import type { KeyboardEvent } from 'react';
import { formatShare } from '../format';
import { formatMs } from './live-format';
import { shareLayout, type ShareRow } from './share-layout';

interface ShareChartProps {
  readonly rows: readonly ShareRow[];
  /** The top-level module to highlight. */
  readonly selected: string | undefined;
  readonly onSelect: (path: string) => void;
}

const WIDTH = 560;

/** Per module, its share of the MACs above its share of the measured time. */
export function ShareChart({ rows, selected, onSelect }: ShareChartProps) {
  const layout = shareLayout(rows, WIDTH);
  const keyDown = (path: string) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(path);
    }
  };
  return (
    <figure className="live-chart">
      <figcaption>
        <span className="swatch macs" aria-hidden="true" /> share of MACs{' '}
        <span className="swatch time" aria-hidden="true" /> share of measured time
      </figcaption>
      <svg viewBox={`0 0 ${layout.width} ${layout.height}`} role="group" aria-label="MAC share and time share per module">
        {layout.ticks.map((tick) => (
          <g key={tick.share} className="tick">
            <line x1={tick.x} x2={tick.x} y1={12} y2={layout.height} />
            <text x={tick.x} y={9} textAnchor="middle">
              {formatShare(tick.share)}
            </text>
          </g>
        ))}
        {layout.bars.map(({ row, y, macBar, timeBar }) => (
          <g
            key={row.path}
            className={row.path === selected ? 'bar-row selected' : 'bar-row'}
            role="button"
            tabIndex={0}
            aria-label={`${row.path}: ${formatShare(row.macShare)} of MACs, ${formatShare(row.timeShare)} of time (${formatMs(row.ms)})`}
            onClick={() => onSelect(row.path)}
            onKeyDown={keyDown(row.path)}
          >
            <rect className="hit" x={0} y={y - 2} width={layout.width} height={layout.barHeight * 2 + 4} />
            <text className="label" x={layout.left - 8} y={y + layout.barHeight} dominantBaseline="middle" textAnchor="end">
              {row.path}
            </text>
            <rect className="macs" x={layout.left} y={macBar.y} width={macBar.width} height={layout.barHeight - 1} />
            <rect className="time" x={layout.left} y={timeBar.y} width={timeBar.width} height={layout.barHeight - 1} />
            <text className="value" x={layout.left + Math.max(macBar.width, timeBar.width) + 4} y={y + layout.barHeight} dominantBaseline="middle">
              {formatMs(row.ms)}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
