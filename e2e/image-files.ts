// Test images made on the spot, no fixtures on disk: PNG, animated GIF, HEIC-like, SVG, text and
// PDF bytes in Node (node:zlib only), and JPEG edits (truncate, corrupt, add EXIF) on JPEG bytes
// that a page encodes with canvas.toBlob. Used by e2e/image-decode.spec.ts and the Classify tab's
// UI tests; `badImageFiles` lists the inputs that must be refused, with the message expected.

import { constants, crc32, deflateRawSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { sniffImage } from '../src/image/sniff';

export type Rgb = readonly [number, number, number];

const ascii = (text: string) => Buffer.from(text, 'latin1');
const be32 = (n: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(n >>> 0);
  return bytes;
};

function pngChunk(type: string, data: Uint8Array): Buffer {
  const typeAndData = Buffer.concat([ascii(type), data]);
  return Buffer.concat([be32(data.length), typeAndData, be32(crc32(typeAndData))]);
}

/**
 * An RGB PNG; without `pixel`, one solid grey. A row equal to the row above is stored with the
 * "Up" filter (all zeros) and equal runs of rows are compressed once, so a solid 12000×9000
 * image takes well under a second and about 340 KB, with no 324 MB buffer of raw rows.
 */
export function pngBytes(width: number, height: number, pixel?: (x: number, y: number) => Rgb): Uint8Array {
  const stride = 1 + 3 * width;
  const row = Buffer.alloc(stride - 1);
  let previous: Buffer | undefined;
  /** Writes row y, filter byte first, at `at` in `out`. */
  const writeRow = (y: number, out: Buffer, at: number) => {
    if (pixel || y === 0) {
      for (let x = 0; x < width; x++) row.set(pixel?.(x, y) ?? [128, 128, 128], 3 * x);
    }
    if (previous?.equals(row)) {
      out[at] = 2; // Up: this row minus the one above, all zeros
    } else {
      row.copy(out, at + 1);
      previous = Buffer.from(row);
    }
  };
  const header = Buffer.concat([be32(width), be32(height), Buffer.from([8, 2, 0, 0, 0])]); // 8-bit RGB
  const data = zlibOfRows(height, stride, writeRow);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', data), pngChunk('IEND', new Uint8Array())]);
}

/**
 * A zlib stream of the rows, deflated a few MB at a time: each piece ends on a byte boundary
 * (sync flush) and starts a fresh dictionary, so the pieces concatenate into one valid stream,
 * and a piece equal to the one before reuses its compressed bytes.
 */
function zlibOfRows(height: number, stride: number, writeRow: (y: number, out: Buffer, at: number) => void): Buffer {
  const rowsPerPiece = Math.max(1, Math.floor(4_000_000 / stride));
  const parts: Uint8Array[] = [Buffer.from([0x78, 0x01])];
  let adler = 1;
  let last: { raw: Buffer; deflated: Uint8Array; adler: number } | undefined;
  for (let y0 = 0; y0 < height; y0 += rowsPerPiece) {
    const rows = Math.min(rowsPerPiece, height - y0);
    const raw = Buffer.alloc(rows * stride);
    for (let y = 0; y < rows; y++) writeRow(y0 + y, raw, y * stride);
    if (!last?.raw.equals(raw)) {
      last = { raw, deflated: deflateRawSync(raw, { strategy: constants.Z_RLE, finishFlush: constants.Z_SYNC_FLUSH }), adler: adler32(raw) };
    }
    parts.push(last.deflated);
    adler = y0 === 0 ? last.adler : adler32Combine(adler, last.adler, raw.length);
  }
  parts.push(deflateRawSync(Buffer.alloc(0)), be32(adler)); // the final (empty) block, then the checksum
  return Buffer.concat(parts);
}

const ADLER_MOD = 65521;

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; i++) {
    a = (a + bytes[i]) % ADLER_MOD;
    b = (b + a) % ADLER_MOD;
  }
  return b * 65536 + a;
}

