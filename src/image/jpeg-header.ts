// What a JPEG's markers say before any pixel is decoded: the frame size (SOFn), the EXIF
// orientation (APP1), and whether the end-of-image marker is there at all.

import { ascii, size, u16be } from './bytes';
import { readIfd0, TAG } from './tiff';

export interface JpegHeader {
  /** Stored (unrotated) size from the frame header; undefined if no frame header was found. */
  readonly size?: { readonly width: number; readonly height: number };
  /** EXIF orientation 1–8 (1 when absent or invalid). */
  readonly orientation: number;
  /** The file stops inside the headers, or has no end-of-image marker after the first scan. */
  readonly truncated: boolean;
}

const SOS = 0xda;
const EOI = 0xd9;
const APP1 = 0xe1;

/** SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not. */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** Markers without a length field: TEM, RST0–7, SOI. */
const isStandalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8);

export function readJpegHeader(b: Uint8Array): JpegHeader {
  let frame: JpegHeader['size'];
  let orientation = 1;
  let scan: number | undefined;
  let at = 2; // after SOI
  while (at + 1 < b.length && b[at] === 0xff) {
    const marker = b[at + 1];
    if (marker === 0xff) {
      at += 1; // fill byte before a marker
      continue;
    }
    if (isStandalone(marker)) {
      at += 2;
      continue;
    }
    if (marker === EOI || marker < 0xc0) break; // 0x02–0xBF are reserved: not a marker, damage
    const length = u16be(b, at + 2);
    if (!(length >= 2)) break;
    const payload = at + 4;
    const end = at + 2 + length;
    if (isStartOfFrame(marker)) frame ??= size(u16be(b, payload + 3), u16be(b, payload + 1));
    if (marker === APP1 && ascii(b, payload, 6) === 'Exif\0\0' && orientation === 1) {
      const value = readIfd0(b.subarray(payload + 6, end)).get(TAG.orientation) ?? 1;
      orientation = value >= 1 && value <= 8 ? value : 1;
    }
    if (marker === SOS) {
      scan = end;
      break;
    }
    at = end;
  }
  // Before the scan, running out of bytes is truncation; a byte that is not a marker is damage.
  const truncated = scan === undefined ? at + 4 > b.length : !hasEndOfImage(b, scan);
  return { size: frame, orientation, truncated };
}

/**
 * Inside entropy-coded data a 0xFF byte is always followed by 0x00 or a marker, so the first FF D9
 * after the scan starts is the end of the image (data appended after it, as some phones do, is
 * ignored).
 */
function hasEndOfImage(b: Uint8Array, from: number): boolean {
  for (let at = b.indexOf(0xff, from); at >= 0 && at + 1 < b.length; at = b.indexOf(0xff, at + 1)) {
    if (b[at + 1] === EOI) return true;
  }
  return false;
}
