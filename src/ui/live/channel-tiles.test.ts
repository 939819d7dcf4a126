import { describe, expect, it } from 'vitest';
import { paintTiles, tileAt, tileGrid } from './channel-tiles';

describe('tileGrid', () => {
  it('lays out 32 channels of 28×28 in rows of 16 with 1-pixel gaps', () => {
    expect(tileGrid(32, 28, 16, 48)).toEqual({ columns: 16, rows: 2, tile: 28, gap: 1, width: 16 * 29 - 1, height: 2 * 29 - 1 });
    expect(tileGrid(3, 7, 16)).toMatchObject({ columns: 3, rows: 1, tile: 7, width: 23 });
  });

  it('samples large channels down to the largest tile', () => {
    expect(tileGrid(32, 112, 16, 48)).toMatchObject({ tile: 48, width: 16 * 49 - 1 });
  });
});

describe('paintTiles', () => {
  it('puts each channel in its tile, gaps white, darkest and brightest at the palette\'s ends', () => {
    // Two 2×2 channels: [0 255; 255 0] and [255 0; 0 255].
    const grid = tileGrid(2, 2, 16);
    const rgba = new Uint8ClampedArray(grid.width * grid.height * 4);
    paintTiles(Uint8ClampedArray.from([0, 255, 255, 0, 255, 0, 0, 255]), 2, 2, 2, grid, rgba);
    const pixel = (x: number, y: number) => Array.from(rgba.slice((y * grid.width + x) * 4, (y * grid.width + x) * 4 + 4));
    const [dark, bright, white] = [[68, 1, 84, 255], [253, 231, 37, 255], [255, 255, 255, 255]]; // viridis(0), viridis(1)
    expect([0, 1, 2, 3, 4].map((x) => pixel(x, 0))).toEqual([dark, bright, white, bright, dark]);
    expect([0, 1, 2, 3, 4].map((x) => pixel(x, 1))).toEqual([bright, dark, white, dark, bright]);
  });

  it('samples a channel down to its tile (nearest pixel)', () => {
    const grid = tileGrid(1, 4, 16, 2);
    const rgba = new Uint8ClampedArray(grid.width * grid.height * 4);
    const grey = Uint8ClampedArray.from({ length: 16 }, (_, i) => (i % 4 < 2 ? 0 : 255)); // left half dark
    paintTiles(grey, 1, 4, 4, grid, rgba);
    expect(rgba[0]).toBe(68);
    expect(rgba[4]).toBe(253);
  });
});

describe('tileAt', () => {
  it('finds the channel under a point, and nothing in a gap or past the last one', () => {
    const grid = tileGrid(3, 4, 2);
    expect(tileAt(grid, 3, 0, 0)).toBe(0);
    expect(tileAt(grid, 3, 5, 3)).toBe(1);
    expect(tileAt(grid, 3, 4, 0)).toBeUndefined();
    expect(tileAt(grid, 3, 1, 6)).toBe(2);
    expect(tileAt(grid, 3, 6, 6)).toBeUndefined();
  });
});
