// Sizes from the headers of WebP, BMP and ICO files: a few fixed offsets each.

import { ascii, size, u16le, u24le, u32le, u8 } from './bytes';

type Size = { width: number; height: number } | undefined;

/** WebP: lossy (VP8), lossless (VP8L) or extended (VP8X, which also flags animation). */
export function readWebpHeader(b: Uint8Array): { size: Size; animated: boolean } {
  const chunk = ascii(b, 12, 4);
  const data = 20;
  if (chunk === 'VP8 ') return { size: size(u16le(b, data + 6) & 0x3fff, u16le(b, data + 8) & 0x3fff), animated: false };
  if (chunk === 'VP8L') {
    const bits = u32le(b, data + 1); // 14 bits width - 1, 14 bits height - 1
    if (Number.isNaN(bits)) return { size: undefined, animated: false };
    return { size: size((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1), animated: false };
  }
  if (chunk === 'VP8X') return { size: size(u24le(b, data + 4) + 1, u24le(b, data + 7) + 1), animated: (u8(b, data) & 0x02) !== 0 };
  return { size: undefined, animated: false };
}

/** BMP: the old 12-byte core header has 16-bit sizes; later headers 32-bit, negative height = top-down. */
export function readBmpSize(b: Uint8Array): Size {
  if (u32le(b, 14) === 12) return size(u16le(b, 18), u16le(b, 20));
  const signed = (n: number) => (n >= 2 ** 31 ? n - 2 ** 32 : n);
  return size(Math.abs(signed(u32le(b, 18))), Math.abs(signed(u32le(b, 22))));
}

/** ICO: the largest of the directory's images (a stored 0 means 256). */
export function readIcoSize(b: Uint8Array): Size {
  let best: Size;
  const count = Math.min(u16le(b, 4), 256);
  for (let i = 0; i < count; i++) {
    const entry = 6 + i * 16;
    const found = size(u8(b, entry) || 256, u8(b, entry + 1) || 256);
    if (entry + 16 <= b.length && found && (!best || found.width > best.width)) best = found;
  }
  return best;
}
