// The k most probable classes of one probability vector.

import type { Prediction } from './protocol';

/** Most probable first; equal probabilities keep class order, so results are stable. */
export function topK(probabilities: ArrayLike<number>, classNames: readonly string[], k: number): Prediction[] {
  return Array.from(probabilities, (probability, index) => ({ index, probability }))
    .sort((a, b) => b.probability - a.probability || a.index - b.index)
    .slice(0, Math.max(0, k))
    .map(({ index, probability }) => ({ index, name: classNames[index] ?? `class ${index}`, probability }));
}
