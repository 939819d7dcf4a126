// Grad-CAM values as colours: the turbo colour map (blue = no evidence, red = most), RGBA pixels
// for a canvas at the map's own resolution (the browser's smoothing scales it up).

import { interpolateTurbo, rgb } from 'd3';

/** RGBA bytes of `heat` (values in [0, 1], row-major). */
export function heatPixels(heat: ArrayLike<number>): Uint8ClampedArray<ArrayBuffer> {
  const pixels = new Uint8ClampedArray(heat.length * 4);
  for (let i = 0; i < heat.length; i++) {
    // Turbo's ends are near black; its blue-to-red middle reads better over a photo.
    const color = rgb(interpolateTurbo(0.1 + 0.85 * Math.min(1, Math.max(0, heat[i]))));
    pixels.set([color.r, color.g, color.b, 255], i * 4);
  }
  return pixels;
}
