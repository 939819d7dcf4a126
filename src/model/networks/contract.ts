// What a network is to the rest of the app. Everything the page, the workers, the CLI and the
// benches need to know about a network is a field here, so adding one is its builder file and a
// registry line (registry.ts); nothing outside src/model names a network.

import type { OptionSpec } from '../options';
import type { InputPreparation } from '../input-preparation';
import type { Layer, Model, NetworkName } from '../types';

/** Option overrides as text, keyed as on the command line. */
export type OptionText = Readonly<Record<string, string>>;

/**
 * Where trained weights for a network come from. `explorer`: trained by this app (the shipped
 * CIFAR-10 weights and runs from the Train tab); the others are frameworks whose published
 * weights the network reproduces layer for layer.
 */
export type WeightSource = 'explorer' | 'keras' | 'torchvision';

/** ImageNet weights the user can load into this network (the Classify tab's "Load ImageNet weights"). */
export interface ImagenetWeights {
  readonly source: WeightSource;
  /** The preset whose network the weights fit (1000 classes, the framework's input size). */
  readonly preset: string;
  /** The framework's model, in words: "Keras' Xception". */
  readonly title: string;
  /** The files expected, in words, for the loader's help text. */
  readonly files: string;
}

/**
 * The models a framework publishes weights for, for one network, and how that framework names its
 * layers: what the loaders of its weight files (src/runtime/import) read.
 */
export interface FrameworkModels {
  /** Each model under the framework's own name ("resnet50", "vgg16_bn"), with our configuration of it. */
  readonly models: readonly { readonly title: string; readonly preset: string; readonly overrides: OptionText }[];
  /** Our layer name → the framework's module prefix, for every layer with weights (`layers` in network order). */
  readonly prefixes: (layers: readonly Layer[]) => Map<string, string>;
  /** Keys of a file that a configuration may leave out (GoogLeNet's aux heads with `aux=off`). */
  readonly optional?: (key: string) => boolean;
}

/**
 * The models keras.applications has of one network, and how Keras' code for them builds and names
 * their layers: what the loader of Keras' .h5 files (src/runtime/import/keras-*.ts) reads. Keras'
 * loader matches a file by the order of its layers with weights, so the order is a fact here too.
 */
export interface KerasModels {
  /** Each model under keras.applications' name ("Xception", "VGG16"), with our configuration of it. */
  readonly models: readonly { readonly title: string; readonly preset: string }[];
  /** How Keras' code passes a join's inputs against our order of branches: the same, or reversed. */
  readonly joinInputs: 'ours' | 'reversed';
  /** Keras 3's name for one of our layers with weights. */
  readonly layerName: (ours: string) => string;
  /** Our layers with weights that `include_top=True` adds. */
  readonly top: readonly string[];
  /**
   * The options a file decides, from the weight shapes of its layers with weights in file order
   * (the classes; VGG's input size and fc, through fc1's kernel).
   */
  readonly optionsFrom: (shapes: readonly (readonly (readonly number[])[])[]) => OptionText;
}

export interface NetworkDef {
  /** In URLs, on the command line, in saved files: `net=xception`, `--model xception`. */
  readonly name: NetworkName;
  /** The full name: "GoogLeNet (Inception v1)". */
  readonly title: string;
  /** For labels and sentences: "GoogLeNet". */
  readonly shortName: string;
  readonly specs: readonly OptionSpec[];
  /** Named option sets. */
  readonly presets: Readonly<Record<string, OptionText>>;
  /** The preset the page and the CLI start from. */
  readonly defaultPreset: string;
  /** The small preset the Train tab and `npm run train` use (32×32 inputs); none: not trainable here. */
  readonly trainablePreset?: string;
  /** The folder in public/models/ holding CIFAR-10 weights of that preset that ship with the app (`npm run train` writes it). */
  readonly shippedWeights?: string;
  /** What the compare view starts against: the idea the network is known for, switched off. */
  readonly contrast: OptionText;
  /** How an RGB image becomes the network's input, for each source of weights it can take. */
  readonly inputs: Readonly<Partial<Record<WeightSource, InputPreparation>>> & { readonly explorer: InputPreparation };
  readonly imagenet?: ImagenetWeights;
  /** torchvision's models of this network and its state-dict names, when it publishes any. */
  readonly torchvision?: FrameworkModels;
  /** keras.applications' models of this network and how Keras orders and names their layers, when it has any. */
  readonly keras?: KerasModels;
  /** Builds the description; unknown options or values throw an OptionError listing the valid ones. */
  readonly build: (options: Readonly<Record<string, unknown>>) => Model;
}
