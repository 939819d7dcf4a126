// One edge: an orthogonal polyline ending in an arrowhead, and its tensor shape when labelled.

import { memo } from 'react';
import type { GraphEdge } from './types';

export interface GraphEdgeViewProps {
  readonly kind: GraphEdge['kind'];
  /** SVG path data (edgePath). */
  readonly d: string;
  readonly label: string;
  readonly labelX?: number;
  readonly labelY?: number;
  readonly anchor?: 'start' | 'end';
}

export const GraphEdgeView = memo(function GraphEdgeView({ kind, d, label, labelX, labelY, anchor }: GraphEdgeViewProps) {
  return (
    <g className={`edge edge-${kind}`}>
      <path d={d} />
      {labelX !== undefined && labelY !== undefined && (
        <text x={labelX} y={labelY} textAnchor={anchor}>
          {label}
        </text>
      )}
    </g>
  );
});
