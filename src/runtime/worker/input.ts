// The image a network runs on, as a [1, h, w, c] tensor.

import * as tf from '@tensorflow/tfjs';
import { channelAffine, type InputPreparation } from '../../model/input-preparation';
import type { Shape } from '../../model/types';
import type { InputSpec } from './protocol';

/** Same spec, same input: a random input is drawn from its seed, so runs are reproducible. */
export const inputKey = (spec: InputSpec): string =>
  spec.kind === 'random' ? `random:${spec.seed}` : `pixels:${spec.width}x${spec.height}:${checksum(spec.data)}`;

function checksum(data: Uint8ClampedArray): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 97) sum = (sum * 31 + data[i]) | 0;
  return sum;
}

/**
 * The input tensor for a network input shape [h, w, c]. Pixels are RGBA; alpha is dropped, the
 * image resized bilinearly to h × w and prepared as the weights expect. Random inputs are drawn
 * from [-1, 1] whatever the preparation: they stand for no image.
 */
export function inputTensor(spec: InputSpec, [height, width, channels]: Shape, preparation: InputPreparation): tf.Tensor4D {
  switch (spec.kind) {
    case 'random':
      return tf.randomUniform([1, height, width, channels], -1, 1, 'float32', spec.seed);
    case 'pixels':
      if (channels !== 3) throw new Error(`an image has 3 channels, the network expects ${channels}`);
      if (spec.data.length !== spec.width * spec.height * 4) {
        throw new Error(`expected ${spec.width}×${spec.height}×4 RGBA values, got ${spec.data.length}`);
      }
      return tf.tidy(() => {
        const rgba = tf.tensor3d(Int32Array.from(spec.data), [spec.height, spec.width, 4], 'int32');
        const rgb = rgba.slice([0, 0, 0], [-1, -1, 3]).toFloat();
        const { source, divisor, offset } = channelAffine(preparation);
        const resized = tf.image.resizeBilinear(rgb, [height, width]);
        const ordered = source[0] === 0 ? resized : tf.reverse(resized, -1);
        return ordered.div(tf.tensor1d([...divisor])).sub(tf.tensor1d([...offset])).expandDims(0) as tf.Tensor4D;
      });
    default:
      throw new Error(`unknown input kind ${JSON.stringify(spec)}`);
  }
}
