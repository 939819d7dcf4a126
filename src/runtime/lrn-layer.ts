// Caffe's cross-channel LRN as a tfjs layer: tf.layers has no equivalent (Keras dropped LRN).

import * as tf from '@tensorflow/tfjs';

export interface LrnArgs {
  readonly name: string;
  /** Channels in the window, odd: Caffe's `local_size`. */
  readonly size: number;
  readonly alpha: number;
  readonly beta: number;
  readonly bias: number;
}

/** b = a / (bias + alpha/size · Σ a² over `size` neighbouring channels)^beta, as Caffe defines it. */
export class LRN extends tf.layers.Layer {
  static readonly className = 'LRN';
  private readonly size: number;
  private readonly alpha: number;
  private readonly beta: number;
  private readonly bias: number;

  constructor(args: LrnArgs) {
    super({ name: args.name });
    if (!Number.isInteger(args.size) || args.size < 1 || args.size % 2 === 0) {
      throw new Error(`LRN "${args.name}": size must be a positive odd integer, got ${args.size}`);
    }
    this.size = args.size;
    this.alpha = args.alpha;
    this.beta = args.beta;
    this.bias = args.bias;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    // tf sums over a radius and does not divide alpha by the window size; Caffe does both.
    return tf.tidy(() =>
      tf.localResponseNormalization(x as tf.Tensor4D, (this.size - 1) / 2, this.bias, this.alpha / this.size, this.beta),
    );
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), size: this.size, alpha: this.alpha, beta: this.beta, bias: this.bias };
  }
}

// Lets tf.loadLayersModel rebuild a saved model that contains LRN layers.
tf.serialization.registerClass(LRN);
