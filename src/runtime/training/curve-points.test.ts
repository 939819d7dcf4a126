import { describe, expect, it } from 'vitest';
import { StepAverager, windowFor } from './curve-points';

describe('StepAverager', () => {
  it('averages a window of steps into one point, and closes early at the end of an epoch', () => {
    const averager = new StepAverager(2);
    expect(averager.add(0.25, 2, 0.1)).toBeUndefined();
    expect(averager.add(0.5, 1, 0.3)).toEqual({ x: 0.5, loss: 1.5, accuracy: 0.2 });
    expect(averager.add(0.75, 0.5, 0.5, true)).toEqual({ x: 0.75, loss: 0.5, accuracy: 0.5 });
  });
});

describe('windowFor', () => {
  it('gives about 25 points per epoch, at least one step each', () => {
    expect(windowFor(10)).toBe(1);
    expect(windowFor(282)).toBe(11);
  });
});
