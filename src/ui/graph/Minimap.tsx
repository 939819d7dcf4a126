// "You are here" for a drawing taller or wider than its view: the top-level modules in miniature,
// the part on screen outlined; a click or a drag there brings that part into view. A mouse aid
// only (hidden from assistive technology): the keyboard moves through the boxes themselves.

import { useEffect, useState, type PointerEvent, type RefObject } from 'react';
import type { GraphLayout } from './types';
import type { ViewState, Zoom } from './zoom';

interface MinimapProps {
  readonly layout: GraphLayout;
  readonly zoom: RefObject<Zoom | undefined>;
}

const WIDTH = 96;
/** At most this share of the view's height: the minimap must not hide much of the drawing. */
const HEIGHT_SHARE = 0.4;

/** Drawing → minimap scale: the whole drawing within WIDTH and HEIGHT_SHARE of the view's height. */
export const minimapScale = (content: { width: number; height: number }, viewHeight: number): number =>
  Math.min(WIDTH / content.width, Math.max(60, viewHeight * HEIGHT_SHARE) / content.height);

/** The minimap, drawn over the graph's top right corner while the drawing does not fit the view. */
export function Minimap({ layout, zoom }: MinimapProps) {
  const [state, setState] = useState<ViewState>();
  useEffect(() => zoom.current?.watch(setState), [zoom]);
  if (!state) return null;
  const { x, y, k, view } = state;
  const fits = layout.width * k <= view.width + 1 && layout.height * k <= view.height + 1;
  if (fits) return null;
  const s = minimapScale(layout, view.height);
  const modules = layout.nodes.filter((n) => n.depth === 0 && n.kind !== 'input');
  const frames = new Map(layout.groups.filter((g) => g.depth === 0).map((g) => [g.id, g]));
  // The visible part of the drawing, clipped to the drawing.
  const [x0, y0] = [Math.max(0, -x / k), Math.max(0, -y / k)];
  const [x1, y1] = [Math.min(layout.width, (view.width - x) / k), Math.min(layout.height, (view.height - y) / k)];
  const seen = { x: x0, y: y0, w: Math.max(0, x1 - x0), h: Math.max(0, y1 - y0) };
  const goTo = (event: PointerEvent<SVGSVGElement>) => {
    if (event.type === 'pointermove' && event.buttons === 0) return;
    const box = event.currentTarget.getBoundingClientRect();
    zoom.current?.centre([(event.clientX - box.left) / s, (event.clientY - box.top) / s]);
  };
  return (
    <svg
      className="graph-minimap"
      width={layout.width * s}
      height={layout.height * s}
      aria-hidden="true"
      data-scale={s}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        goTo(event);
      }}
      onPointerMove={goTo}
    >
      <g transform={`scale(${s})`}>
        {modules.map((n) => {
          const box = frames.get(n.id) ?? n;
          return <rect key={n.id} data-minimap={n.id} className={n.tap ? 'is-tap' : undefined} x={box.x} y={box.y} width={box.w} height={box.h} />;
        })}
        <rect className="graph-minimap-view" x={seen.x} y={seen.y} width={seen.w} height={seen.h} />
      </g>
    </svg>
  );
}
