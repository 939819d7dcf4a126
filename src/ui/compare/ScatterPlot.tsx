import { scaleLog } from 'd3';
import type { ConfigText } from '../../model';
import { Axis } from './Axis';
import { placeLabels } from './labels';
import type { ScatterPoint } from './scatter';
import { ScatterMark } from './ScatterMark';
import { markLegend } from './network-marks';
import { logTicks } from './ticks';

interface ScatterPlotProps {
  readonly points: readonly ScatterPoint[];
  /** The operations' unit, from the Measure. */
  readonly opsLabel: string;
  readonly onPick: (config: ConfigText) => void;
}

const WIDTH = 760;
const HEIGHT = 520;
const MARGIN = { top: 14, right: 14, bottom: 46, left: 66 };
const LABEL_HEIGHT = 14;
// An estimate of the label font's average advance (11.5px system-ui); exact widths need the DOM.
const charWidth = (bold: boolean) => (bold ? 7 : 6.4);

/** Name shown by a point; A and B say so first. */
const labelText = (p: ScatterPoint) => (p.roles.length > 0 ? `${p.roles.join(' = ')} · ${p.label}` : p.label);

/** Parameters against operations of every catalog configuration and of A and B, both axes logarithmic. */
export function ScatterPlot({ points, opsLabel, onPick }: ScatterPlotProps) {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const params = points.map((p) => p.params);
  const ops = points.map((p) => Math.max(1, p.ops)); // a log axis cannot show 0
  // Room around the extreme points for their marks and labels.
  const x = scaleLog()
    .domain([Math.min(...params) / 2, Math.max(...params) * 1.3])
    .range([0, plotWidth]);
  const y = scaleLog()
    .domain([Math.min(...ops) / 1.4, Math.max(...ops) * 1.4])
    .range([plotHeight, 0]);

  // A and B get their labels placed first, so they sit next to their points.
  const ordered = [...points].sort((p, q) => q.roles.length - p.roles.length);
  const spots = placeLabels(
    ordered.map((p) => ({
      x: x(p.params),
      y: y(Math.max(1, p.ops)),
      width: labelText(p).length * charWidth(p.roles.length > 0),
      height: LABEL_HEIGHT,
    })),
    plotWidth,
    plotHeight,
  );
  // Drawn in reverse, so A and B are on top of the points they overlap.
  const drawn = ordered.map((point, i) => ({ point, spot: spots[i] })).reverse();

  return (
    <figure className="cmp-scatter">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={`Parameters against ${opsLabel}, log scales`}>
        <g transform={`translate(${MARGIN.left}, ${MARGIN.top})`}>
          <rect className="cmp-plot-area" width={plotWidth} height={plotHeight} />
          <g transform={`translate(0, ${plotHeight})`}>
            <Axis ticks={logTicks(x)} side="bottom" grid={plotHeight} />
          </g>
          <Axis ticks={logTicks(y)} side="left" grid={plotWidth} />
          <text className="cmp-axis-title" x={plotWidth / 2} y={plotHeight + 38} textAnchor="middle">
            Parameters (log scale)
          </text>
          <text className="cmp-axis-title" transform={`translate(${-54}, ${plotHeight / 2}) rotate(-90)`} textAnchor="middle">
            {opsLabel} (log scale)
          </text>
          {drawn.map(({ point, spot }) => (
            <ScatterMark
              key={point.id}
              point={point}
              x={x(point.params)}
              y={y(Math.max(1, point.ops))}
              text={labelText(point)}
              spot={spot}
              labelWidth={labelText(point).length * charWidth(point.roles.length > 0)}
              labelHeight={LABEL_HEIGHT}
              opsLabel={opsLabel}
              onPick={(picked) => onPick(picked.config)}
            />
          ))}
        </g>
      </svg>
      <figcaption>
        Every configuration of the catalog, with A and B ringed; {markLegend(points.map((p) => p.network))}. Click a
        point or its label (or focus it and press Enter) to compare with it as B.
      </figcaption>
    </figure>
  );
}
