// Each network's torchvision input preparation against what torchvision does from the bytes, step
// by step in float32 as torch computes it: ToTensor (byte / 255), Normalize ((x − mean) / std),
// and for GoogLeNet its transform_input (x · (std / 0.5) + (mean − 0.5) / 0.5), on for its
// ImageNet weights; and the crop before it, Resize(256) then CenterCrop(224).

import { describe, expect, it } from 'vitest';
import { getNetwork } from './networks';
import { cropShare, describePreparation, KERAS_CAFFE, MINUS_ONE_TO_ONE, prepareRgb, TORCHVISION_IMAGENET } from './input-preparation';

const f = Math.fround;
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

/** Every byte value in every channel: 256 pixels, pixel i = (i, 255 − i, (7·i) mod 256). */
const rgb = Uint8Array.from({ length: 256 * 3 }, (_, j) => {
  const [i, k] = [Math.floor(j / 3), j % 3];
  return [i, 255 - i, (7 * i) % 256][k];
});

/** torchvision's steps on one value of channel k. */
const normalize = (byte: number, k: number) => f(f(f(byte / 255) - f(MEAN[k])) / f(STD[k]));
const transformInput = (x: number, k: number) => f(f(x * f(STD[k] / 0.5)) + f((MEAN[k] - 0.5) / 0.5));

function maxDifference(ours: Float32Array, theirs: (byte: number, k: number) => number): number {
  return Math.max(...Array.from(ours, (v, j) => Math.abs(v - theirs(rgb[j], j % 3))));
}

describe('inputs.torchvision is what torchvision computes from the bytes', () => {
  it('resnet and vgg: ToTensor, then the ImageNet mean and std', () => {
    for (const name of ['resnet', 'vgg']) {
      const preparation = getNetwork(name).inputs.torchvision;
      expect(preparation).toEqual(TORCHVISION_IMAGENET);
      expect(maxDifference(prepareRgb(rgb, TORCHVISION_IMAGENET), normalize)).toBeLessThan(1e-6);
    }
  });

  it('googlenet: the normalization and transform_input cancel to (byte / 255 − 0.5) / 0.5', () => {
    const preparation = getNetwork('googlenet').inputs.torchvision;
    expect(preparation).toEqual({ mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5], range: 1, channelOrder: 'rgb', crop: 0.875 });
    const ours = prepareRgb(rgb, preparation ?? TORCHVISION_IMAGENET);
    // Float32 rounding in torch's three steps, at most a few ulps of values in [-1, 1].
    expect(maxDifference(ours, (byte, k) => transformInput(normalize(byte, k), k))).toBeLessThan(1e-6);
    expect([ours[0], ours[3 * 255]]).toEqual([-1, 1]);
  });
});

describe('the crop: the share of the shorter side the centre square keeps', () => {
  it('torchvision: Resize(256) then CenterCrop(224) keeps 224/256 = 0.875 of it, for every network', () => {
    for (const name of ['googlenet', 'resnet', 'vgg']) expect(cropShare(getNetwork(name).inputs.torchvision ?? MINUS_ONE_TO_ONE)).toBe(0.875);
  });

  it('ours and Keras\' keep the whole centre square', () => {
    expect([cropShare(MINUS_ONE_TO_ONE), cropShare(KERAS_CAFFE)]).toEqual([1, 1]);
  });

  it('is said in words', () => {
    expect(describePreparation(TORCHVISION_IMAGENET)).toBe('mean 0.485 / 0.456 / 0.406 subtracted, divided by its std; the centre 87.5% of the shorter side');
    expect(describePreparation(MINUS_ONE_TO_ONE)).toBe('scaled to [-1, 1]');
  });
});