/** Adler-32 of A followed by B, from the checksums of each and B's length. */
function adler32Combine(first: number, second: number, secondLength: number): number {
  const [a1, b1, a2, b2] = [first % 65536, Math.floor(first / 65536), second % 65536, Math.floor(second / 65536)];
  const a = (a1 + a2 - 1 + ADLER_MOD) % ADLER_MOD;
  const b = (b1 + b2 + (secondLength % ADLER_MOD) * ((a1 - 1 + ADLER_MOD) % ADLER_MOD)) % ADLER_MOD;
  return b * 65536 + a;
}

/**
 * A looping GIF of solid frames, 8×8, one colour each (red, then blue by default). Pixels are LZW
 * "compressed" as literal codes with a clear code every two, so the code size never grows.
 */
export function animatedGifBytes(colours: readonly Rgb[] = [[255, 0, 0], [0, 0, 255]]): Uint8Array {
  const size = 8;
  const palette = [...colours, ...Array<Rgb>(4).fill([0, 0, 0])].slice(0, 4); // 4 entries: LZW min code size 2
  const parts: number[] = [...ascii('GIF89a'), size, 0, size, 0, 0x81, 0, 0, ...palette.flat()];
  parts.push(0x21, 0xff, 11, ...ascii('NETSCAPE2.0'), 3, 1, 0, 0, 0); // loop forever
  colours.slice(0, 4).forEach((_, index) => {
    parts.push(0x21, 0xf9, 4, 0, 50, 0, 0, 0); // 0.5 s per frame
    parts.push(0x2c, 0, 0, 0, 0, size, 0, size, 0, 0, 2, ...subBlocks(literalLzw(index, size * size)));
  });
  parts.push(0x3b);
  return Uint8Array.from(parts);
}

