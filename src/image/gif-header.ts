// A GIF's logical screen size and its number of frames, found by walking the block structure
// (image descriptors and extension blocks) without decompressing anything.

import { size, u16le } from './bytes';

export interface GifHeader {
  readonly size?: { readonly width: number; readonly height: number };
  /** Image descriptors found; 2 or more means an animation. */
  readonly frames: number;
}

const IMAGE = 0x2c;
const EXTENSION = 0x21;
const TRAILER = 0x3b;

/** Bytes taken by a colour table whose presence and size sit in a packed field. */
const colourTable = (packed: number) => (packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0);

export function readGifHeader(b: Uint8Array): GifHeader {
  let frames = 0;
  let at = 13 + colourTable(b[10] ?? 0);
  while (at < b.length && b[at] !== TRAILER) {
    if (b[at] === IMAGE) {
      frames += 1;
      at += 10 + colourTable(b[at + 9] ?? 0) + 1; // descriptor, local colour table, LZW code size
    } else if (b[at] === EXTENSION) {
      at += 2; // introducer and label
    } else {
      break; // not a block: garbage or a cut file
    }
    at = skipSubBlocks(b, at);
  }
  return { size: size(u16le(b, 6), u16le(b, 8)), frames };
}

/** The offset just past a chain of length-prefixed sub-blocks and its zero terminator. */
function skipSubBlocks(b: Uint8Array, at: number): number {
  while (at < b.length && b[at] !== 0) at += b[at] + 1;
  return at + 1;
}
