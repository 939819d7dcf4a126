// Training curves without thousands of points: the loss and accuracy of a few consecutive steps
// averaged into one point (about 25 per epoch).

import type { CurvePoint } from './protocol';

/** Steps averaged into one curve point for an epoch of `stepsPerEpoch` steps. */
export const windowFor = (stepsPerEpoch: number): number => Math.max(1, Math.round(stepsPerEpoch / 25));

/** Collects steps; `add` returns a point when a window is full (or the epoch ends). */
export class StepAverager {
  private loss = 0;
  private accuracy = 0;
  private count = 0;

  constructor(private readonly window: number) {}

  /** `x` in epochs at the end of the step; `last` closes the window early (end of an epoch or of the run). */
  add(x: number, loss: number, accuracy: number, last = false): CurvePoint | undefined {
    this.loss += loss;
    this.accuracy += accuracy;
    this.count++;
    if (this.count < this.window && !last) return undefined;
    const point = { x, loss: this.loss / this.count, accuracy: this.accuracy / this.count };
    this.loss = this.accuracy = this.count = 0;
    return point;
  }
}
