// ResNet's option-A shortcut as a tfjs layer: zero channels appended after the input's. tf.layers
// has no such layer (Keras writes it as a Lambda, which a saved model cannot carry).

import * as tf from '@tensorflow/tfjs';

export interface PadChannelsArgs {
  readonly name: string;
  /** Output channels; the input's come first, zeros after. */
  readonly channels: number;
}

/** [n, h, w, c] → [n, h, w, channels], the new channels zero. */
export function padChannels(x: tf.Tensor, channels: number): tf.Tensor {
  const extra = channels - (x.shape.at(-1) ?? 0);
  return extra === 0 ? x : tf.pad(x, [[0, 0], [0, 0], [0, 0], [0, extra]]);
}

export class PadChannels extends tf.layers.Layer {
  static readonly className = 'PadChannels';
  private readonly channels: number;

  constructor(args: PadChannelsArgs) {
    super({ name: args.name });
    this.channels = args.channels;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    return tf.tidy(() => padChannels(x, this.channels));
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [...shape.slice(0, -1), this.channels];
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), channels: this.channels };
  }
}

// Lets tf.loadLayersModel rebuild a saved model that contains this layer.
tf.serialization.registerClass(PadChannels);
