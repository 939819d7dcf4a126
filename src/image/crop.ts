// From a decoded photo to what a network sees: the centre square, resized to the network's input.
// A big photo is halved step by step before the last resize: one jump from 4000 px to 32 px would
// sample a few source pixels per output pixel and alias (stripes, moiré); each halving with
// 'high' smoothing averages all of them.

import { context2d, makeCanvas, release, type Canvas } from './canvas';
import type { DecodedImage } from './decode';

export interface Square {
  readonly x: number;
  readonly y: number;
  readonly side: number;
}

/** The largest centred square inside width×height (the crop networks trained on ImageNet expect). */
export function centerSquare(width: number, height: number): Square {
  const side = Math.min(width, height);
  return { x: Math.floor((width - side) / 2), y: Math.floor((height - side) / 2), side };
}

/** The centre square at size×size: row-major RGB bytes for the network, and RGBA for showing. */
export function networkPixels(image: DecodedImage, size: number): { rgb: Uint8Array; preview: ImageData } {
  const canvas = makeCanvas(size, size);
  drawCentreSquare(image.bitmap, canvas, size);
  const preview = context2d(canvas, { willReadFrequently: true }).getImageData(0, 0, size, size);
  const rgb = new Uint8Array(size * size * 3);
  for (let i = 0, j = 0; i < preview.data.length; i += 4, j += 3) {
    rgb[j] = preview.data[i];
    rgb[j + 1] = preview.data[i + 1];
    rgb[j + 2] = preview.data[i + 2];
  }
  return { rgb, preview };
}

/** The same centre square on a displaySize×displaySize <canvas>, to show under an overlay. */
export function squareCanvas(image: DecodedImage, displaySize: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = displaySize;
  canvas.height = displaySize;
  drawCentreSquare(image.bitmap, canvas, displaySize);
  return canvas;
}

/**
 * Draws the bitmap's centre square onto `target` (size×size), over white: a transparent PNG or
 * SVG is meant to be seen on a page, not on black.
 */
function drawCentreSquare(bitmap: ImageBitmap, target: Canvas, size: number): void {
  const crop = centerSquare(bitmap.width, bitmap.height);
  let source: CanvasImageSource = bitmap;
  let { x, y, side } = crop;
  const steps: Canvas[] = [];
  while (side >= 2 * size) {
    const next = Math.ceil(side / 2);
    const step = makeCanvas(next, next);
    context2d(step).drawImage(source, x, y, side, side, 0, 0, next, next);
    steps.push(step);
    [source, x, y, side] = [step, 0, 0, next];
  }
  const context = context2d(target);
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size, size);
  context.drawImage(source, x, y, side, side, 0, 0, size, size);
  steps.forEach(release);
}
