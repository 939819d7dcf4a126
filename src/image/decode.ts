// A user's file → an ImageBitmap the networks can read, or an ImageInputError whose message says
// what is wrong with the file and what to do. The bytes are sniffed first (sniff.ts), so the
// message names the real format whatever the file is called, and a huge image's size is known
// before anything is decoded. Nothing here makes a network request.

import { MAX_BYTES, MAX_PIXELS, PIXEL_BUDGET, reduction } from './budget';
import { FORMATS } from './formats';
import { note, refusal } from './messages';
import { rasterize, renderSvg } from './rasterize';
import { sniffImage, type Sniffed } from './sniff';

export interface DecodedImage {
  readonly name: string;
  /** Human name of the format: 'JPEG', 'PNG', 'SVG'. */
  readonly format: string;
  /** The original size as displayed (after EXIF orientation); an SVG's natural size. */
  readonly width: number;
  readonly height: number;
  /** The pixels, oriented; smaller than width×height when over the pixel budget, larger for an SVG. */
  readonly bitmap: ImageBitmap;
  /** bitmap.width / width. */
  readonly scale: number;
  /** Caveats to show beside the result: truncated, reduced, animated, one pixel, SVG. */
  readonly notes: readonly string[];
}

/** A file that cannot be used; `message` is meant for the person who chose it. */
export class ImageInputError extends Error {
  override name = 'ImageInputError';
}

export interface DecodeOptions {
  /** Decode at 1/N size above this many pixels (tests lower it to reach that path cheaply). */
  readonly pixelBudget?: number;
  readonly maxBytes?: number;
}

/** Decodes a user's file; rejects with an ImageInputError saying what is wrong. */
export async function decodeImage(blob: Blob, name: string, options: DecodeOptions = {}): Promise<DecodedImage> {
  const { pixelBudget = PIXEL_BUDGET, maxBytes = MAX_BYTES } = options;
  if (blob.size === 0) throw new ImageInputError(refusal.empty(name));
  if (blob.size > maxBytes) throw new ImageInputError(refusal.tooManyBytes(name, blob.size, maxBytes));
  const sniffed = sniffImage(new Uint8Array(await blob.arrayBuffer()));
  if (sniffed.format === 'text') throw new ImageInputError(refusal.text(name));
  if (sniffed.format === 'pdf') throw new ImageInputError(refusal.pdf(name));
  if (sniffed.format === 'svg') return decodeSvg(blob, name);

  const original = sniffed.orientedSize;
  if (original && original.width * original.height > MAX_PIXELS) throw new ImageInputError(refusal.tooManyPixels(name, original, MAX_PIXELS));
  const plan = original && reduction(original, pixelBudget);
  const reduced = plan && plan.factor > 1 ? plan : undefined;
  const bitmap = await rasterize(blob, FORMATS[sniffed.format].mime, reduced?.size, sniffed.truncated);
  if (!bitmap) throw new ImageInputError(whyUndecodable(name, sniffed));

  // Without a reduction the bitmap is the truth (a header can miss an orientation, e.g. in a PNG).
  const size = reduced && original ? original : { width: bitmap.width, height: bitmap.height };
  const notes = [
    reduced && note.reduced(size, reduced.factor, { width: bitmap.width, height: bitmap.height }),
    sniffed.truncated && note.truncated(name),
    sniffed.animated && note.animated(name, sniffed.name, sniffed.frames),
    size.width * size.height === 1 && note.onePixel(name),
  ].filter((n): n is string => typeof n === 'string');
  const format = sniffed.format === 'unknown' ? 'image' : sniffed.name;
  return { name, format, ...size, bitmap, scale: bitmap.width / size.width, notes };
}

async function decodeSvg(blob: Blob, name: string): Promise<DecodedImage> {
  const rendered = await renderSvg(blob);
  if (!rendered) throw new ImageInputError(refusal.svg(name));
  const { bitmap, natural } = rendered;
  const notes = [note.svg({ width: bitmap.width, height: bitmap.height })];
  return { name, format: 'SVG', ...natural, bitmap, scale: bitmap.width / natural.width, notes };
}

function whyUndecodable(name: string, sniffed: Sniffed): string {
  if (sniffed.format === 'unknown') return refusal.unknown(name);
  if (!sniffed.browsersDecode) return refusal.unsupported(name, sniffed.name);
  if (sniffed.truncated) return refusal.truncated(name, sniffed.name);
  return refusal.corrupt(name, sniffed.name);
}
