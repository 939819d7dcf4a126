import { describe, expect, it } from 'vitest';
import { sniffImage } from './sniff';

// Hand-made headers: just enough bytes for each format's magic and size fields.
const text = (s: string) => [...s].map((c) => c.charCodeAt(0));
const be16 = (n: number) => [n >> 8, n & 0xff];
const be32 = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const le16 = (n: number) => [n & 0xff, n >> 8];
const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
const bytes = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? text(p) : p)));

const segment = (marker: number, payload: number[]) => [0xff, marker, ...be16(payload.length + 2), ...payload];
const sof = (marker: number, width: number, height: number) => segment(marker, [8, ...be16(height), ...be16(width), 1, 1, 0x11, 0]);
/** An EXIF APP1 segment whose IFD0 holds one orientation entry. */
const exif = (orientation: number, order: 'II' | 'MM' = 'MM') => {
  const u16 = order === 'MM' ? be16 : le16;
  const u32 = order === 'MM' ? be32 : le32;
  const tiff = [...text(order), ...u16(42), ...u32(8), ...u16(1), ...u16(0x0112), ...u16(3), ...u32(1), ...u16(orientation), 0, 0, ...u32(0)];
  return segment(0xe1, [...text('Exif\0\0'), ...tiff]);
};
const scan = [...segment(0xda, [1, 1, 0, 0, 63, 0]), 0x12, 0xff, 0x00, 0x34, 0xff, 0xd3, 0x56];
const jpeg = (...segments: number[][]) => bytes([0xff, 0xd8], ...segments, scan, [0xff, 0xd9]);

const chunk = (type: string, data: number[]) => [...be32(data.length), ...text(type), ...data, 0, 0, 0, 0];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ihdr = (w: number, h: number) => chunk('IHDR', [...be32(w), ...be32(h), 8, 2, 0, 0, 0]);
const png = (w: number, h: number, ...extra: number[][]) => bytes(PNG_SIGNATURE, ihdr(w, h), ...extra, chunk('IDAT', [1, 2, 3]), chunk('IEND', []));

const gifFrame = [0x2c, 0, 0, 0, 0, ...le16(2), ...le16(2), 0, 2, 2, 0x44, 0x01, 0];
const gif = (frames: number, globalTable = true) =>
  bytes('GIF89a', le16(7), le16(5), [globalTable ? 0x80 : 0, 0, 0], globalTable ? [0, 0, 0, 255, 255, 255] : [],
    [0x21, 0xff, 11, ...text('NETSCAPE2.0'), 3, 1, 0, 0, 0], // looping extension
    ...Array.from({ length: frames }, () => [0x21, 0xf9, 4, 0, 10, 0, 0, 0, ...gifFrame]), [0x3b]);

const box = (type: string, payload: number[]) => [...be32(payload.length + 8), ...text(type), ...payload];
const ftyp = (major: string, ...compatible: string[]) => box('ftyp', [...text(major), 0, 0, 0, 0, ...compatible.flatMap(text)]);
const ispe = (w: number, h: number) => box('ispe', [0, 0, 0, 0, ...be32(w), ...be32(h)]);
const heifMeta = (...sizes: [number, number][]) => box('meta', [0, 0, 0, 0, ...box('hdlr', [0, 0, 0, 0]), ...box('iprp', box('ipco', sizes.flatMap(([w, h]) => ispe(w, h))))]);

