// Where the accuracy chart draws everything, for a given width: the scales, each mark's position
// and area, the labels, and the strip of configurations without a published accuracy, which
// shares the x axis and stacks marks that would overlap. Pure, so it is tested without a browser.

import { scaleLinear, scaleLog } from 'd3';
import { markArea, type AccuracyPoint, type AccuracyPoints } from './accuracy';
import { placeLabels, type LabelSpot } from './labels';
import { logTicks, type Tick } from './ticks';

export interface PlacedMark {
  readonly point: AccuracyPoint;
  /** Centre, in pixels from the plot's top-left corner. */
  readonly x: number;
  readonly y: number;
  /** Area of the mark in px², proportional to the params. */
  readonly area: number;
  /** How far the mark may reach from its centre (the pointed shapes reach further than a circle). */
  readonly reach: number;
  /** Absent when the chart is too narrow for names beside the points. */
  readonly label?: { readonly text: string; readonly spot: LabelSpot; readonly width: number };
}

export interface AccuracyLayout {
  readonly width: number;
  readonly height: number;
  readonly margin: { readonly top: number; readonly left: number };
  readonly plotWidth: number;
  readonly plotHeight: number;
  /** Top of the strip, below the plot, in the plot's coordinates. */
  readonly stripTop: number;
  readonly stripHeight: number;
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly plotted: readonly PlacedMark[];
  readonly strip: readonly PlacedMark[];
  /** The largest mark's area and the params it stands for, for the legend's size key. */
  readonly maxArea: number;
  readonly maxParams: number;
}

export const LABEL_HEIGHT = 14;
const MARGIN = { top: 12, right: 14, left: 54 };
/** Below this plot width, names beside the points would cover each other; the table names them. */
export const LABELS_FROM = 420;
/** Room between the plot and the strip, for the strip's title. */
const STRIP_GAP = 24;
/** How far a pointed mark (d3's triangle, diamond) reaches, as a multiple of the radius of a circle of its area. */
const REACH = 1.5;

/** The name beside a point; A and B say so first. */
export const markText = (p: AccuracyPoint): string => (p.roles.length > 0 ? `${p.roles.join(' = ')} · ${p.label}` : p.label);

// An estimate of the label font's average advance (11.5 px system-ui); exact widths need the DOM.
const textWidth = (text: string, bold: boolean) => text.length * (bold ? 7 : 6.4);

const clamp = (value: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, value));

/**
 * Heights for marks on a strip, so that none overlaps another: each, in the order given, takes
 * the highest place (smallest y, at least its own reach from the top) that keeps `gap` pixels
 * from every mark placed before it.
 */
export function dodge(marks: readonly { readonly x: number; readonly reach: number }[], gap: number): number[] {
  const placed: { x: number; y: number; reach: number }[] = [];
  return marks.map(({ x, reach }) => {
    const clear = (y: number) => placed.every((q) => Math.hypot(x - q.x, y - q.y) >= reach + q.reach + gap - 1e-9);
    const candidates = [reach];
    for (const q of placed) {
      const distance = reach + q.reach + gap;
      const dx = Math.abs(x - q.x);
      if (dx < distance) {
        const dy = Math.sqrt(distance * distance - dx * dx);
        candidates.push(q.y + dy, q.y - dy);
      }
    }
    // The largest candidate (its own reach, or just below some q) is always clear: the search ends.
    const y = candidates
      .filter((c) => c >= reach)
      .sort((p, q) => p - q)
      .find(clear) as number;
    placed.push({ x, y, reach });
    return y;
  });
}

/** The whole chart at a given width in CSS pixels (280 at the least). */
export function layoutAccuracyChart(points: AccuracyPoints, availableWidth: number): AccuracyLayout {
  const width = Math.max(280, Math.floor(availableWidth));
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = Math.round(clamp(plotWidth * 0.56, 210, 380));
  const all = [...points.plotted, ...points.strip];
  const maxParams = Math.max(...all.map((p) => p.params));
  const maxRadius = clamp(plotWidth / 45, 7, 15);
  const maxArea = Math.PI * maxRadius * maxRadius;
  const ops = all.map((p) => Math.max(1, p.ops)); // a log axis cannot show 0
  const x = scaleLog()
    .domain([Math.min(...ops) / 1.3, Math.max(...ops) * 1.3])
    .range([0, plotWidth]);
  const accuracies = points.plotted.map((p) => p.accuracy?.top1 ?? 0);
  const y = scaleLinear()
    .domain(accuracies.length > 0 ? [Math.min(...accuracies) - 1, Math.max(...accuracies) + 1] : [0, 100])
    .nice()
    .range([plotHeight, 0]);

  const mark = (point: AccuracyPoint, cy: number): PlacedMark => {
    const area = markArea(point.params, maxParams, maxArea);
    return { point, x: x(Math.max(1, point.ops)), y: cy, area, reach: REACH * Math.sqrt(area / Math.PI) };
  };
  let plotted = points.plotted.map((p) => mark(p, y(p.accuracy?.top1 ?? 0)));
  if (plotWidth >= LABELS_FROM) {
    // A and B are placed first, so their names sit next to them.
    const order = plotted.map((_, i) => i).sort((i, j) => plotted[j].point.roles.length - plotted[i].point.roles.length);
    const texts = plotted.map((m) => markText(m.point));
    const widths = plotted.map((m, i) => textWidth(texts[i], m.point.roles.length > 0));
    const spots = placeLabels(
      order.map((i) => ({ x: plotted[i].x, y: plotted[i].y, width: widths[i], height: LABEL_HEIGHT, radius: plotted[i].reach })),
      plotWidth,
      plotHeight,
    );
    const spotOf = new Map(order.map((i, k) => [i, spots[k]]));
    plotted = plotted.map((m, i) => ({ ...m, label: { text: texts[i], spot: spotOf.get(i) as LabelSpot, width: widths[i] } }));
  }

  const stripTop = plotHeight + STRIP_GAP;
  const onStrip = points.strip.map((p) => mark(p, 0));
  const heights = dodge(onStrip, 2);
  const strip = onStrip.map((m, i) => ({ ...m, y: stripTop + 4 + heights[i] }));
  const stripHeight = Math.max(28, ...strip.map((m) => m.y + m.reach + 4 - stripTop));

  const yTicks = y.ticks(6).map((value) => ({ value, position: y(value), label: String(value) }));
  return {
    width,
    height: MARGIN.top + stripTop + stripHeight + 46,
    margin: { top: MARGIN.top, left: MARGIN.left },
    plotWidth,
    plotHeight,
    stripTop,
    stripHeight,
    xTicks: logTicks(x),
    yTicks,
    plotted,
    strip,
    maxArea,
    maxParams,
  };
}
