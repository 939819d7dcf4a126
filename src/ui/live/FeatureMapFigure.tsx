import { useEffect, useMemo, useRef, type MouseEvent } from 'react';
import type { FeatureMap } from '../../runtime/worker/protocol';
import { paintTiles, tileAt, tileGrid } from './channel-tiles';

interface FeatureMapFigureProps {
  readonly map: FeatureMap;
  /** The module the maps were asked for (its branches are labelled relative to it). */
  readonly parent: string;
  /** Width available, in CSS pixels: as many channels per row as fit, never scaled down. */
  readonly width: number;
}

/** Channels are shown about this many CSS pixels wide: larger ones sampled down, smaller ones magnified by a whole factor. */
const TILE_CSS = 48;

/** The shown channels of one output as a grid of small images (one canvas), strongest first. */
export function FeatureMapFigure({ map, parent, width }: FeatureMapFigureProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { width: w, height: h, shown } = map;
  // Feature maps are square (h = w) in both networks. Whole-number zoom and no scaling down keep
  // every channel's pixels, and the gaps between channels, intact.
  const size = Math.max(w, h);
  const tile = Math.min(size, TILE_CSS);
  const zoom = Math.max(1, Math.round(TILE_CSS / tile));
  const fit = Math.max(1, Math.floor((width + zoom) / ((tile + 1) * zoom)));
  const columns = Math.ceil(shown.length / Math.ceil(shown.length / fit)); // rows of (nearly) equal length
  const grid = useMemo(() => tileGrid(shown.length, size, columns, TILE_CSS), [shown.length, size, columns]);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(grid.width, grid.height);
    paintTiles(map.pixels, shown.length, w, h, grid, image.data);
    context.putImageData(image, 0, 0);
  }, [map.pixels, shown.length, w, h, grid]);

  // The channel under the pointer, as a tooltip (no re-render).
  const hover = (event: MouseEvent<HTMLCanvasElement>) => {
    const canvas = event.currentTarget;
    const box = canvas.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * grid.width;
    const y = ((event.clientY - box.top) / box.height) * grid.height;
    const index = tileAt(grid, shown.length, x, y);
    canvas.title = index === undefined ? '' : `channel ${shown[index].channel}, mean activation ${shown[index].mean.toPrecision(3)}`;
  };

  const name = map.path === parent ? map.path : `${map.path.slice(parent.length + 1)} branch`;
  const limited = shown.length < map.channels;
  return (
    <figure className="live-map" aria-label={`Feature maps of ${map.path}`}>
      <figcaption>
        <strong>{name}</strong> · {h}×{w}×{map.channels}
        {limited ? ` · strongest ${shown.length} of ${map.channels} channels` : ` · all ${map.channels} channels`}
      </figcaption>
      <canvas
        ref={ref}
        width={grid.width}
        height={grid.height}
        style={{ width: `${grid.width * zoom}px` }}
        role="img"
        aria-label={`${shown.length} channels of ${map.path}, strongest first: ${shown.map((s) => s.channel).join(', ')}`}
        data-channels={shown.length}
        onMouseMove={hover}
      />
    </figure>
  );
}
