// What node colour and bar length show: operations (in the measure's unit) or parameters. The
// colour runs on a log scale (the values span six orders of magnitude); the bar is linear, a share
// of the largest box on screen, so sizes can be compared without reading colour.

import { interpolateLab, scaleLog } from 'd3';
import type { Measure } from '../../analysis/ops';
import type { Encoding } from '../state/view';
import type { GraphLayout, GraphNode } from './types';

/** Calm ramps that keep dark text readable at their darkest; one hue per quantity. */
const RAMPS: Readonly<Record<Encoding, { from: string; to: string; bar: string }>> = {
  macs: { from: '#f3f7fb', to: '#86acd2', bar: '#1f4e79' },
  params: { from: '#f3f8f4', to: '#86bf9f', bar: '#2b6748' },
};

export interface NodeEncoding {
  /** What the numbers measure: the measure's label (`MACs`, `FLOPs`...) or `params`. */
  readonly label: string;
  readonly ramp: (typeof RAMPS)[Encoding];
  /** Smallest non-zero and largest value among the encoded nodes. */
  readonly min: number;
  readonly max: number;
  /** Operations (in the measure) of a module or layer node. */
  readonly ops: (node: GraphNode) => number;
  readonly value: (node: GraphNode) => number;
  readonly fill: (node: GraphNode) => string;
  /** Bar length as a fraction of the node width. */
  readonly share: (node: GraphNode) => number;
}

/** Expanded modules are drawn as frames with their contents encoded; joins and the input carry no cost. */
export const encoded = (node: GraphNode) => (node.kind === 'module' && !node.expanded) || node.kind === 'layer';

/** The encoding of every box of a layout. */
export function encodeNodes(layout: GraphLayout, measure: Measure, encoding: Encoding): NodeEncoding {
  const ops = (node: GraphNode) => measure.of(node.id);
  const value = encoding === 'macs' ? ops : (node: GraphNode) => node.params;
  const values = layout.nodes.filter(encoded).map(value);
  const max = Math.max(0, ...values);
  const min = Math.min(max, ...values.filter((v) => v > 0));
  const ramp = RAMPS[encoding];
  const colour = scaleLog<string>()
    .domain([Math.max(1, min), Math.max(2, max)])
    .range([ramp.from, ramp.to])
    .interpolate(interpolateLab)
    .clamp(true);
  return {
    label: encoding === 'macs' ? measure.label : 'params',
    ramp,
    min,
    max,
    ops,
    value,
    fill: (node) => (encoded(node) && value(node) > 0 ? colour(value(node)) : ramp.from),
    share: (node) => (encoded(node) && max > 0 ? value(node) / max : 0),
  };
}
