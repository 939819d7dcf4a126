// What a Keras file's shapes say about the options its weights depend on, for the networks whose
// keras.applications models end in one dense classifier (`predictions`).

import type { OptionText } from './contract';

/** The classes: the columns of the last layer's kernel (in × classes), when it has one. */
export function kerasClasses(shapes: readonly (readonly (readonly number[])[])[]): OptionText {
  const kernel = shapes.at(-1)?.[0];
  return kernel?.length === 2 ? { classes: String(kernel[1]) } : {};
}
