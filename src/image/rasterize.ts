// The browser mechanics of turning file bytes into an ImageBitmap. Policy (what to refuse, what
// to tell the user) lives in decode.ts.

import { context2d, makeCanvas, release } from './canvas';
import { loadImageElement } from './image-element';
import { createImageBitmapOffThread } from './off-thread';
import type { Size } from './sniff';

/** The longer side of the raster an SVG drawing is rendered to: sharp at any display size here. */
export const SVG_LONG_SIDE = 1024;

/** What the missing part of a truncated file shows: mid grey, like a JPEG block with no data. */
const MISSING = 'rgb(128, 128, 128)';

/**
 * The image, oriented by its EXIF data, at `target` size when given (a reduced decode). With
 * `truncated`, falls back to an <img> when createImageBitmap refuses, which Chromium does for any
 * truncated JPEG or PNG, even one missing only its last two bytes; the <img> shows the part that
 * arrived. Not for other failures: an <img> also "shows" a damaged file, as a blank.
 */
export async function rasterize(blob: Blob, mime: string, target: Size | undefined, truncated: boolean): Promise<ImageBitmap | undefined> {
  // 'medium', not 'high': on a 12000×9000 PNG it took 3.9 s against 5.5 s here, and crop.ts
  // filters again on the way down to the network's size.
  const resize: ImageBitmapOptions = target ? { resizeWidth: target.width, resizeHeight: target.height, resizeQuality: 'medium' } : {};
  const options: ImageBitmapOptions = { imageOrientation: 'from-image', ...resize };
  try {
    return await (target ? createImageBitmapOffThread(blob, options) : createImageBitmap(blob, options));
  } catch {
    // Undecodable as a whole; the <img> below may still decode a part.
  }
  if (!truncated) return undefined;
  const element = await loadImageElement(blob, mime);
  if (!element) return undefined;
  // An <img> applies EXIF orientation itself: its natural size is the displayed size.
  return drawToBitmap(element, target ?? { width: element.naturalWidth, height: element.naturalHeight }, MISSING);
}

/**
 * An SVG drawing rendered at SVG_LONG_SIDE, with its natural size (from width/height or the
 * viewBox; 300×150 when it has neither). Rendered rather than refused: loaded as an image, an SVG
 * runs none of its scripts and fetches none of its links (browsers' "secure animated image" mode),
 * so an SVG file is as safe here as a PNG.
 */
export async function renderSvg(blob: Blob): Promise<{ bitmap: ImageBitmap; natural: Size } | undefined> {
  const element = await loadImageElement(blob, 'image/svg+xml');
  if (!element) return undefined;
  const natural = { width: element.naturalWidth, height: element.naturalHeight };
  const scale = SVG_LONG_SIDE / Math.max(natural.width, natural.height);
  const size = { width: Math.max(1, Math.round(natural.width * scale)), height: Math.max(1, Math.round(natural.height * scale)) };
  return { bitmap: await drawToBitmap(element, size), natural };
}

async function drawToBitmap(element: HTMLImageElement, size: Size, background?: string): Promise<ImageBitmap> {
  const canvas = makeCanvas(size.width, size.height);
  const context = context2d(canvas);
  if (background) {
    context.fillStyle = background;
    context.fillRect(0, 0, size.width, size.height);
  }
  context.drawImage(element, 0, 0, size.width, size.height);
  // createImageBitmap(element) itself refuses a partly decoded image and an SVG without a size.
  const bitmap = await createImageBitmap(canvas);
  release(canvas);
  return bitmap;
}
