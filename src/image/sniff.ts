// What a file is, from its bytes alone (never its name or MIME type, which users' files get
// wrong): the format, the size the header declares, EXIF orientation, animation, truncation.
// Pure: no DOM, so it runs in Node tests, the page and a worker alike. Never throws.

import { ascii, bytesAt, size as sizeOf } from './bytes';
import { FORMATS, type FileFormat } from './formats';
import { readGifHeader } from './gif-header';
import { ftypBrands, largestImageSize } from './isobmff';
import { readJpegHeader } from './jpeg-header';
import { readPngHeader } from './png-header';
import { readBmpSize, readIcoSize, readWebpHeader } from './riff-bmp-ico';
import { readIfd0, TAG } from './tiff';
import { looksLikeSvg, openingText } from './text-sniff';

export type { FileFormat } from './formats';

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Sniffed {
  readonly format: FileFormat;
  /** Human name: 'JPEG', 'HEIC', 'PDF', 'text'. */
  readonly name: string;
  readonly isImage: boolean;
  /** Browsers in general decode this format (a given browser may still fail on a given file). */
  readonly browsersDecode: boolean;
  /** The stored size from the header, when the format puts it there. */
  readonly size?: Size;
  /** EXIF orientation 1–8 (JPEG); 1 otherwise. */
  readonly orientation: number;
  /** The size as displayed: `size` with width and height swapped for orientations 5–8. */
  readonly orientedSize?: Size;
  /** Frames, when the header tells (GIF, APNG). */
  readonly frames?: number;
  readonly animated: boolean;
  /** The file ends before the format's end marker (JPEG EOI, PNG IEND). */
  readonly truncated: boolean;
}

interface Found {
  readonly format: FileFormat;
  readonly size?: Size;
  readonly orientation?: number;
  readonly frames?: number;
  readonly animated?: boolean;
  readonly truncated?: boolean;
}

const HEIC_BRANDS = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis'];
const HEIF_BRANDS = ['mif1', 'msf1'];
const AVIF_BRANDS = ['avif', 'avis'];

/** The format and header facts of `bytes`. */
export function sniffImage(bytes: Uint8Array): Sniffed {
  const found = identify(bytes);
  const info = FORMATS[found.format];
  const orientation = found.orientation ?? 1;
  const size = found.size;
  const frames = found.frames;
  return {
    format: found.format,
    name: info.name,
    isImage: info.isImage,
    browsersDecode: info.browsersDecode,
    size,
    orientation,
    orientedSize: size && orientation >= 5 ? sizeOf(size.height, size.width) : size,
    frames,
    animated: found.animated ?? (frames !== undefined && frames >= 2),
    truncated: found.truncated ?? false,
  };
}

function identify(b: Uint8Array): Found {
  if (b.length === 0) return { format: 'unknown' };
  if (bytesAt(b, 0, [0xff, 0xd8, 0xff])) {
    const jpeg = readJpegHeader(b);
    return { format: 'jpeg', size: jpeg.size, orientation: jpeg.orientation, truncated: jpeg.truncated };
  }
  if (bytesAt(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { format: 'png', ...readPngHeader(b) };
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return { format: 'gif', ...readGifHeader(b) };
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return { format: 'webp', ...readWebpHeader(b) };
  if (ascii(b, 0, 2) === 'BM' && b.length >= 26) return { format: 'bmp', size: readBmpSize(b) };
  if (bytesAt(b, 0, [0, 0, 1, 0]) && b.length >= 22) return { format: 'ico', size: readIcoSize(b) };
  if (ascii(b, 0, 4) === 'II*\0' || ascii(b, 0, 4) === 'MM\0*') {
    const tags = readIfd0(b);
    return { format: 'tiff', size: sizeOf(tags.get(TAG.width) ?? 0, tags.get(TAG.height) ?? 0) };
  }
  const brands = ftypBrands(b);
  const isobmff = brandFormat(brands);
  if (isobmff) return { format: isobmff, size: largestImageSize(b) };
  if (ascii(b, 0, 5) === '%PDF-') return { format: 'pdf' };
  const text = openingText(b);
  if (text !== undefined) return { format: looksLikeSvg(text) ? 'svg' : 'text' };
  return { format: 'unknown' };
}

/** The major brand decides; otherwise AVIF wins over the generic HEIF brands that AVIF files also list. */
function brandFormat(brands: readonly string[]): FileFormat | undefined {
  const of = (brand: string): FileFormat | undefined =>
    AVIF_BRANDS.includes(brand) ? 'avif' : HEIC_BRANDS.includes(brand) ? 'heic' : HEIF_BRANDS.includes(brand) ? 'heif' : undefined;
  const major = brands.length > 0 ? of(brands[0]) : undefined;
  if (major && major !== 'heif') return major;
  const compatible = brands.slice(1).map(of);
  return compatible.find((f) => f === 'avif') ?? compatible.find((f) => f === 'heic') ?? major ?? compatible.find((f) => f === 'heif');
}
