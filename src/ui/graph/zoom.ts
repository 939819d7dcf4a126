// d3-zoom as a small object (create once per svg, update, destroy): pan and zoom a layer of the
// svg by setting its transform attribute, which React never touches.

import { select, zoom, zoomIdentity, zoomTransform, type ZoomBehavior, type ZoomTransform } from 'd3';

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Zoom {
  /** Tells the behaviour how large the drawing is (for fitting and zoom limits). */
  update(content: Size): void;
  /** Shows the whole drawing, centred. */
  /**
   * Shows the whole drawing. With `readable`, never below READABLE scale: a tall network then
   * fills the width and starts at its top, instead of shrinking to unreadable boxes.
   */
  fit(readable?: boolean): void;
  /** Pans, keeping the scale, so that a rectangle of the drawing is in view. */
  reveal(rect: { x: number; y: number; w: number; h: number }): void;
  destroy(): void;
}

const MAX_SCALE = 3;
/**
 * Below this scale text is too small to read, and the svg gets the class `is-far`. Elements
 * marked `data-zoom-scaled` get `--zoom-inverse` (1 / scale) to keep a constant size on screen.
 */
const FAR = 0.3;
/** Scale at which box labels are comfortably legible. */
const READABLE = 0.9;
const PADDING = 16;
/** Room at the sides for the names drawn beside the modules when zoomed out (overview.ts). */
const NAME_ROOM = 110;

/** Motion only for those who have not asked for less. */
const animate = () => !window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export function createZoom(svg: SVGSVGElement, layer: SVGGElement): Zoom {
  const selection = select(svg);
  // A click that wobbles a few pixels is still a click on a box, not a pan.
  const behaviour: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>().clickDistance(4).on('zoom', (event: { transform: ZoomTransform }) => {
    const { k } = event.transform;
    layer.setAttribute('transform', event.transform.toString());
    svg.classList.toggle('is-far', k < FAR);
    // Set only where used: an inherited property set on the layer would restyle every box.
    for (const element of layer.querySelectorAll<SVGElement>('[data-zoom-scaled]')) element.style.setProperty('--zoom-inverse', String(1 / k));
  });
  selection.call(behaviour).on('dblclick.zoom', null); // double-click toggles a node instead
  let content: Size = { width: 1, height: 1 };
  // The viewport size, kept by a ResizeObserver: reading clientWidth after React has changed the
  // drawing would force a synchronous layout of hundreds of boxes.
  let view: Size = { width: svg.clientWidth || 1, height: svg.clientHeight || 1 };
  const observer = new ResizeObserver(([entry]) => {
    view = { width: entry.contentRect.width || 1, height: entry.contentRect.height || 1 };
  });
  observer.observe(svg);

  const fitScale = () => {
    const scale = (side: number) =>
      Math.min(MAX_SCALE, 1, (view.width - 2 * side) / content.width, (view.height - 2 * PADDING) / content.height);
    const k = scale(PADDING);
    return k < FAR ? Math.max(0.001, scale(NAME_ROOM)) : k;
  };
  const apply = (transform: ZoomTransform) => {
    selection.interrupt();
    if (animate()) selection.transition().duration(250).call(behaviour.transform, transform);
    else selection.call(behaviour.transform, transform);
  };

  return {
    update(next) {
      content = next;
      behaviour.scaleExtent([Math.min(0.2, fitScale() / 2), MAX_SCALE]);
    },
    fit(readable = false) {
      const whole = fitScale();
      const k = readable ? Math.max(whole, Math.min(READABLE, (view.width - 2 * PADDING) / content.width)) : whole;
      behaviour.scaleExtent([Math.min(0.2, whole / 2), MAX_SCALE]);
      const top = content.height * k > view.height ? PADDING : (view.height - content.height * k) / 2;
      apply(zoomIdentity.translate((view.width - content.width * k) / 2, top).scale(k));
    },
    reveal(rect) {
      const t = zoomTransform(svg);
      const [x0, y0] = t.apply([rect.x, rect.y]);
      const [x1, y1] = t.apply([rect.x + rect.w, rect.y + rect.h]);
      if (x0 >= 0 && y0 >= 0 && x1 <= view.width && y1 <= view.height) return;
      const cx = (rect.x + rect.w / 2) * t.k;
      const cy = (rect.y + rect.h / 2) * t.k;
      apply(zoomIdentity.translate(view.width / 2 - cx, view.height / 2 - cy).scale(t.k));
    },
    destroy() {
      observer.disconnect();
      selection.interrupt();
      selection.on('.zoom', null);
    },
  };
}
