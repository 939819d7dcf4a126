// The curves' geometry, apart from drawing: which series a set of runs gives, the scales' domains
// and ticks, and the SVG paths (d3 scales and line generators; React renders the result).

import { line, scaleLinear, schemeTableau10 } from 'd3';
import type { RunRecord } from '../../runtime/training/protocol';

export type Metric = 'loss' | 'accuracy';

export interface Series {
  readonly runId: string;
  readonly name: string;
  readonly kind: 'training' | 'validation';
  readonly color: string;
  /** [epochs, value] */
  readonly points: readonly (readonly [number, number])[];
}

/** A run's colour: stable by its position in the list of all runs. */
export const runColor = (index: number): string => schemeTableau10[index % schemeTableau10.length];

/** Training and validation series of each run for a metric. */
export function seriesOf(runs: readonly { run: RunRecord; color: string }[], metric: Metric): Series[] {
  return runs.flatMap(({ run, color }) => {
    const training: Series = {
      runId: run.id,
      name: run.name,
      kind: 'training',
      color,
      points: run.steps.map((p) => [p.x, metric === 'loss' ? p.loss : p.accuracy] as const),
    };
    const validation: Series = {
      runId: run.id,
      name: run.name,
      kind: 'validation',
      color,
      points: run.epochs.flatMap((e) => {
        const value = metric === 'loss' ? e.validationLoss : e.validationAccuracy;
        return value === undefined ? [] : [[e.epoch + e.fraction, value] as const];
      }),
    };
    return [training, validation].filter((s) => s.points.length > 0);
  });
}

export interface ChartFrame {
  readonly width: number;
  readonly height: number;
  readonly margin: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
}

/** Scales for the series: x from 0 to the longest run (at least 1 epoch); y 0–100% or 0 to the largest loss. */
export function chartScales(series: readonly Series[], metric: Metric, frame: ChartFrame, epochs = 1) {
  const { width, height, margin } = frame;
  const maxX = Math.max(1, epochs, ...series.flatMap((s) => s.points.map((p) => p[0])));
  const maxY = metric === 'accuracy' ? 1 : Math.max(0.1, ...series.flatMap((s) => s.points.map((p) => p[1])));
  const x = scaleLinear().domain([0, maxX]).range([margin.left, width - margin.right]);
  const y = scaleLinear().domain([0, maxY]).range([height - margin.bottom, margin.top]);
  if (metric === 'loss') y.nice(4);
  return { x, y };
}

/** Integer epoch ticks, at most `count` of them. */
export function epochTicks(maxEpochs: number, count = 6): number[] {
  const step = Math.max(1, Math.ceil(maxEpochs / count));
  const ticks: number[] = [];
  for (let t = 0; t <= maxEpochs + 1e-9; t += step) ticks.push(t);
  return ticks;
}

/** The SVG path of a series (straight segments between its points). */
export function seriesPath(
  points: readonly (readonly [number, number])[],
  x: (v: number) => number,
  y: (v: number) => number,
): string {
  return line<readonly [number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]))(points) ?? '';
}
