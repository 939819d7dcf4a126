// The architecture as a graph: laid out by layoutGraph (pure), drawn by React as SVG, panned and
// zoomed by a d3-zoom object owned by an effect. Events are handled once on the drawing layer
// (node-events.ts), so the hundreds of boxes stay cheap memoised elements.

import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
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
import { Minimap } from './Minimap';
import { nodeEvents } from './node-events';
import { overviewLabels } from './overview';
import type { GraphLayout } from './types';
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

/** Scrolls the page, if need be, so that a rectangle of the svg (in its own pixels) is on screen. */
function scrollPageTo(svg: SVGSVGElement, rect: { y: number; h: number }): void {
  const top = svg.getBoundingClientRect().top + rect.y;
  const margin = 24;
  if (top < margin) window.scrollBy({ top: top - margin });
  else if (top + rect.h > window.innerHeight - margin) window.scrollBy({ top: top + rect.h - window.innerHeight + margin });
}

/** The one path in `a` or `b` but not both, if exactly one differs. */
function onlyChange(a: ReadonlySet<string>, b: ReadonlySet<string>): string | undefined {
  const changed = [...a].filter((p) => !b.has(p)).concat([...b].filter((p) => !a.has(p)));
  return changed.length === 1 ? changed[0] : undefined;
}

const topCentre = (node: { x: number; y: number; w: number }): [number, number] => [node.x + node.w / 2, node.y];

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

  // Layout effects, in this order, before the browser paints: the zoom exists before it is told
  // the drawing's size, and a new drawing never shows at the old transform.
  useLayoutEffect(() => {
    const zoom = createZoom(svgRef.current!, layerRef.current!);
    zoomRef.current = zoom;
    return () => {
      zoom.destroy();
      zoomRef.current = undefined;
    };
  }, []);
  useLayoutEffect(() => zoomRef.current?.update({ width: layout.width, height: layout.height }), [layout.width, layout.height]);
  // Declared after the update above, so it fits the new network's drawing.
  useEffect(() => zoomRef.current?.fit(true), [analysis.name]);

  // A module that opened or closed (one path more or less in `expanded`) stays where it was on
  // screen, though the layout recentres everything when its width changes; what it opened into
  // is then brought into view.
  const previous = useRef<{ layout: GraphLayout; expanded: ReadonlySet<string> } | undefined>(undefined);
  useLayoutEffect(() => {
    const before = previous.current;
    previous.current = { layout, expanded };
    const toggled = before && before.layout !== layout ? onlyChange(before.expanded, expanded) : undefined;
    const was = toggled && before!.layout.nodes.find((n) => n.id === toggled);
    const now = toggled && byId.get(toggled);
    const zoom = zoomRef.current;
    if (!was || !now || !zoom) return;
    zoom.keep(topCentre(now), zoom.toScreen(topCentre(was)), layout.groups.find((g) => g.id === toggled) ?? now);
  }, [layout, expanded, byId]);

  const events = nodeEvents({ layout, byId, onSelect: props.onSelect, onToggle: props.onToggle });
  // Roving focus: one box is in the tab order (the last focused, else the selected, else the
  // first); the arrow keys move between boxes.
  const [tabStop, setTabStop] = useState<string>();
  const tabbable = [tabStop, selected, layout.nodes.find((n) => n.kind !== 'input')?.id].find((id) => id !== undefined && byId.has(id) && byId.get(id)!.kind !== 'input');

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
      <div className="graph-stage">
        <svg
          ref={svgRef}
          className="graph-canvas"
          data-width={layout.width}
          data-height={layout.height}
          aria-label={`${analysis.name} architecture: ${layout.nodes.length - 1} boxes`}
          role="group"
        >
          <g
            ref={layerRef}
            data-zoom-layer=""
            {...events}
            // When the keyboard moved focus (arrows, Tab), the focused box comes into view; a click
            // does not pan the drawing under the pointer.
            onFocus={(event) => {
              const id = (event.target as Element).getAttribute('data-id');
              const node = id === null ? undefined : byId.get(id);
              if (!node) return;
              setTabStop(node.id);
              if (!(event.target as Element).matches(':focus-visible')) return;
              const shown = zoomRef.current?.reveal(node);
              if (shown) scrollPageTo(svgRef.current!, shown);
            }}
          >
            {layout.groups.map((g) => (
              <rect key={g.id} className="frame" data-frame={g.id} x={g.x} y={g.y} width={g.w} height={g.h} rx={10} />
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
                // A layer keeps its (globally unique) name when a switch moves it to another
                // module path (ResNet's residual on ⇄ off), so React moves its box instead of
                // rebuilding it.
                key={n.kind === 'layer' ? `layer ${n.label}` : n.id}
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
                tabbable={n.id === tabbable}
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
        <Minimap layout={layout} zoom={zoomRef} />
      </div>
    </section>
  );
}