describe('sniffImage: formats by magic bytes', () => {
  const cases: [string, Uint8Array, string, boolean][] = [
    ['JPEG', jpeg(sof(0xc0, 4, 3)), 'JPEG', true],
    ['PNG', png(4, 3), 'PNG', true],
    ['GIF', gif(1), 'GIF', true],
    ['WebP', bytes('RIFF', le32(30), 'WEBPVP8L', le32(5), [0x2f, 0, 0, 0, 0]), 'WebP', true],
    ['BMP', bytes('BM', le32(0), le32(0), le32(54), le32(40), le32(4), le32(3)), 'BMP', true],
    ['ICO', bytes([0, 0, 1, 0], le16(1), [16, 16, 0, 0], le16(1), le16(32), le32(0), le32(22)), 'ICO', true],
    ['AVIF (major brand)', bytes(ftyp('avif', 'mif1', 'miaf')), 'AVIF', true],
    ['AVIF (mif1 major, avif compatible)', bytes(ftyp('mif1', 'avif', 'miaf')), 'AVIF', true],
    ['TIFF (little-endian)', bytes('II*\0', le32(8), le16(0), le32(0)), 'TIFF', false],
    ['TIFF (big-endian)', bytes('MM\0*', be32(8), be16(0), be32(0)), 'TIFF', false],
    ['PDF', bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'PDF', false],
    ['plain text', bytes('Dear reader,\nthis is not an image.\n'), 'text', false],
    ['random bytes', Uint8Array.from({ length: 200 }, (_, i) => (i * 97 + 13) % 256), 'unknown', false],
  ];
  for (const [label, input, name, browsersDecode] of cases) {
    it(`sniffImage(${label}) → ${name}`, () => {
      const sniffed = sniffImage(input);
      expect(sniffed.name).toBe(name);
      expect(sniffed.browsersDecode).toBe(browsersDecode);
    });
  }

  for (const brand of ['heic', 'heix', 'hevc', 'heim', 'heis']) {
    it(`sniffImage(ftyp ${brand}) → HEIC, which browsers do not decode`, () => {
      const sniffed = sniffImage(bytes(ftyp(brand, 'mif1', brand), [1, 2, 3, 250, 251]));
      expect([sniffed.format, sniffed.name, sniffed.isImage, sniffed.browsersDecode]).toEqual(['heic', 'HEIC', true, false]);
    });
  }
  for (const brand of ['mif1', 'msf1']) {
    it(`sniffImage(ftyp ${brand} alone) → HEIF`, () => {
      expect(sniffImage(bytes(ftyp(brand, brand, 'miaf'))).name).toBe('HEIF');
    });
  }
  it('sniffImage(ftyp mp42): a video is not an image', () => {
    expect(sniffImage(bytes(ftyp('mp42', 'isom', 'mp41'), [0, 0, 0xff, 0xfe])).format).toBe('unknown');
  });
  it('sniffImage(HEIC with meta/iprp/ipco): the largest ispe is the image size', () => {
    expect(sniffImage(bytes(ftyp('heic', 'mif1'), heifMeta([320, 240], [4032, 3024], [512, 512]))).size).toEqual({ width: 4032, height: 3024 });
  });
});

