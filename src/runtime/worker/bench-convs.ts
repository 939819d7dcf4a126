// The bottleneck lab's three designs of one k×k conv layer, timed on the active backend: a direct
// conv, a 1x1 bottleneck then the k×k conv, and a depthwise-separable conv (analysis/bottleneck.ts).

import * as tf from '@tensorflow/tfjs';
import { validateLab } from '../../analysis/bottleneck';
import type { BenchConvsParams, BenchConvsResult } from './protocol';
import { median } from './stats';

/** Larger tensors than this (elements) are refused rather than exhausting the worker's memory. */
const MAX_ELEMENTS = 1 << 26;

type Times = Omit<BenchConvsResult, 'backend'>;

export interface BenchOptions {
  readonly now: () => number;
  /** Between timed runs, outside the timed span (yield, check cancellation). */
  readonly between: () => Promise<void>;
}

/** Median ms of each design over `runs` (default 5) runs after one warm-up run each. */
export async function benchConvs(params: BenchConvsParams, { now, between }: BenchOptions): Promise<Times> {
  const { height: h, width: w, channels: c, kernel: k, filters: f, bottleneck: b, runs = 5 } = params;
  const issues = validateLab({ height: h, width: w, channels: c, kernel: k, filters: f, bottleneck: b });
  if (issues.length > 0) throw new Error(issues.map((i) => i.message).join(' '));
  const largest = Math.max(h * w * Math.max(c, f, b), k * k * c * f);
  if (largest > MAX_ELEMENTS) {
    throw new Error(`a tensor of ${largest.toLocaleString('en-US')} values is too large to time here`);
  }

  const seeded = (shape: number[], seed: number) => tf.randomUniform(shape, -0.1, 0.1, 'float32', seed);
  const weights = {
    x: seeded([1, h, w, c], 1),
    direct: seeded([k, k, c, f], 2),
    reduce: seeded([1, 1, c, b], 3),
    afterReduce: seeded([k, k, b, f], 4),
    depthwise: seeded([k, k, c, 1], 5),
    pointwise: seeded([1, 1, c, f], 6),
  };
  const designs: Record<keyof Times, () => tf.Tensor> = {
    direct: () => tf.conv2d(weights.x as tf.Tensor4D, weights.direct as tf.Tensor4D, 1, 'same'),
    bottleneck: () =>
      tf.tidy(() =>
        tf.conv2d(
          tf.conv2d(weights.x as tf.Tensor4D, weights.reduce as tf.Tensor4D, 1, 'same'),
          weights.afterReduce as tf.Tensor4D,
          1,
          'same',
        ),
      ),
    separable: () =>
      tf.separableConv2d(
        weights.x as tf.Tensor4D,
        weights.depthwise as tf.Tensor4D,
        weights.pointwise as tf.Tensor4D,
        1,
        'same',
      ),
  };

  try {
    const times: Partial<Record<keyof Times, number>> = {};
    for (const key of Object.keys(designs) as (keyof Times)[]) {
      const samples: number[] = [];
      for (let i = 0; i <= runs; i++) {
        await between();
        const start = now();
        const y = designs[key]();
        try {
          await y.data();
        } finally {
          y.dispose();
        }
        if (i > 0) samples.push(now() - start);
      }
      times[key] = median(samples);
    }
    return times as Times;
  } finally {
    tf.dispose(Object.values(weights));
  }
}
