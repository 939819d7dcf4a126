// HEIC and AVIF are both ISO base media files (boxes of length + type). The brands in the leading
// 'ftyp' box say which, and the 'ispe' property boxes inside 'meta' give the image size.

import { ascii, size, u32be } from './bytes';

interface Box {
  readonly type: string;
  readonly payload: number;
  readonly end: number;
}

/** The major and compatible brands of a leading 'ftyp' box ([] if there is none). */
export function ftypBrands(b: Uint8Array): string[] {
  if (ascii(b, 4, 4) !== 'ftyp') return [];
  const end = Math.min(u32be(b, 0), b.length, 4096);
  const brands = [ascii(b, 8, 4)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(b, at, 4));
  return brands;
}

/** The largest 'ispe' (image spatial extents) in meta/iprp/ipco: the primary image, not a thumbnail. */
export function largestImageSize(b: Uint8Array): { width: number; height: number } | undefined {
  let best: { width: number; height: number } | undefined;
  const meta = child(b, { type: '', payload: 0, end: b.length }, 'meta');
  // 'meta' is a full box: four bytes of version and flags come before its children.
  const properties = meta && child(b, { ...meta, payload: meta.payload + 4 }, 'iprp');
  const container = properties && child(b, properties, 'ipco');
  for (const box of container ? boxes(b, container) : []) {
    if (box.type !== 'ispe') continue;
    const found = size(u32be(b, box.payload + 4), u32be(b, box.payload + 8));
    if (found && (!best || found.width * found.height > best.width * best.height)) best = found;
  }
  return best;
}

function child(b: Uint8Array, parent: Box, type: string): Box | undefined {
  return boxes(b, parent).find((box) => box.type === type);
}

function boxes(b: Uint8Array, parent: Box): Box[] {
  const found: Box[] = [];
  let at = parent.payload;
  while (at + 8 <= parent.end && found.length < 1000) {
    let length = u32be(b, at);
    let header = 8;
    if (length === 1) {
      length = u32be(b, at + 8) * 2 ** 32 + u32be(b, at + 12); // 64-bit size
      header = 16;
    } else if (length === 0) {
      length = parent.end - at; // to the end of the parent
    }
    if (!(length >= header)) break;
    found.push({ type: ascii(b, at + 4, 4), payload: at + header, end: Math.min(at + length, parent.end) });
    at += length;
  }
  return found;
}