describe('sniffImage: sizes from headers', () => {
  it('PNG: IHDR', () => expect(sniffImage(png(12000, 9000)).size).toEqual({ width: 12000, height: 9000 }));
  it('GIF: logical screen', () => expect(sniffImage(gif(1)).size).toEqual({ width: 7, height: 5 }));
  it('JPEG: SOF0 after APP0, DQT and DHT', () => {
    const app0 = segment(0xe0, [...text('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
    const dqt = segment(0xdb, Array(65).fill(1));
    const dht = segment(0xc4, [0, ...Array(16).fill(0)]);
    expect(sniffImage(jpeg(app0, dqt, dht, sof(0xc0, 640, 480))).size).toEqual({ width: 640, height: 480 });
  });
  it('JPEG: DHT, DAC and JPG markers are not frame headers; progressive SOF2 is', () => {
    const lookalike = (marker: number) => segment(marker, [8, ...be16(1), ...be16(1), 1, 1, 0x11, 0]);
    const sniffed = sniffImage(jpeg(lookalike(0xc4), lookalike(0xcc), lookalike(0xc8), sof(0xc2, 800, 600)));
    expect(sniffed.size).toEqual({ width: 800, height: 600 });
  });
  it('JPEG: fill bytes and standalone markers between segments are skipped', () => {
    expect(sniffImage(jpeg([0xff, 0xff], [0xff, 0x01], sof(0xc1, 33, 44))).size).toEqual({ width: 33, height: 44 });
  });
  it('WebP lossy (VP8)', () => {
    const vp8 = [0, 0, 0, 0x9d, 0x01, 0x2a, ...le16(400 | 0x4000), ...le16(300)]; // top bits are scaling
    expect(sniffImage(bytes('RIFF', le32(30), 'WEBPVP8 ', le32(10), vp8)).size).toEqual({ width: 400, height: 300 });
  });
  it('WebP lossless (VP8L)', () => {
    const bits = (640 - 1) | ((480 - 1) << 14);
    expect(sniffImage(bytes('RIFF', le32(30), 'WEBPVP8L', le32(5), [0x2f], le32(bits))).size).toEqual({ width: 640, height: 480 });
  });
  it('WebP extended (VP8X), animated flag', () => {
    const vp8x = (flags: number) => bytes('RIFF', le32(30), 'WEBPVP8X', le32(10), [flags, 0, 0, 0], [0x1f, 0x03, 0], [0xdf, 0x01, 0]);
    expect(sniffImage(vp8x(0)).size).toEqual({ width: 800, height: 480 });
    expect(sniffImage(vp8x(0)).animated).toBe(false);
    expect(sniffImage(vp8x(0x02)).animated).toBe(true);
  });
  it('BMP: info header, negative (top-down) height', () => {
    expect(sniffImage(bytes('BM', le32(0), le32(0), le32(54), le32(40), le32(300), le32(-200 >>> 0))).size).toEqual({ width: 300, height: 200 });
  });
  it('BMP: old core header with 16-bit sizes', () => {
    expect(sniffImage(bytes('BM', le32(0), le32(0), le32(26), le32(12), le16(64), le16(32), le16(1), le16(24))).size).toEqual({ width: 64, height: 32 });
  });
  it('ICO: the largest entry; 0 means 256', () => {
    const entry = (w: number) => [w, w, 0, 0, ...le16(1), ...le16(32), ...le32(0), ...le32(0)];
    expect(sniffImage(bytes([0, 0, 1, 0], le16(2), entry(16), entry(0))).size).toEqual({ width: 256, height: 256 });
  });
  it('TIFF: width and height tags of IFD0', () => {
    const entry = (tag: number, value: number) => [...le16(tag), ...le16(4), ...le32(1), ...le32(value)];
    expect(sniffImage(bytes('II*\0', le32(8), le16(2), entry(0x100, 5000), entry(0x101, 4000), le32(0))).size).toEqual({ width: 5000, height: 4000 });
  });
});

describe('sniffImage: JPEG orientation and truncation', () => {
  for (const [orientation, oriented] of [[1, [640, 480]], [3, [640, 480]], [5, [480, 640]], [6, [480, 640]], [8, [480, 640]]] as const) {
    it(`EXIF orientation ${orientation} → displayed ${oriented.join('×')}`, () => {
      const sniffed = sniffImage(jpeg(exif(orientation), sof(0xc0, 640, 480)));
      expect(sniffed.orientation).toBe(orientation);
      expect(sniffed.size).toEqual({ width: 640, height: 480 });
      expect(sniffed.orientedSize).toEqual({ width: oriented[0], height: oriented[1] });
    });
  }
  it('EXIF in little-endian (II) byte order', () => {
    expect(sniffImage(jpeg(exif(6, 'II'), sof(0xc0, 640, 480))).orientation).toBe(6);
  });
  it('an out-of-range orientation (9) counts as 1', () => {
    expect(sniffImage(jpeg(exif(9), sof(0xc0, 640, 480))).orientation).toBe(1);
  });
  it('a complete JPEG is not truncated; one without EOI is', () => {
    const whole = jpeg(sof(0xc0, 8, 8));
    expect(sniffImage(whole).truncated).toBe(false);
    expect(sniffImage(whole.subarray(0, whole.length - 2)).truncated).toBe(true);
    expect(sniffImage(whole.subarray(0, 30)).truncated).toBe(true);
  });
  it('junk where the markers should be is damage, not truncation', () => {
    const junk = Array.from({ length: 100 }, (_, i) => (i * 89 + 3) % 251 || 1);
    expect(sniffImage(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], Array(14).fill(0), junk)).truncated).toBe(false);
    expect(sniffImage(bytes([0xff, 0xd8, 0xff, 0x13], junk)).truncated).toBe(false);
  });
  it('a segment running past the end of the file is truncation', () => {
    expect(sniffImage(bytes([0xff, 0xd8], segment(0xe0, Array(40).fill(1))).subarray(0, 20)).truncated).toBe(true);
  });
  it('an EOI inside the EXIF thumbnail (before the scan) does not count', () => {
    const thumbnail = segment(0xe1, [...text('Exif\0\0'), 0xff, 0xd8, 0xff, 0xd9]);
    const whole = jpeg(thumbnail, sof(0xc0, 8, 8));
    expect(sniffImage(whole.subarray(0, whole.length - 2)).truncated).toBe(true);
  });
  it('data appended after EOI (as some phones do) is not truncation', () => {
    expect(sniffImage(bytes([...jpeg(sof(0xc0, 8, 8))], 'trailer data')).truncated).toBe(false);
  });
});

describe('sniffImage: PNG and GIF animation, PNG truncation', () => {
  it('GIF with one frame is still; with three, animated', () => {
    expect(sniffImage(gif(1))).toMatchObject({ frames: 1, animated: false });
    expect(sniffImage(gif(3))).toMatchObject({ frames: 3, animated: true });
    expect(sniffImage(gif(2, false))).toMatchObject({ frames: 2, animated: true });
  });
  it('APNG: acTL announces the frames', () => {
    expect(sniffImage(png(4, 4, chunk('acTL', [...be32(5), ...be32(0)])))).toMatchObject({ frames: 5, animated: true });
  });
  it('a PNG without IEND is truncated', () => {
    const whole = png(4, 3);
    expect(sniffImage(whole).truncated).toBe(false);
    expect(sniffImage(whole.subarray(0, whole.length - 5)).truncated).toBe(true);
  });
});

describe('sniffImage: SVG and text', () => {
  const svg = (s: string) => sniffImage(new TextEncoder().encode(s)).format;
  it('a bare <svg> root', () => expect(svg('<svg xmlns="http://www.w3.org/2000/svg"/>')).toBe('svg'));
  it('after a BOM, whitespace, XML declaration, comments and a doctype with an internal subset', () => {
    const prolog = '\uFEFF  \n<?xml version="1.0"?>\n<!-- made by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd" [ <!ENTITY a "<b>"> ]>\n<!-- again -->';
    expect(svg(`${prolog}<svg width="10" height="10"></svg>`)).toBe('svg');
  });
  it('a namespace-prefixed root', () => expect(svg('<svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>')).toBe('svg'));
  it('HTML and other XML are text, not SVG', () => {
    expect(svg('<!doctype html><html><body><svg></svg></body></html>')).toBe('text');
    expect(svg('<?xml version="1.0"?><svgfoo/>')).toBe('text');
  });
  it('UTF-8 text with accents is text; a NUL byte makes it binary', () => {
    expect(svg('Grüße, naïve café ✓')).toBe('text');
    expect(sniffImage(bytes('hello\0world')).format).toBe('unknown');
  });
  it('UTF-16 text with a BOM is text', () => {
    expect(sniffImage(bytes([0xff, 0xfe], [...'hi there'].flatMap((c) => [c.charCodeAt(0), 0]))).format).toBe('text');
  });
});

describe('sniffImage: never throws', () => {
  const samples = [jpeg(exif(6), sof(0xc0, 640, 480)), png(4, 3), gif(3), bytes(ftyp('heic'), heifMeta([10, 10])), bytes('RIFF', le32(30), 'WEBPVP8X', le32(10), [2, 0, 0, 0, 1, 0, 0, 1, 0, 0])];
  it('on every prefix of every sample, the empty array included', () => {
    for (const sample of samples) {
      for (let n = 0; n <= sample.length; n++) expect(() => sniffImage(sample.subarray(0, n))).not.toThrow();
    }
  });
  it('on the empty array: unknown, no size', () => {
    expect(sniffImage(new Uint8Array(0))).toMatchObject({ format: 'unknown', size: undefined, truncated: false });
  });
  it('on prefixes, sizes are either right or absent (never 1×1 or NaN)', () => {
    const sample = bytes('RIFF', le32(30), 'WEBPVP8L', le32(5), [0x2f], le32(639 | (479 << 14)));
    for (let n = 0; n < sample.length; n++) expect(sniffImage(sample.subarray(0, n)).size).toBeUndefined();
  });
  it('on garbage after each magic number', () => {
    let seed = 7;
    const junk = () => Array.from({ length: 300 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    for (const magic of [[0xff, 0xd8, 0xff], PNG_SIGNATURE, text('GIF89a'), text('RIFF\0\0\0\0WEBPVP8X'), text('BM'), [0, 0, 1, 0], text('II*\0'), text('MM\0*'), ftyp('heic')]) {
      for (let i = 0; i < 20; i++) expect(() => sniffImage(bytes(magic, junk()))).not.toThrow();
    }
  });
});
