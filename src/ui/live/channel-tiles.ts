// Feature-map channels tiled into one RGBA image (pure): one canvas per output instead of one per
// channel keeps the page's work small when maps arrive.

import { interpolateViridis } from 'd3';

/** Grey level → packed RGBA (little-endian, as Uint32 over ImageData), dark: low, yellow: high. */
const PALETTE = Uint32Array.from({ length: 256 }, (_, i) => {
  const hex = interpolateViridis(i / 255);
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return (255 << 24) | (b << 16) | (g << 8) | r;
});

export interface TileGrid {
  readonly columns: number;
  readonly rows: number;
  /** A tile's side in image pixels (channels larger than this are sampled down to it). */
  readonly tile: number;
  /** Pixels between tiles. */
  readonly gap: number;
  readonly width: number;
  readonly height: number;
}

/** A grid of `count` square tiles of at most `maxTile` pixels, `columns` wide. */
export function tileGrid(count: number, size: number, columns: number, maxTile = size, gap = 1): TileGrid {
  const cols = Math.max(1, Math.min(columns, count));
  const rows = Math.ceil(count / cols);
  const tile = Math.min(size, maxTile);
  return { columns: cols, rows, tile, gap, width: cols * (tile + gap) - gap, height: rows * (tile + gap) - gap };
}

/**
 * Writes `count` channels of w × h grey levels (one after another) into an RGBA buffer of the
 * grid's size, each sampled (nearest pixel) to the tile size. Drawing gaps as real pixels at the
 * final size keeps them visible: scaling a canvas down would drop them.
 */
export function paintTiles(grey: Uint8ClampedArray, count: number, w: number, h: number, grid: TileGrid, rgba: Uint8ClampedArray): void {
  const out = new Uint32Array(rgba.buffer, rgba.byteOffset, grid.width * grid.height);
  out.fill(0xffffffff); // gaps are white
  const { tile } = grid;
  const sourceX = Array.from({ length: tile }, (_, x) => Math.floor((x * w) / tile));
  for (let c = 0; c < count; c++) {
    const left = (c % grid.columns) * (tile + grid.gap);
    const top = Math.floor(c / grid.columns) * (tile + grid.gap);
    const base = c * w * h;
    for (let y = 0; y < tile; y++) {
      const row = (top + y) * grid.width + left;
      const source = base + Math.floor((y * h) / tile) * w;
      for (let x = 0; x < tile; x++) out[row + x] = PALETTE[grey[source + sourceX[x]]];
    }
  }
}

/** The tile under a point of the grid (in image pixels), or undefined in a gap or past the last tile. */
export function tileAt(grid: TileGrid, count: number, x: number, y: number): number | undefined {
  const step = grid.tile + grid.gap;
  const column = Math.floor(x / step);
  const row = Math.floor(y / step);
  if (x - column * step >= grid.tile || y - row * step >= grid.tile || column >= grid.columns) return undefined;
  const index = row * grid.columns + column;
  return index < count ? index : undefined;
}
