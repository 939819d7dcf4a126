// d3-zoom as a small object (create once per svg, update, destroy): pan and zoom a layer of the
// svg by setting its transform attribute, which React never touches.

import { select, zoom, zoomIdentity, zoomTransform, type ZoomBehavior, type ZoomTransform } from 'd3';

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Zoom {
  /** Tells the behaviour how large the drawing is (for fitting and zoom limits). */
  update(content: Size): void;
  /**
   * Shows the whole drawing. With `readable`, never below READABLE scale: a tall network then
   * fills the width and starts at its top, instead of shrinking to unreadable boxes.
   */
  fit(readable?: boolean): void;
  /** Pans, keeping the scale, so that a rectangle of the drawing is in view; returns where it will be, in the svg. */
  reveal(rect: Rect): Rect;
  /** Where a point of the drawing is on screen (relative to the svg). */
  toScreen(point: readonly [number, number]): [number, number];
  /**
   * After the drawing changed under the pointer (a module opened or closed): puts `point` of the
   * new drawing back at `screen`, where the person was looking, at once; then, if `rect` does not
   * fit in view, pans and zooms out just enough to show it.
   */
  keep(point: readonly [number, number], screen: readonly [number, number], rect: Rect): void;
  /** Pans, keeping the scale, so that a point of the drawing is at the centre of the view. */
  centre(point: readonly [number, number]): void;
  /** Calls `listener` with every new transform and view size (and once now); returns the unsubscribe. */
  watch(listener: (view: ViewState) => void): () => void;
  destroy(): void;
}

/** What the view shows: the transform (screen = drawing × k + x, y) and the svg's size. */
export interface ViewState {
  readonly x: number;
  readonly y: number;
  readonly k: number;
  readonly view: Size;
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

/**
 * The translation along one axis after the wheel scrolled `delta` screen pixels. A drawing larger
 * than the view scrolls until its edge is PADDING inside the view; one that fits is left alone
 * while it is in view. Out of range (after a zoom or a pan), the wheel only ever brings it back.
 */
export function scrolled(translate: number, delta: number, size: number, view: number): number {
  const large = size + 2 * PADDING > view;
  const low = large ? view - PADDING - size : PADDING;
  const high = large ? PADDING : view - PADDING - size;
  if (!large && translate >= low && translate <= high) return translate;
  const target = translate - delta;
  return delta > 0 ? Math.min(translate, Math.max(target, low)) : Math.max(translate, Math.min(target, high));
}

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
    notify();
  });
  const listeners = new Set<(view: ViewState) => void>();
  const notify = () => {
    const { x, y, k } = zoomTransform(svg);
    for (const listener of listeners) listener({ x, y, k, view });
  };
  // The wheel scrolls the drawing as it would a page; with Ctrl (and a touchpad's pinch, which
  // Chromium sends as a Ctrl+wheel) it zooms. Drags and touches pan and pinch as d3 does.
  behaviour.filter((event: Event & { ctrlKey?: boolean; metaKey?: boolean; button?: number }) =>
    event.type === 'wheel' ? Boolean(event.ctrlKey || event.metaKey) : !event.ctrlKey && !event.button,
  );
  selection.call(behaviour).on('dblclick.zoom', null); // double-click toggles a node instead
  selection.on('wheel.scroll', (event: WheelEvent) => {
    if (event.ctrlKey || event.metaKey) return;
    const t = zoomTransform(svg);
    const lines = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? view.height : 1;
    const x = scrolled(t.x, event.deltaX * lines, content.width * t.k, view.width);
    const y = scrolled(t.y, event.deltaY * lines, content.height * t.k, view.height);
    if (x === t.x && y === t.y) return; // at the drawing's end: the page scrolls on
    event.preventDefault();
    selection.interrupt();
    selection.call(behaviour.transform, zoomIdentity.translate(x, y).scale(t.k));
  });
  let content: Size = { width: 1, height: 1 };
  // The viewport size, kept by a ResizeObserver: reading clientWidth after React has changed the
  // drawing would force a synchronous layout of hundreds of boxes.
  let view: Size = { width: svg.clientWidth || 1, height: svg.clientHeight || 1 };
  const observer = new ResizeObserver(([entry]) => {
    view = { width: entry.contentRect.width || 1, height: entry.contentRect.height || 1 };
    notify();
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
      notify();
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
      const onScreen = { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
      if (x0 >= 0 && y0 >= 0 && x1 <= view.width && y1 <= view.height) return onScreen;
      const cx = (rect.x + rect.w / 2) * t.k;
      const cy = (rect.y + rect.h / 2) * t.k;
      apply(zoomIdentity.translate(view.width / 2 - cx, view.height / 2 - cy).scale(t.k));
      return { ...onScreen, x: view.width / 2 - onScreen.w / 2, y: view.height / 2 - onScreen.h / 2 };
    },
    toScreen(point) {
      return zoomTransform(svg).apply([point[0], point[1]]);
    },
    keep(point, screen, rect) {
      const { k: current } = zoomTransform(svg);
      const [min] = behaviour.scaleExtent();
      const k = Math.max(min, Math.min(current, (view.width - 2 * PADDING) / rect.w, (view.height - 2 * PADDING) / rect.h));
      const anchored = zoomIdentity.translate(screen[0] - point[0] * current, screen[1] - point[1] * current).scale(current);
      selection.interrupt();
      selection.call(behaviour.transform, anchored);
      // Zooming out keeps the anchor point still; then the least pan that brings rect into view.
      const x = screen[0] - point[0] * k;
      const y = screen[1] - point[1] * k;
      // Too large even now: centred across, its top shown down the page.
      const shift = (start: number, size: number, room: number, across: boolean) => {
        if (size > room - 2 * PADDING) return across ? (room - size) / 2 - start : PADDING - start;
        if (start < PADDING) return PADDING - start;
        if (start + size > room - PADDING) return room - PADDING - (start + size);
        return 0;
      };
      const dx = shift(x + rect.x * k, rect.w * k, view.width, true);
      const dy = shift(y + rect.y * k, rect.h * k, view.height, false);
      if (k !== current || dx !== 0 || dy !== 0) apply(zoomIdentity.translate(x + dx, y + dy).scale(k));
    },
    centre(point) {
      const { k } = zoomTransform(svg);
      apply(zoomIdentity.translate(view.width / 2 - point[0] * k, view.height / 2 - point[1] * k).scale(k));
    },
    watch(listener) {
      listeners.add(listener);
      notify();
      return () => listeners.delete(listener);
    },
    destroy() {
      listeners.clear();
      observer.disconnect();
      selection.interrupt();
      selection.on('.zoom', null);
    },
  };
}
