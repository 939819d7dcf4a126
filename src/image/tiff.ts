// The first directory (IFD0) of a TIFF structure: EXIF metadata inside a JPEG is one, and so is a
// TIFF file's own header. Only single SHORT or LONG values are read: orientation, width, height.

import { u16be, u16le, u32be, u32le } from './bytes';

export const TAG = { width: 0x0100, height: 0x0101, orientation: 0x0112 } as const;

const SHORT = 3;
const LONG = 4;
const MAX_ENTRIES = 1000; // a real IFD0 has a few dozen; more means garbage

/** IFD0's numeric tags (tag → value); empty if `tiff` does not start with a TIFF header. */
export function readIfd0(tiff: Uint8Array): Map<number, number> {
  const tags = new Map<number, number>();
  const little = tiff[0] === 0x49 && tiff[1] === 0x49; // "II"
  const big = tiff[0] === 0x4d && tiff[1] === 0x4d; // "MM"
  if (!little && !big) return tags;
  const u16 = little ? u16le : u16be;
  const u32 = little ? u32le : u32be;
  if (u16(tiff, 2) !== 42) return tags;
  const ifd = u32(tiff, 4);
  const count = u16(tiff, ifd);
  if (!(count > 0 && count < MAX_ENTRIES)) return tags;
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    const type = u16(tiff, entry + 2);
    if (u32(tiff, entry + 4) !== 1) continue;
    const value = type === SHORT ? u16(tiff, entry + 8) : type === LONG ? u32(tiff, entry + 8) : NaN;
    if (Number.isFinite(value)) tags.set(u16(tiff, entry), value);
  }
  return tags;
}
