// MAC share against time share per top-level module: the rows (pure) and their geometry (d3
// scales). Where the two bars differ, MACs do not predict latency: pools and concats cost time
// with no MACs, depthwise convs run slower per MAC than dense ones on a GPU.

import { scaleBand, scaleLinear } from 'd3';
import type { Analysis } from '../../analysis/counts';
import type { ProfileResult } from '../../runtime/worker/protocol';

export interface ShareRow {
  readonly path: string;
  readonly macs: number;
  readonly ms: number;
  /** Fractions of the network's total (0..1). */
  readonly macShare: number;
  readonly timeShare: number;
}

/** One row per timed module, in network order, with its MACs from the analysis. */
export function shareRows(analysis: Analysis, profile: ProfileResult): ShareRow[] {
  const macsOf = new Map(analysis.root.children.map((m) => [m.path, m.macs]));
  const totalMacs = analysis.totals.macs;
  const totalMs = profile.totalMs;
  return profile.modules.map(({ path, ms }) => {
    const macs = macsOf.get(path) ?? 0;
    return {
      path,
      macs,
      ms,
      macShare: totalMacs > 0 ? macs / totalMacs : 0,
      timeShare: totalMs > 0 ? ms / totalMs : 0,
    };
  });
}

export interface BarGeometry {
  readonly row: ShareRow;
  /** Top of the row's band. */
  readonly y: number;
  readonly macBar: { readonly y: number; readonly width: number };
  readonly timeBar: { readonly y: number; readonly width: number };
}

export interface ShareLayout {
  readonly width: number;
  readonly height: number;
  /** Where the bars start (after the module labels). */
  readonly left: number;
  readonly barHeight: number;
  readonly band: number;
  readonly bars: readonly BarGeometry[];
  /** Gridlines at these shares, with their x. */
  readonly ticks: readonly { readonly share: number; readonly x: number }[];
}

const LABEL_WIDTH = 104;
const VALUE_WIDTH = 52;
const BAND = 26;
const TOP = 18;

/** Two bars per module on a shared share axis (0 to the largest share, rounded up). */
export function shareLayout(rows: readonly ShareRow[], width: number): ShareLayout {
  const height = TOP + rows.length * BAND + 4;
  const largest = Math.max(0.05, ...rows.flatMap((r) => [r.macShare, r.timeShare]));
  const x = scaleLinear()
    .domain([0, largest])
    .range([LABEL_WIDTH, Math.max(LABEL_WIDTH + 40, width - VALUE_WIDTH)])
    .nice(4);
  const y = scaleBand<string>()
    .domain(rows.map((r) => r.path))
    .range([TOP, TOP + rows.length * BAND])
    .paddingInner(0.2);
  const barHeight = y.bandwidth() / 2;
  const barWidth = (share: number) => Math.max(share > 0 ? 1 : 0, x(share) - LABEL_WIDTH);
  return {
    width,
    height,
    left: LABEL_WIDTH,
    barHeight,
    band: BAND,
    bars: rows.map((row) => {
      const top = y(row.path) ?? 0;
      return {
        row,
        y: top,
        macBar: { y: top, width: barWidth(row.macShare) },
        timeBar: { y: top + barHeight, width: barWidth(row.timeShare) },
      };
    }),
    ticks: x.ticks(4).map((share) => ({ share, x: x(share) })),
  };
}
