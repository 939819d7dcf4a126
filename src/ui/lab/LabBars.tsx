import { scaleBand, scaleLinear } from 'd3';
import { useId } from 'react';
import { labOps, type LabDesign } from '../../analysis/bottleneck';
import { formatCompact } from '../../analysis/format';
import type { Unit } from '../../analysis/ops';
import { unitLabel } from './unitLabel';

interface LabBarsProps {
  readonly designs: readonly LabDesign[];
  readonly unit: Unit;
}

const WIDTH = 640;
const LABEL = 150; // room for the design names left of the bars
const VALUE = 70; // room for the value right of the longest bar
const ROW = 22;
const TITLE = 22;

/** Weights and operations of the three designs as bars, each scaled to the direct conv. */
export function LabBars({ designs, unit }: LabBarsProps) {
  const captionId = useId();
  const panels = [
    { title: 'Weights', values: designs.map((d) => d.weights) },
    { title: unitLabel(unit), values: designs.map((d) => labOps(d, unit).value) },
  ];
  const y = scaleBand<string>()
    .domain(designs.map((d) => d.key))
    .range([TITLE, TITLE + ROW * designs.length])
    .padding(0.2);
  const panelHeight = TITLE + ROW * designs.length + 10;
  return (
    <figure className="lab-bars">
      <svg viewBox={`0 0 ${WIDTH} ${panelHeight * panels.length}`} role="img" aria-labelledby={captionId}>
        {panels.map((panel, p) => {
          const x = scaleLinear()
            .domain([0, Math.max(...panel.values)])
            .range([0, WIDTH - LABEL - VALUE]);
          return (
            <g key={panel.title} transform={`translate(0, ${p * panelHeight})`}>
              <text className="lab-bars-title" x={0} y={14}>
                {panel.title}
              </text>
              {designs.map((d, i) => (
                <g key={d.key} transform={`translate(0, ${y(d.key)})`} className={`lab-bar lab-bar-${d.key}`}>
                  <text x={LABEL - 8} y={y.bandwidth() / 2} dy="0.35em" textAnchor="end">
                    {d.title}
                  </text>
                  <rect x={LABEL} width={Math.max(x(panel.values[i]), 1)} height={y.bandwidth()} rx={2} />
                  <text className="lab-bar-value" x={LABEL + x(panel.values[i]) + 6} y={y.bandwidth() / 2} dy="0.35em">
                    {formatCompact(panel.values[i])}
                  </text>
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption id={captionId}>
        Weights and {unitLabel(unit)} of the three designs, on one linear scale per panel.
      </figcaption>
    </figure>
  );
}
