// The 1000 ImageNet (ILSVRC 2012) classes in the order of Keras' class indices, as the tfjs
// MobileNet package ships them (@tensorflow-models/mobilenet, dist/imagenet_classes.js: an object
// from index to WordNet synonyms such as "tabby, tabby cat"). About 35 kB of text: import this
// module dynamically, only when ImageNet weights are loaded.

import { IMAGENET_CLASSES as SYNONYMS } from '@tensorflow-models/mobilenet/dist/imagenet_classes.js';

/** Every class's synonyms as one text ("tabby, tabby cat"), by class index. */
export const IMAGENET_CLASS_SYNONYMS: readonly string[] = Array.from({ length: 1000 }, (_, i) => {
  const text = SYNONYMS[i];
  if (text === undefined) throw new Error(`@tensorflow-models/mobilenet has no ImageNet class ${i}`);
  return text;
});

/**
 * Short names by class index: the first synonym, as Keras' decode_predictions shows them
 * ("tabby", "golden retriever"). Two names occur twice, as in Keras: crane (134 the bird,
 * 517 the machine) and maillot (638, 639).
 */
export const IMAGENET_CLASSES: readonly string[] = IMAGENET_CLASS_SYNONYMS.map((text) => text.split(',')[0].trim());
