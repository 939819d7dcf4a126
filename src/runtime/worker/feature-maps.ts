// Activations as pictures: the strongest channels of a [1, h, w, c] output, each scaled to its own
// range and turned into h × w grey levels.

import * as tf from '@tensorflow/tfjs';
import type { FeatureMap } from './protocol';

/** Channel indices sorted by descending mean, ties by index (stable, so tests can rely on it). */
export function strongestChannels(means: ArrayLike<number>, limit: number): number[] {
  return Array.from(means, (_, i) => i)
    .sort((a, b) => means[b] - means[a] || a - b)
    .slice(0, Math.max(0, limit));
}

/** The feature map of one [1, h, w, c] tensor: at most `limit` channels, strongest mean first. */
export async function featureMap(path: string, t: tf.Tensor, limit: number): Promise<FeatureMap> {
  const [, height, width, channels] = t.shape;
  const meansTensor = tf.tidy(() => t.mean([0, 1, 2]));
  const means = await meansTensor.data();
  meansTensor.dispose();
  const order = strongestChannels(means, limit);
  const grey = tf.tidy(() => {
    const indices = tf.tensor1d(order, 'int32');
    // [k, h·w]: one row per shown channel, scaled to 0..255 between its own min and max.
    const rows = tf.gather(t.reshape([height * width, channels]), indices, 1).transpose();
    const min = rows.min(1, true);
    const range = rows.max(1, true).sub(min).maximum(1e-12);
    return rows.sub(min).div(range).mul(255);
  });
  const values = await grey.data();
  grey.dispose();
  return {
    path,
    height,
    width,
    channels,
    shown: order.map((channel) => ({ channel, mean: means[channel] })),
    pixels: Uint8ClampedArray.from(values),
  };
}
