// CIFAR-10's official binary layout (cifar-10-binary.tar.gz): files of 3,073-byte records, a label
// byte then 1,024 red, 1,024 green and 1,024 blue bytes, each plane row-major 32×32. We turn the
// planes into channels-last pixels, the layout tfjs works in.

import type { LabeledImages } from './dataset';

export const CIFAR10_CLASSES = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
] as const;

const SIDE = 32;
const PLANE = SIDE * SIDE;
export const CIFAR10_RECORD_BYTES = 1 + 3 * PLANE;

/** Thrown for bytes that are not CIFAR-10 records; the message names the file and what is wrong. */
export class CifarFormatError extends Error {
  override name = 'CifarFormatError';
}

/** Parses one data_batch_N.bin or test_batch.bin. */
export function parseCifar10(bytes: Uint8Array, name: string, classNames: readonly string[] = CIFAR10_CLASSES): LabeledImages {
  if (bytes.length === 0 || bytes.length % CIFAR10_RECORD_BYTES !== 0) {
    throw new CifarFormatError(
      `${name}: ${bytes.length.toLocaleString('en-US')} bytes is not a whole number of ${CIFAR10_RECORD_BYTES}-byte CIFAR-10 records.`,
    );
  }
  const count = bytes.length / CIFAR10_RECORD_BYTES;
  const labels = new Uint8Array(count);
  const pixels = new Uint8Array(count * PLANE * 3);
  for (let i = 0; i < count; i++) {
    const record = i * CIFAR10_RECORD_BYTES;
    const label = bytes[record];
    if (label >= classNames.length) {
      throw new CifarFormatError(`${name}: record ${i} has label ${label}; CIFAR-10 labels are 0 to ${classNames.length - 1}.`);
    }
    labels[i] = label;
    const out = i * PLANE * 3;
    for (let p = 0; p < PLANE; p++) {
      pixels[out + p * 3] = bytes[record + 1 + p];
      pixels[out + p * 3 + 1] = bytes[record + 1 + PLANE + p];
      pixels[out + p * 3 + 2] = bytes[record + 1 + 2 * PLANE + p];
    }
  }
  return { name, count, height: SIDE, width: SIDE, channels: 3, pixels, labels, classNames };
}

/** The records of images (channels last) in CIFAR-10's binary layout: the inverse of parseCifar10. */
export function encodeCifar10(data: LabeledImages): Uint8Array {
  if (data.height !== SIDE || data.width !== SIDE || data.channels !== 3) {
    throw new CifarFormatError(`CIFAR-10 records hold 32×32×3 images, not ${data.height}×${data.width}×${data.channels}.`);
  }
  const bytes = new Uint8Array(data.count * CIFAR10_RECORD_BYTES);
  for (let i = 0; i < data.count; i++) {
    const record = i * CIFAR10_RECORD_BYTES;
    bytes[record] = data.labels[i];
    const from = i * PLANE * 3;
    for (let p = 0; p < PLANE; p++) {
      for (let c = 0; c < 3; c++) bytes[record + 1 + c * PLANE + p] = data.pixels[from + p * 3 + c];
    }
  }
  return bytes;
}
