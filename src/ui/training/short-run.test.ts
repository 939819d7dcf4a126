import { describe, expect, it } from 'vitest';
import type { EpochSummary, RunRecord } from '../../runtime/training/protocol';
import { plannedSteps, SHORT_RUN_STEPS, shortRuns, stepsOf } from './short-run';

const epoch = (fraction: number): EpochSummary => ({ epoch: 0, fraction, seconds: 1, trainLoss: 1, trainAccuracy: 0.5 });
const run = (id: string, trainImages: number, batchSize: number | undefined, epochs: EpochSummary[]) =>
  ({ id, trainImages, settings: batchSize === undefined ? undefined : { batchSize }, epochs }) as unknown as RunRecord;

describe('stepsOf', () => {
  it('counts the steps of every epoch, a stopped one in part', () => {
    expect(stepsOf(run('a', 320, 32, [epoch(1)]))).toBe(10);
    expect(stepsOf(run('a', 330, 32, [epoch(1), epoch(0.5)]))).toBe(17);
  });
  it('does not guess for a run whose settings are unknown (an upload without them)', () => {
    expect(stepsOf(run('a', 320, undefined, [epoch(1)]))).toBeUndefined();
  });
});

describe('shortRuns', () => {
  it('lists the runs under the limit, leaving out the one training and those without an epoch', () => {
    const runs = [run('a', 320, 32, [epoch(1)]), run('b', 9009, 32, [epoch(1)]), run('c', 320, 32, [epoch(1)]), run('d', 320, 32, [])];
    expect(shortRuns(runs, 'c')).toEqual([{ run: runs[0], steps: 10 }]);
  });
});

describe('plannedSteps', () => {
  it('is whole batches per epoch times epochs', () => {
    expect(plannedSteps(320, 32, 1)).toBe(10);
    expect(plannedSteps(321, 32, 2)).toBe(22);
    expect(plannedSteps(9009, 32, 1)).toBeGreaterThanOrEqual(SHORT_RUN_STEPS);
  });
});
