// The browser-friendly form of a dataset, as `npm run data` writes it under public/data/ and as
// the built-in digits are served: a manifest (image size, classes, one file per split) and, per
// split, one file of `count` label bytes followed by the channels-last pixel bytes.

import type { LabeledImages } from './dataset';

export interface ImageSetManifest {
  readonly name: string;
  readonly height: number;
  readonly width: number;
  readonly channels: 1 | 3;
  readonly classNames: readonly string[];
  /** Split name ("train", "test") → file name beside the manifest and its image count. */
  readonly splits: Readonly<Record<string, { readonly file: string; readonly count: number }>>;
  /** Where the images come from, shown next to the dataset's name. */
  readonly source: string;
}

export class ImageSetError extends Error {
  override name = 'ImageSetError';
}

/** The bytes of one split: labels then pixels. */
export function encodeImageSet(data: LabeledImages): Uint8Array {
  const bytes = new Uint8Array(data.count + data.pixels.length);
  bytes.set(data.labels, 0);
  bytes.set(data.pixels, data.count);
  return bytes;
}

export function decodeImageSet(bytes: Uint8Array, manifest: ImageSetManifest, split: string): LabeledImages {
  const entry = manifest.splits[split];
  if (!entry) throw new ImageSetError(`${manifest.name} has no "${split}" split; it has ${Object.keys(manifest.splits).join(', ')}.`);
  const size = manifest.height * manifest.width * manifest.channels;
  const expected = entry.count * (1 + size);
  if (bytes.length !== expected) {
    throw new ImageSetError(`${manifest.name} ${split}: ${bytes.length} bytes, expected ${expected} (${entry.count} images of ${manifest.height}×${manifest.width}×${manifest.channels}).`);
  }
  const labels = bytes.subarray(0, entry.count);
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] >= manifest.classNames.length) {
      throw new ImageSetError(`${manifest.name} ${split}: image ${i} has label ${labels[i]}, but there are ${manifest.classNames.length} classes.`);
    }
  }
  return {
    name: `${manifest.name} ${split}`,
    count: entry.count,
    height: manifest.height,
    width: manifest.width,
    channels: manifest.channels,
    pixels: bytes.subarray(entry.count),
    labels,
    classNames: manifest.classNames,
  };
}
