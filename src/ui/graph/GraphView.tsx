// The architecture as a graph: laid out by layoutGraph (pure), drawn by React as SVG, panned and
// zoomed by a d3-zoom object owned by an effect. Events are handled once on the drawing layer
// (node-events.ts), so the hundreds of boxes stay cheap memoised elements.

import { useEffect, useMemo, useRef } from 'react';
import type { Analysis } from '../../analysis/counts';
import type { Measure } from '../../analysis/ops';
import type { Encoding } from '../state/view';
import { encodeNodes } from './encoding';
import { edgePath } from './edge-path';
import { GraphEdgeView } from './GraphEdgeView';
import { GraphLegend } from './GraphLegend';
import { GraphNodeView } from './GraphNodeView';
import { GraphToolbar } from './GraphToolbar';
import { ariaLabel, numbersLine } from './labels';
import { layoutGraph } from './layout';
import { nodeEvents } from './node-events';
import { overviewLabels } from './overview';
import { createZoom, type Zoom } from './zoom';
import './graph.css';

export interface GraphViewProps {
  readonly analysis: Analysis;
  readonly measure: Measure;
  /** Module paths shown expanded. */
  readonly expanded: ReadonlySet<string>;
  /** Selected module path or layer id. */
  readonly selected?: string;
  readonly encoding: Encoding;
  onSelect(id: string): void;
  onToggle(path: string): void;
  onExpandAll(): void;
  onCollapseAll(): void;
  onEncoding(e: Encoding): void;
}

/** The graph view: toolbar, legend and the zoomable drawing, in a region labelled "Graph". */
export function GraphView(props: GraphViewProps) {
  const { analysis, measure, expanded, selected, encoding } = props;
  const layout = useMemo(() => layoutGraph(analysis, expanded), [analysis, expanded]);
  const byId = useMemo(() => new Map(layout.nodes.map((n) => [n.id, n])), [layout]);
  const encoded = useMemo(() => encodeNodes(layout, measure, encoding), [layout, measure, encoding]);
  const overview = useMemo(() => overviewLabels(layout), [layout]);

  const svgRef = useRef<SVGSVGElement>(null);
  const layerRef = useRef<SVGGElement>(null);
  const zoomRef = useRef<Zoom | undefined>(undefined);

  useEffect(() => {
    const zoom = createZoom(svgRef.current!, layerRef.current!);
    zoomRef.current = zoom;
    return () => {
      zoom.destroy();
      zoomRef.current = undefined;
    };
  }, []);
  useEffect(() => zoomRef.current?.update({ width: layout.width, height: layout.height }), [layout.width, layout.height]);
  // Declared after the update above, so it fits the new network's drawing.
  useEffect(() => zoomRef.current?.fit(true), [analysis.network]);

  const events = nodeEvents({ layout, byId, onSelect: props.onSelect, onToggle: props.onToggle });

  return (
    <section className="graph" aria-label="Graph">
      <GraphToolbar
        encoding={encoding}
        opsLabel={measure.label}
        onEncoding={props.onEncoding}
        onExpandAll={props.onExpandAll}
        onCollapseAll={props.onCollapseAll}
        onFit={() => zoomRef.current?.fit()}
      />
      <GraphLegend encoding={encoded} />
      <svg
        ref={svgRef}
        className="graph-canvas"
        data-width={layout.width}
        data-height={layout.height}
        aria-label={`${analysis.network} architecture: ${layout.nodes.length - 1} boxes`}
        role="group"
      >
        <g
          ref={layerRef}
          data-zoom-layer=""
          {...events}
          // When the keyboard moved focus (arrows, Tab), the focused box comes into view; a click
          // does not pan the drawing under the pointer.
          onFocus={(event) => {
            if (!(event.target as Element).matches(':focus-visible')) return;
            const id = (event.target as Element).getAttribute('data-id');
            const node = id === null ? undefined : byId.get(id);
            if (node) zoomRef.current?.reveal(node);
          }}
        >
          {layout.groups.map((g) => (
            <rect key={g.id} className="frame" x={g.x} y={g.y} width={g.w} height={g.h} rx={10} />
          ))}
          {layout.edges.map((e) => (
            <GraphEdgeView
              key={e.id}
              kind={e.kind}
              d={edgePath(e.points)}
              label={e.label}
              labelX={e.labelAt?.x}
              labelY={e.labelAt?.y}
              anchor={e.labelAt?.anchor}
            />
          ))}
          {layout.nodes.map((n) => (
            <GraphNodeView
              key={n.id}
              id={n.id}
              kind={n.kind}
              x={n.x}
              y={n.y}
              w={n.w}
              h={n.h}
              label={n.label}
              sublabel={n.sublabel}
              numbers={numbersLine(n, encoded, measure.label)}
              ariaLabel={ariaLabel(n, encoded, measure.label)}
              fill={encoded.fill(n)}
              barColour={encoded.ramp.bar}
              share={encoded.share(n)}
              selected={n.id === selected}
              holdsSelected={!n.expanded && n.kind === 'module' && selected !== undefined && selected.startsWith(`${n.id}/`)}
              expandable={n.expandable}
              expanded={n.expanded}
              tap={n.tap}
            />
          ))}
          <g className="overview" data-zoom-scaled="" aria-hidden="true">
            {overview.map((label) => (
              <text key={label.id} x={label.x} y={label.y} textAnchor={label.anchor} className={label.anchor}>
                {label.text}
              </text>
            ))}
          </g>
        </g>
      </svg>
    </section>
  );
}
