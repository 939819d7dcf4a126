import { useId, useMemo, useRef } from 'react';
import type { Extra, Unit } from '../../analysis/ops';
import type { ConfigText } from '../../model';
import { useWidth } from '../live/useWidth';
import { accuracyPoints } from './accuracy';
import { layoutAccuracyChart } from './accuracy-layout';
import { AccuracyLegend } from './AccuracyLegend';
import { AccuracyMark } from './AccuracyMark';
import { AccuracyTable } from './AccuracyTable';
import { Axis } from './Axis';
import './accuracy.css';

interface AccuracyChartProps {
  /** The configurations compared, to ring them. */
  readonly a: ConfigText;
  readonly b: ConfigText;
  readonly unit: Unit;
  readonly extras: readonly Extra[];
  /** The operations' unit, from the Measure. */
  readonly opsLabel: string;
  /** What a click does with a configuration. */
  readonly onPick: (config: ConfigText) => void;
  /** Whether a click makes it the configuration explored (A), or B. */
  readonly picks: 'A' | 'B';
}

const TORCHVISION = 'https://pytorch.org/vision/stable/models.html';
const KERAS = 'https://keras.io/api/applications/';

/**
 * The classic chart (Canziani, Paszke & Culurciello 2016, Fig. 2): published ImageNet top-1 accuracy
 * against operations, a mark's area its params; configurations with no published accuracy on a strip below.
 */
export function AccuracyChart({ a, b, unit, extras, opsLabel, onPick, picks }: AccuracyChartProps) {
  const headingId = useId();
  const ref = useRef<HTMLElement>(null);
  const measured = useWidth(ref);
  const points = useMemo(() => accuracyPoints({ unit, extras, a, b }), [unit, extras, a, b]);
  const layout = layoutAccuracyChart(points, measured || 760);
  const { plotWidth, plotHeight, stripTop, stripHeight } = layout;
  const action = picks === 'A' ? (label: string) => `Explore ${label}` : (label: string) => `Compare ${label} as B`;
  const networks = [...points.plotted, ...points.strip].map((p) => p.network);

  return (
    <section className="cmp-accuracy" aria-labelledby={headingId}>
      <h3 id={headingId}>Accuracy against cost</h3>
      <figure ref={ref} className="cmp-scatter cmp-acc-figure">
        <svg
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="group"
          aria-label={`Published ImageNet top-1 accuracy against ${opsLabel} per image, log scale; mark area: params`}
        >
          <g transform={`translate(${layout.margin.left}, ${layout.margin.top})`}>
            <rect className="cmp-plot-area" width={plotWidth} height={plotHeight} />
            <g className="cmp-axis" aria-hidden="true">
              {layout.xTicks.map((tick) => (
                <line
                  key={tick.value}
                  className={tick.label ? 'cmp-grid' : 'cmp-grid cmp-acc-minor'}
                  x1={tick.position}
                  x2={tick.position}
                  y1={0}
                  y2={plotHeight}
                />
              ))}
            </g>
            <Axis ticks={layout.yTicks} side="left" grid={plotWidth} />
            <text className="cmp-axis-title" transform={`translate(${-44}, ${plotHeight / 2}) rotate(-90)`} textAnchor="middle">
              ImageNet top-1 accuracy (%)
            </text>
            <text className="cmp-acc-strip-title" x={0} y={stripTop - 8}>
              {plotWidth >= 360 ? `No published accuracy: placed by ${opsLabel} only` : 'No published accuracy'}
            </text>
            <rect className="cmp-acc-strip-area" y={stripTop} width={plotWidth} height={stripHeight} />
            <g transform={`translate(0, ${stripTop + stripHeight})`}>
              <Axis ticks={layout.xTicks} side="bottom" grid={stripHeight} />
            </g>
            <text className="cmp-axis-title" x={plotWidth / 2} y={stripTop + stripHeight + 36} textAnchor="middle">
              {opsLabel} per image (log scale)
            </text>
            {[...layout.plotted, ...layout.strip].map((mark) => (
              <AccuracyMark key={mark.point.id} mark={mark} opsLabel={opsLabel} action={action} onPick={(p) => onPick(p.config)} />
            ))}
          </g>
        </svg>
        <AccuracyLegend networks={networks} maxArea={layout.maxArea} maxParams={layout.maxParams} />
        <figcaption>
          Every configuration of the catalog with a published ImageNet top-1 accuracy (single centre crop) against its{' '}
          {opsLabel} per image, a mark&apos;s area proportional to its params, as in Canziani, Paszke &amp; Culurciello
          2016, Fig. 2. Configurations nobody published an accuracy for are on the strip below, at their {opsLabel}{' '}
          only. Accuracies: torchvision&apos;s IMAGENET1K_V1 weights, acc@1 (<a href={TORCHVISION}>{TORCHVISION}</a>),
          and the Keras Applications table (<a href={KERAS}>{KERAS}</a>). Click a point (or focus it and press Enter) to{' '}
          {picks === 'A' ? 'explore it: it becomes A' : 'compare with it as B'}.
          {layout.plotted.some((m) => m.label === undefined) && ' The screen is too narrow for names beside the points: the table below has them.'}
        </figcaption>
      </figure>
      <AccuracyTable points={points} opsLabel={opsLabel} />
    </section>
  );
}
