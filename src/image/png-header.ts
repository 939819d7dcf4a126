// A PNG's size (IHDR), whether it is animated (an APNG's acTL chunk) and whether its chunk list
// reaches IEND, found by walking the chunks without inflating any.

import { ascii, size, u32be } from './bytes';

export interface PngHeader {
  readonly size?: { readonly width: number; readonly height: number };
  /** Frames announced by an APNG's acTL chunk (1 for a still PNG). */
  readonly frames: number;
  /** The chunks stop before IEND: the file was cut short. */
  readonly truncated: boolean;
}

const SIGNATURE = 8;

export function readPngHeader(b: Uint8Array): PngHeader {
  let frames = 1;
  let at = SIGNATURE;
  for (;;) {
    const length = u32be(b, at);
    const type = ascii(b, at + 4, 4);
    const end = at + 12 + length; // length, type, data, CRC
    if (!(end <= b.length)) return { size: ihdr(b), frames, truncated: true };
    if (type === 'acTL') frames = Math.max(1, u32be(b, at + 8) || 1);
    if (type === 'IEND') return { size: ihdr(b), frames, truncated: false };
    at = end;
  }
}

const ihdr = (b: Uint8Array) => (ascii(b, 12, 4) === 'IHDR' ? size(u32be(b, 16), u32be(b, 20)) : undefined);