/** 3-bit codes, least significant bit first: CLEAR, then the colour index, twice per clear. */
function literalLzw(index: number, count: number): number[] {
  const CLEAR = 4;
  const END = 5;
  const codes: number[] = [];
  for (let i = 0; i < count; i += 2) codes.push(CLEAR, index, ...(i + 1 < count ? [index] : []));
  codes.push(END);
  const bytes: number[] = [];
  let bits = 0;
  let buffer = 0;
  for (const code of codes) {
    buffer |= code << bits;
    bits += 3;
    while (bits >= 8) {
      bytes.push(buffer & 0xff);
      buffer >>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) bytes.push(buffer & 0xff);
  return bytes;
}

function subBlocks(data: number[]): number[] {
  const out: number[] = [];
  for (let at = 0; at < data.length; at += 255) {
    const block = data.slice(at, at + 255);
    out.push(block.length, ...block);
  }
  return [...out, 0];
}

/** What an iPhone photo starts with (an 'ftyp' box with brand heic, a 'meta' box), then junk. */
export function heicLikeBytes(): Uint8Array {
  const box = (type: string, payload: Uint8Array) => Buffer.concat([be32(payload.length + 8), ascii(type), payload]);
  const ftyp = box('ftyp', ascii('heic\0\0\0\0mif1heicmiaf'));
  const ispe = box('ispe', Buffer.concat([be32(0), be32(4032), be32(3024)]));
  const meta = box('meta', Buffer.concat([be32(0), box('iprp', box('ipco', ispe))]));
  const junk = Uint8Array.from({ length: 2000 }, (_, i) => (i * 131 + 7) % 256);
  return Buffer.concat([ftyp, meta, junk]);
}

/** Where a script inside a test SVG would report to, if it ever ran. */
export const SVG_SCRIPT_PROBE = '/svg-script-ran';
/** An external image the test SVG links to; an image-context SVG must never fetch it. */
export const SVG_EXTERNAL_PROBE = '/svg-external-image.png';

/**
 * A 40×30 SVG: a red rectangle. With `script`, it also tries to run script and fetch, four ways;
 * give `origin` to make those URLs absolute (a relative one resolves nowhere in a blob: document).
 */
export function svgBytes({ script = false, origin = '' } = {}): Uint8Array {
  const probe = `${origin}${SVG_SCRIPT_PROBE}`;
  const attack = `
  <script>window.top.svgScriptRan = true; fetch('${probe}?script');</script>
  <image href="${origin}${SVG_EXTERNAL_PROBE}" width="10" height="10"/>
  <rect width="1" height="1" fill="red" onload="fetch('${probe}?onload')"/>
  <set attributeName="fill" to="red" begin="0s" onbegin="fetch('${probe}?onbegin')"/>`;
  return ascii(`<?xml version="1.0" encoding="UTF-8"?>
<!-- a test drawing -->
<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30" viewBox="0 0 40 30">
  <rect width="40" height="30" fill="rgb(255, 0, 0)"/>${script ? attack : ''}
</svg>
`);
}

export const textBytes = (): Uint8Array => ascii('Shopping list\n- eggs\n- flour\n- a photo of a cat\n');

export const pdfBytes = (): Uint8Array => ascii('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Bytes that are nothing in particular (no magic number, not text). */
export const unknownBytes = (): Uint8Array => Uint8Array.from({ length: 1000 }, (_, i) => (i * 37 + 11) % 256 || 1);

// ---- JPEG: encoded by the page, edited here --------------------------------------------------

/** A JPEG made by the page's canvas: the left half `left`, the right half `right`. */
export async function jpegInPage(page: Page, width: number, height: number, left: Rgb = [255, 0, 0], right: Rgb = [0, 0, 255]): Promise<Uint8Array> {
  const base64 = await page.evaluate(
    async ({ width, height, left, right }) => {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d')!;
      context.fillStyle = `rgb(${left.join(',')})`;
      context.fillRect(0, 0, width / 2, height);
      context.fillStyle = `rgb(${right.join(',')})`;
      context.fillRect(width / 2, 0, width / 2, height);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let text = '';
      for (const byte of bytes) text += String.fromCharCode(byte);
      return btoa(text);
    },
    { width, height, left, right },
  );
  return Buffer.from(base64, 'base64');
}

/** The first `fraction` of the file. */
export const truncated = (bytes: Uint8Array, fraction: number): Uint8Array => bytes.slice(0, Math.floor(bytes.length * fraction));

/** The JPEG's magic number (FF D8 FF) kept, its markers, tables and frame header overwritten with junk. */
export function corruptedJpeg(jpeg: Uint8Array): Uint8Array {
  const bytes = Uint8Array.from(jpeg);
  for (let i = 3; i < Math.min(bytes.length, 600); i++) bytes[i] = (i * 89 + 3) % 251;
  return bytes;
}

/** The JPEG with an EXIF APP1 segment (IFD0: one orientation entry) inserted after SOI. */
export function withExifOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  const tiff = Buffer.from([
    ...ascii('MM'), 0, 42, 0, 0, 0, 8, // big-endian header, IFD0 at 8
    0, 1, // one entry
    0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, // orientation, SHORT, count 1
    0, 0, 0, 0, // no next IFD
  ]);
  const payload = Buffer.concat([ascii('Exif\0\0'), tiff]);
  const length = payload.length + 2;
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1, length >> 8, length & 0xff]), payload, jpeg.subarray(2)]);
}

/** A PNG whose header claims another size: a "decompression bomb" when the claim is huge. */
export function withPngSize(png: Uint8Array, width: number, height: number): Uint8Array {
  const bytes = Buffer.from(png);
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)), 29); // IHDR's type and data
  return bytes;
}

// ---- The inputs a decoder must refuse, or accept with a caveat ------------------------------

export interface ImageFileCase {
  /** What the file is, for a test's name. */
  readonly what: string;
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Fragments of the message (refusal or note) that the user must see. */
  readonly message: readonly string[];
}

