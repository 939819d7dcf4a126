// Every kind of file the sniffer tells apart, as data: its name in messages and whether
// browsers decode it (HEIC and TIFF only Safari; PDF and text are not images at all).

export type FileFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'bmp' | 'ico' | 'avif' | 'heic' | 'heif' | 'tiff' | 'svg' | 'pdf' | 'text' | 'unknown';

interface FormatInfo {
  /** How a person names it: "a HEIC image", "a PDF". */
  readonly name: string;
  readonly isImage: boolean;
  /** Chromium, Firefox and Safari all decode it. */
  readonly browsersDecode: boolean;
  /** The MIME type to decode it as (a user's file often has none, or a wrong one). */
  readonly mime: string;
}

export const FORMATS: Readonly<Record<FileFormat, FormatInfo>> = {
  jpeg: { name: 'JPEG', isImage: true, browsersDecode: true, mime: 'image/jpeg' },
  png: { name: 'PNG', isImage: true, browsersDecode: true, mime: 'image/png' },
  gif: { name: 'GIF', isImage: true, browsersDecode: true, mime: 'image/gif' },
  webp: { name: 'WebP', isImage: true, browsersDecode: true, mime: 'image/webp' },
  bmp: { name: 'BMP', isImage: true, browsersDecode: true, mime: 'image/bmp' },
  ico: { name: 'ICO', isImage: true, browsersDecode: true, mime: 'image/x-icon' },
  avif: { name: 'AVIF', isImage: true, browsersDecode: true, mime: 'image/avif' },
  heic: { name: 'HEIC', isImage: true, browsersDecode: false, mime: 'image/heic' },
  heif: { name: 'HEIF', isImage: true, browsersDecode: false, mime: 'image/heif' },
  tiff: { name: 'TIFF', isImage: true, browsersDecode: false, mime: 'image/tiff' },
  svg: { name: 'SVG', isImage: true, browsersDecode: true, mime: 'image/svg+xml' },
  pdf: { name: 'PDF', isImage: false, browsersDecode: false, mime: 'application/pdf' },
  text: { name: 'text', isImage: false, browsersDecode: false, mime: 'text/plain' },
  unknown: { name: 'unknown', isImage: false, browsersDecode: false, mime: 'application/octet-stream' },
};
