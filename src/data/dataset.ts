// Labelled images as training reads them: one byte per channel, rows of pixels, channels last
// (the layout tf.tensor4d takes after scaling), so a dataset is two typed arrays that move to a
// worker or into IndexedDB without copying element by element.

export interface LabeledImages {
  /** Short name shown in the training panel, e.g. "CIFAR-10 test". */
  readonly name: string;
  readonly count: number;
  readonly height: number;
  readonly width: number;
  readonly channels: 1 | 3;
  /** count × height × width × channels bytes, pixel (y, x) channel c of image i at ((i·h + y)·w + x)·ch + c. */
  readonly pixels: Uint8Array;
  /** count labels, each an index into classNames. */
  readonly labels: Uint8Array;
  readonly classNames: readonly string[];
}

/** Images first..first+count-1 as a dataset of their own (sharing the bytes). */
export function sliceImages(data: LabeledImages, first: number, count: number, name = data.name): LabeledImages {
  const size = data.height * data.width * data.channels;
  const end = Math.min(data.count, first + count);
  return {
    ...data,
    name,
    count: end - first,
    pixels: data.pixels.subarray(first * size, end * size),
    labels: data.labels.subarray(first, end),
  };
}

/** One dataset after another (same image size and classes), e.g. CIFAR-10's five training files. */
export function concatImages(parts: readonly LabeledImages[], name: string): LabeledImages {
  if (parts.length === 0) throw new Error('No images to join.');
  const [first] = parts;
  for (const part of parts) {
    if (part.height !== first.height || part.width !== first.width || part.channels !== first.channels) {
      throw new Error(`"${part.name}" has ${part.height}×${part.width}×${part.channels} images, "${first.name}" ${first.height}×${first.width}×${first.channels}.`);
    }
  }
  const pixels = new Uint8Array(parts.reduce((n, p) => n + p.pixels.length, 0));
  const labels = new Uint8Array(parts.reduce((n, p) => n + p.count, 0));
  let offset = 0;
  let index = 0;
  for (const part of parts) {
    pixels.set(part.pixels, offset);
    labels.set(part.labels, index);
    offset += part.pixels.length;
    index += part.count;
  }
  return { ...first, name, count: labels.length, pixels, labels };
}

/** How many images of each class. */
export function classCounts(data: LabeledImages): number[] {
  const counts = new Array<number>(data.classNames.length).fill(0);
  for (const label of data.labels) counts[label]++;
  return counts;
}