/** Files that decodeImage refuses; `jpeg` is any complete JPEG (from jpegInPage). */
export function badImageFiles(jpeg: Uint8Array): ImageFileCase[] {
  return [
    { what: 'an empty file', name: 'empty.png', bytes: new Uint8Array(), message: ['“empty.png” is empty (0 bytes)', 'Choose another file'] },
    { what: 'a text file', name: 'notes.txt', bytes: textBytes(), message: ['“notes.txt” looks like text, not an image', 'JPEG, PNG'] },
    { what: 'text named .jpg', name: 'holiday.jpg', bytes: textBytes(), message: ['“holiday.jpg” looks like text, not an image'] },
    { what: 'a PDF', name: 'scan.pdf', bytes: pdfBytes(), message: ['“scan.pdf” is a PDF document, not an image', 'Export the page as a JPEG or PNG'] },
    { what: 'unknown bytes', name: 'data.bin', bytes: unknownBytes(), message: ['“data.bin” is not an image this page recognises'] },
    {
      what: 'a HEIC photo',
      name: 'IMG_0001.HEIC',
      bytes: heicLikeBytes(),
      message: ['“IMG_0001.HEIC” is a HEIC image, which this browser cannot decode. Convert it to JPEG or PNG.'],
    },
    { what: 'a TIFF', name: 'scan.tif', bytes: Buffer.concat([ascii('II*\0'), Buffer.from([8, 0, 0, 0, 0, 0, 0, 0, 0, 0])]), message: ['“scan.tif” is a TIFF image, which this browser cannot decode'] },
    { what: 'a JPEG with a corrupt header', name: 'broken.jpg', bytes: corruptedJpeg(jpeg), message: ['“broken.jpg” is a damaged JPEG', 're-save it'] },
    { what: 'a JPEG cut at 5%', name: 'cut.jpg', bytes: truncated(jpeg, 0.05), message: ['“cut.jpg” is a JPEG that ends early', 'too little of it is left', 'download it again'] },
    { what: 'a PNG with corrupt image data', name: 'broken.png', bytes: corruptedPng(), message: ['“broken.png” is a damaged PNG'] },
    {
      what: 'a PNG claiming 100000×100000 pixels',
      name: 'bomb.png',
      bytes: withPngSize(pngBytes(1, 1), 100_000, 100_000),
      message: ['“bomb.png” is 100000×100000 pixels', 'more than this page will decode', 'Resize it'],
    },
  ];
}

/** A file over decodeImage's 100 MB limit; make it in the page (`new Blob([new ArrayBuffer(size)])`). */
export const OVERSIZED_FILE = { name: 'panorama.tiff', size: 150e6, message: ['“panorama.tiff” is 150 MB, over this page\'s 100 MB limit', 'smaller copy'] } as const;

/** Files that decode, with a note the user must see; `size` is the width and height reported. */
export function notedImageFiles(jpeg: Uint8Array): (ImageFileCase & { readonly size: readonly [number, number] })[] {
  const gradient = pngBytes(64, 48, (x, y) => [x * 4, y * 5, 100]);
  const { width, height } = sniffImage(jpeg).size!;
  return [
    { what: 'a JPEG cut at 60%', name: 'half.jpg', bytes: truncated(jpeg, 0.6), size: [width, height], message: ['“half.jpg” ends early: the file is truncated; the missing part shows grey.'] },
    { what: 'a PNG cut at 60%', name: 'half.png', bytes: truncated(gradient, 0.6), size: [64, 48], message: ['“half.png” ends early'] },
    { what: 'a 1×1 PNG', name: 'dot.png', bytes: pngBytes(1, 1, () => [10, 200, 30]), size: [1, 1], message: ['“dot.png” is 1×1 pixel: the network sees one colour.'] },
    { what: 'an animated GIF', name: 'spinner.gif', bytes: animatedGifBytes(), size: [8, 8], message: ['“spinner.gif” is an animated GIF (2 frames): only the first frame is classified.'] },
    { what: 'an SVG drawing', name: 'drawing.svg', bytes: svgBytes(), size: [40, 30], message: ['SVG drawing rendered at 1024×768 pixels'] },
  ];
}

/** A gradient PNG whose compressed data is overwritten with junk (its CRCs left wrong too). */
function corruptedPng(): Uint8Array {
  const bytes = Buffer.from(pngBytes(64, 48, (x, y) => [x * 4, y * 5, 100]));
  const idat = 33 + 8; // after signature and IHDR: length, type, then data
  for (let i = idat; i < Math.min(bytes.length - 12, idat + 40); i++) bytes[i] = 0xaa;
  return bytes;
}
