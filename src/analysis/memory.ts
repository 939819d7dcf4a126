// What running a configuration takes in memory, for one image: its weights as float32, and the
// most the activations need at once. Live refuses what would not fit before it builds anything.

import type { Analysis } from './counts';

export interface InferenceMemory {
  /** Every stored number (params, moving statistics included) as float32. */
  readonly weightBytes: number;
  /**
   * The largest layer's input and output together, as float32: what must be alive at once while
   * that layer runs (tfjs frees an activation when nothing reads it any more).
   */
  readonly activationBytes: number;
  readonly totalBytes: number;
}

const FLOAT32 = 4;
const elements = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

export function inferenceMemory(analysis: Analysis): InferenceMemory {
  const weightBytes = FLOAT32 * analysis.totals.params;
  const activationBytes = FLOAT32 * Math.max(0, ...analysis.layers.map((layer) => elements(layer.input) + elements(layer.output)));
  return { weightBytes, activationBytes, totalBytes: weightBytes + activationBytes };
}
