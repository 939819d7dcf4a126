// How a network looks in charts: a colour and a mark shape, given by ordinal scales over the
// registry's order, so a new network gets its own without a line here.

import { scaleOrdinal, symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, symbolWye, type SymbolType } from 'd3';
import { getNetwork, networkNames } from '../../model';

/** The first two are the colours the page has always drawn GoogLeNet and Xception in. */
const COLOURS = ['#1f4e79', '#3d8a6e', '#7a4e9c', '#b8860b', '#5b6b7a', '#a33b5b'];

interface MarkShape {
  readonly type: SymbolType;
  /** For the legend: "circles". */
  readonly plural: string;
}

const SHAPES: readonly MarkShape[] = [
  { type: symbolCircle, plural: 'circles' },
  { type: symbolSquare, plural: 'squares' },
  { type: symbolTriangle, plural: 'triangles' },
  { type: symbolDiamond, plural: 'diamonds' },
  { type: symbolWye, plural: 'wyes' },
];

export interface NetworkMark {
  readonly colour: string;
  /** An SVG path of the mark centred on (0, 0). */
  readonly path: string;
  readonly plural: string;
}

/** Area of a mark in px²: a circle of radius 5, about as heavy as the 9 px square. */
const AREA = Math.PI * 25;

/** The network's mark, of the given area in px² (charts that size marks by a quantity pass one). */
export function networkMark(network: string, area = AREA): NetworkMark {
  // Scales built per call: the registry can grow (tests register networks), and this is cheap.
  const colour = scaleOrdinal<string, string>().domain(networkNames).range(COLOURS)(network);
  const shape = scaleOrdinal<string, MarkShape>().domain(networkNames).range(SHAPES)(network);
  return { colour, path: symbol(shape.type, area)() ?? '', plural: shape.plural };
}

/** "circles are GoogLeNet, squares Xception" for the networks present, in registry order. */
export function markLegend(present: readonly string[]): string {
  return networkNames
    .filter((network) => present.includes(network))
    .map((network, i) => `${networkMark(network).plural}${i === 0 ? ' are' : ''} ${getNetwork(network).shortName}`)
    .join(', ');
}
