// Reads CIFAR-10 from a folder in the official binary layout (data_batch_1.bin … data_batch_5.bin,
// test_batch.bin, optionally batches.meta.txt with the class names).

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CIFAR10_CLASSES, parseCifar10 } from '../data/cifar10';
import { concatImages, type LabeledImages } from '../data/dataset';

/** A folder that is not CIFAR-10: the message says what was expected. */
export class DataFolderError extends Error {
  override name = 'DataFolderError';
}

function classNames(dir: string): readonly string[] {
  const meta = join(dir, 'batches.meta.txt');
  if (!existsSync(meta)) return CIFAR10_CLASSES;
  const names = readFileSync(meta, 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);
  return names.length === 10 ? names : CIFAR10_CLASSES;
}

export function trainingFiles(dir: string): string[] {
  if (!existsSync(dir)) throw new DataFolderError(`${dir}: no such folder.`);
  return readdirSync(dir)
    .filter((file) => /^data_batch_\d+\.bin$/.test(file))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
}

/** The training images (every data_batch_N.bin, in order) or the test images (test_batch.bin). */
export function readCifarFolder(dir: string, split: 'train' | 'test'): LabeledImages {
  const names = classNames(dir);
  if (split === 'test') {
    const file = join(dir, 'test_batch.bin');
    if (!existsSync(file)) throw new DataFolderError(`${dir} has no test_batch.bin (CIFAR-10's binary layout).`);
    return parseCifar10(new Uint8Array(readFileSync(file)), 'CIFAR-10 test', names);
  }
  const files = trainingFiles(dir);
  if (files.length === 0) throw new DataFolderError(`${dir} has no data_batch_N.bin files (CIFAR-10's binary layout).`);
  return concatImages(
    files.map((file) => parseCifar10(new Uint8Array(readFileSync(join(dir, file))), file, names)),
    'CIFAR-10 train',
  );
}
