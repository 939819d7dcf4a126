// The model description: a tree of blocks whose leaves are layers. Every view (counts, graph,
// tfjs model) is derived from this one value, so it is plain data with no behaviour.

/** [height, width, channels] for feature maps, [units] for vectors. */
export type Shape = readonly number[];

export type Padding = 'same' | 'valid';

/** Activation fused into a conv or dense layer, as Keras' `activation` argument. */
export type FusedActivation = 'relu' | 'softmax';

interface Named {
  /** Globally unique layer name (Keras style, e.g. `block2_sepconv1`); never parsed for meaning. */
  readonly name: string;
}

export interface Conv2D extends Named {
  readonly kind: 'conv2d';
  readonly filters: number;
  readonly kernel: number;
  readonly stride: number;
  readonly padding: Padding;
  readonly useBias: boolean;
  readonly activation?: FusedActivation;
}

/** Keras SeparableConv2D: a per-channel k×k conv (times depthMultiplier), then a 1×1 conv. */
export interface SeparableConv2D extends Named {
  readonly kind: 'separableConv2d';
  readonly filters: number;
  readonly kernel: number;
  readonly stride: number;
  readonly padding: Padding;
  readonly depthMultiplier: number;
  readonly useBias: boolean;
  readonly activation?: FusedActivation;
}

export interface DepthwiseConv2D extends Named {
  readonly kind: 'depthwiseConv2d';
  readonly kernel: number;
  readonly stride: number;
  readonly padding: Padding;
  readonly depthMultiplier: number;
  readonly useBias: boolean;
}

export interface BatchNorm extends Named {
  readonly kind: 'batchNorm';
  readonly epsilon: number;
}

export interface Relu extends Named {
  readonly kind: 'relu';
}

export interface Pool extends Named {
  readonly kind: 'maxPool' | 'avgPool';
  readonly size: number;
  readonly stride: number;
  readonly padding: Padding;
}

export interface GlobalAvgPool extends Named {
  readonly kind: 'globalAvgPool';
}

/** Local response normalization across channels (Caffe's LRN, as in the GoogLeNet paper). */
export interface Lrn extends Named {
  readonly kind: 'lrn';
  readonly size: number;
  readonly alpha: number;
  readonly beta: number;
  readonly bias: number;
}

export interface Dropout extends Named {
  readonly kind: 'dropout';
  readonly rate: number;
}

export interface Flatten extends Named {
  readonly kind: 'flatten';
}

export interface Dense extends Named {
  readonly kind: 'dense';
  readonly units: number;
  readonly useBias: boolean;
  readonly activation?: FusedActivation;
}

export interface Softmax extends Named {
  readonly kind: 'softmax';
}

/**
 * Zero channels appended after the input's, up to `channels`: with a strided 1x1 pool before it,
 * the parameter-free shortcut of ResNet's option A (He et al. 2015, §3.3) where the shape changes.
 */
export interface PadChannels extends Named {
  readonly kind: 'padChannels';
  readonly channels: number;
}

export type Layer =
  | Conv2D
  | SeparableConv2D
  | DepthwiseConv2D
  | BatchNorm
  | Relu
  | Pool
  | GlobalAvgPool
  | Lrn
  | Dropout
  | Flatten
  | Dense
  | Softmax
  | PadChannels;

export type LayerKind = Layer['kind'];

/** Children applied one after another. */
export interface Sequence {
  readonly kind: 'sequence';
  /** Local id; a block's path is its ancestors' ids joined by `/` (e.g. `inception_3a/5x5`). */
  readonly id: string;
  readonly children: readonly Node[];
  /**
   * A tap reads the current tensor and ends in an extra model output (GoogLeNet's auxiliary
   * classifiers); the main flow continues past it unchanged.
   */
  readonly tap?: boolean;
}

/** Branches applied to the same input, joined by channel concatenation or by addition. */
export interface Parallel {
  readonly kind: 'concat' | 'add';
  readonly id: string;
  /** Name of the join layer (Keras' Concatenate / Add), e.g. `inception_3a_output`, `add_3`. */
  readonly joinName: string;
  /** An empty sequence is the identity (a residual shortcut). */
  readonly branches: readonly Sequence[];
}

export type Block = Sequence | Parallel;
export type Node = Layer | Block;

/** A registered network's name (`src/model/networks/registry.ts` lists them; `getNetwork` checks one). */
export type NetworkName = string;

/**
 * A network and its option values as text, keyed as on the command line: what URLs, workers,
 * saved runs and the CLI carry, and what `configure` turns into a model.
 */
export interface ConfigText {
  readonly network: NetworkName;
  readonly text: Readonly<Record<string, string>>;
}

export interface Model {
  /** What the model is called (the network's name when a builder made it); never parsed. */
  readonly name: string;
  /** The network and options that built it; absent for a model described by hand or imported. */
  readonly source?: { readonly network: NetworkName; readonly options: Readonly<Record<string, unknown>> };
  /** Input shape [h, w, c]. */
  readonly input: Shape;
  readonly root: Sequence;
}

export function isBlock(node: Node): node is Block {
  return node.kind === 'sequence' || node.kind === 'concat' || node.kind === 'add';
}

/** Used in exhaustive switches: a new kind that is not handled fails to compile. */
export function assertNever(value: never): never {
  throw new Error(`unhandled kind: ${JSON.stringify(value)}`);
}
