// Everything a person reads when a file cannot be used, or is used with a caveat. Each message
// names the file, says what is wrong, and says what to do. Pure strings: tested in Node, and the
// Classify tab's tests match them.

import type { Size } from './sniff';

const quoted = (name: string) => `“${name}”`;
const dims = ({ width, height }: Size) => `${width}×${height}`;
const megabytes = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
const megapixels = ({ width, height }: Size) => `${Math.round((width * height) / 1e6)} megapixels`;
const anImage = 'Choose a photo or picture file (JPEG, PNG, WebP, GIF…).';

export const refusal = {
  empty: (name: string) => `${quoted(name)} is empty (0 bytes): there is no image in it. Choose another file.`,
  tooManyBytes: (name: string, bytes: number, limit: number) =>
    `${quoted(name)} is ${megabytes(bytes)}, over this page's ${megabytes(limit)} limit. Save a smaller copy (for example as a JPEG) and try that.`,
  tooManyPixels: (name: string, size: Size, limit: number) =>
    `${quoted(name)} is ${dims(size)} pixels (${megapixels(size)}), more than this page will decode (${Math.round(limit / 1e6)} megapixels). Resize it and try again.`,
  text: (name: string) => `${quoted(name)} looks like text, not an image. ${anImage}`,
  pdf: (name: string) => `${quoted(name)} is a PDF document, not an image. Export the page as a JPEG or PNG, or take a screenshot of it.`,
  unknown: (name: string) => `${quoted(name)} is not an image this page recognises. ${anImage}`,
  /** A real image format that this browser has no decoder for (HEIC, TIFF in Chromium). */
  unsupported: (name: string, format: string) => `${quoted(name)} is a ${format} image, which this browser cannot decode. Convert it to JPEG or PNG.`,
  truncated: (name: string, format: string) =>
    `${quoted(name)} is a ${format} that ends early: the file is truncated and too little of it is left to show. Copy or download it again.`,
  corrupt: (name: string, format: string) =>
    `${quoted(name)} is a damaged ${format}: this browser could not decode it. Open and re-save it in an image editor, or choose another file.`,
  svg: (name: string) => `${quoted(name)} is an SVG drawing this browser could not render (it may contain errors). Export it as PNG and try that.`,
};

export const note = {
  truncated: (name: string) => `${quoted(name)} ends early: the file is truncated; the missing part shows grey.`,
  reduced: (original: Size, factor: number, decoded: Size) => `${dims(original)} image decoded at 1/${factor} size (${dims(decoded)}).`,
  onePixel: (name: string) => `${quoted(name)} is 1×1 pixel: the network sees one colour.`,
  animated: (name: string, format: string, frames: number | undefined) =>
    `${quoted(name)} is an animated ${format}${frames ? ` (${frames} frames)` : ''}: only the first frame is classified.`,
  svg: (rendered: Size) => `SVG drawing rendered at ${dims(rendered)} pixels; scripts and external files in it are ignored.`,
};
