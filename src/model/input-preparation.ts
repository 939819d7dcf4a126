// How RGB bytes become a network's input. Each source of weights expects its own preparation:
// Keras' Xception and this app's trained networks scale to [-1, 1]; torchvision keeps the centre
// 224/256 of the photo, subtracts the ImageNet mean and divides by its std; Keras' VGG and ResNet
// reorder to BGR and subtract a mean.
// Weights fed the wrong preparation still run, and answer nonsense, so it is data, not a habit.

export type Rgb = readonly [number, number, number];

/** Which part of the photo becomes the input, before it is resized to the network's input size. */
interface Framing {
  /**
   * The side of the centred square kept, as a share of the photo's shorter side. torchvision's
   * evaluation transform, Resize(256) then CenterCrop(224), keeps 224/256 = 0.875 of it. Absent:
   * the whole centre square, 1.
   */
  readonly crop?: number;
}

export type InputPreparation =
  /** Bytes 0–255 mapped linearly onto [low, high]. */
  | (Framing & { readonly scale: readonly [number, number] })
  /**
   * (pixel − mean) / std per channel, where pixel is the byte scaled to [0, range] (torchvision:
   * range 1; Keras' "caffe" mode: range 255, std 1). `mean` and `std` are in the network's channel
   * order, as the frameworks write them.
   */
  | (Framing & { readonly mean: Rgb; readonly std: Rgb; readonly range: 1 | 255; readonly channelOrder: 'rgb' | 'bgr' });

/** The share of the photo's shorter side that the centre crop keeps (1: the whole centre square). */
export const cropShare = (preparation: InputPreparation): number => preparation.crop ?? 1;

/** torchvision's Resize(256) and CenterCrop(224): the centre 224/256 of the shorter side. */
const TORCHVISION_CROP = 224 / 256;

/** [-1, 1]: Keras' Xception ("tf" mode) and every network this app trains. */
export const MINUS_ONE_TO_ONE: InputPreparation = { scale: [-1, 1] };

/** torchvision's ImageNet models: the centre 224/256, [0, 1], then the ImageNet mean and std, RGB. */
export const TORCHVISION_IMAGENET: InputPreparation = { mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225], range: 1, channelOrder: 'rgb', crop: TORCHVISION_CROP };

/**
 * torchvision's GoogLeNet as its ImageNet weights run it: the ImageNet normalization, then the
 * model's own `transform_input` (on for those weights), which maps channel k back with
 * x·(std_k / 0.5) + (mean_k − 0.5) / 0.5. With x = (p − mean_k) / std_k that is
 * (p − mean_k) / 0.5 + (mean_k − 0.5) / 0.5 = (p − 0.5) / 0.5 for every channel: the weights
 * expect pixels in [-1, 1], and the two steps cancel to exactly that.
 */
export const TORCHVISION_GOOGLENET: InputPreparation = { mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5], range: 1, channelOrder: 'rgb', crop: TORCHVISION_CROP };

/** Keras' "caffe" mode (VGG16, ResNet50): BGR bytes minus the ImageNet mean, not scaled. */
export const KERAS_CAFFE: InputPreparation = { mean: [103.939, 116.779, 123.68], std: [1, 1, 1], range: 255, channelOrder: 'bgr' };

/**
 * The preparation as one affine step per input channel: channel k of the input is
 * `byte[source[k]] / divisor[k] − offset[k]`. Dividing (rather than multiplying by a reciprocal)
 * keeps [-1, 1] exactly `byte / 127.5 − 1`.
 */
export interface ChannelAffine {
  readonly source: Rgb;
  readonly divisor: Rgb;
  readonly offset: Rgb;
}

export function channelAffine(preparation: InputPreparation): ChannelAffine {
  if ('scale' in preparation) {
    const [low, high] = preparation.scale;
    const divisor = 255 / (high - low);
    return { source: [0, 1, 2], divisor: [divisor, divisor, divisor], offset: [-low, -low, -low] };
  }
  const { mean, std, range, channelOrder } = preparation;
  const channel = (k: number) => 255 / range * std[k];
  return {
    source: channelOrder === 'rgb' ? [0, 1, 2] : [2, 1, 0],
    divisor: [channel(0), channel(1), channel(2)],
    offset: [mean[0] / std[0], mean[1] / std[1], mean[2] / std[2]],
  };
}

/** Interleaved RGB bytes (h × w × 3) as the network's input values. */
export function prepareRgb(rgb: ArrayLike<number>, preparation: InputPreparation, out = new Float32Array(rgb.length)): Float32Array {
  const { source, divisor, offset } = channelAffine(preparation);
  for (let i = 0; i < rgb.length; i += 3) {
    for (let k = 0; k < 3; k++) out[i + k] = rgb[i + source[k]] / divisor[k] - offset[k];
  }
  return out;
}

/** In words, for the page: "scaled to [-1, 1]", "BGR, ImageNet mean subtracted". */
export function describePreparation(preparation: InputPreparation): string {
  const crop = cropShare(preparation) === 1 ? '' : `; the centre ${+(cropShare(preparation) * 100).toFixed(1)}% of the shorter side`;
  if ('scale' in preparation) return `scaled to [${preparation.scale[0]}, ${preparation.scale[1]}]${crop}`;
  const order = preparation.channelOrder === 'bgr' ? 'BGR, ' : '';
  const divided = preparation.std.every((s) => s === 1) ? '' : ', divided by its std';
  return `${order}mean ${preparation.mean.join(' / ')} subtracted${divided}${crop}`;
}
