// Which network "Load ImageNet weights" loads into, and how the panel says so. Pure.

import { configure, getNetwork, imagenetNetworks, presetText, type ConfigText, type ImagenetWeights } from '../../model';

export interface ImagenetTarget {
  /** The configuration the weights load into. */
  readonly config: ConfigText;
  readonly shortName: string;
  readonly weights: ImagenetWeights;
  /** In words, e.g. "Keras' Xception (299×299, 1000 classes)". */
  readonly description: string;
}

/**
 * The explorer's own network, with its switches, when it takes ImageNet weights; else the first
 * network that does, as its framework builds it. Undefined when no network takes any.
 */
export function imagenetTarget(explorer: ConfigText): ImagenetTarget | undefined {
  const own = getNetwork(explorer.network);
  if (own.imagenet) {
    return {
      config: explorer,
      shortName: own.shortName,
      weights: own.imagenet,
      description: `the explorer's ${own.shortName} (its switches are on the Graph tab)`,
    };
  }
  const def = imagenetNetworks()[0];
  if (!def?.imagenet) return undefined;
  const config = { network: def.name, text: presetText(def, def.imagenet.preset) };
  const [height, width] = configure(config.network, config.text).model.input;
  return { config, shortName: def.shortName, weights: def.imagenet, description: `${def.imagenet.title} (${height}×${width}, 1000 classes)` };
}
