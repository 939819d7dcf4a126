import { describe, expect, it } from 'vitest';
import type { Progress, RunRecord } from '../../runtime/training/protocol';
import { runStatusText } from './run-status';

const run = (id: string, status: RunRecord['status']) => ({ id, status }) as RunRecord;
const progress = (stage: Progress['stage'], runId = 'a'): Progress => ({ runId, stage, stepsDone: 3, totalSteps: 10, imagesPerSecond: 1, etaSeconds: 7 });
const asked = { pauseAsked: false, stopAsked: false };

describe('runStatusText', () => {
  it('gives a run that is not active its stored status', () => {
    expect(runStatusText(run('b', 'completed'), { id: 'a', progress: progress('paused'), pauseAsked: true, stopAsked: false })).toBe('completed');
    expect(runStatusText(run('b', 'failed'), asked)).toBe('failed');
  });
  it('says paused only once the worker reports the run paused', () => {
    const a = run('a', 'training');
    expect(runStatusText(a, { ...asked, id: 'a', progress: progress('training') })).toBe('training');
    expect(runStatusText(a, { ...asked, id: 'a', progress: progress('training'), pauseAsked: true })).toBe('pausing…');
    expect(runStatusText(a, { ...asked, id: 'a', progress: progress('paused'), pauseAsked: true })).toBe('paused');
    expect(runStatusText(a, { ...asked, id: 'a', progress: progress('paused') })).toBe('resuming…');
  });
  it('says stopping once Stop was asked for, paused or not', () => {
    expect(runStatusText(run('a', 'training'), { id: 'a', progress: progress('paused'), pauseAsked: false, stopAsked: true })).toBe('stopping…');
  });
  it('ignores progress of another run', () => {
    expect(runStatusText(run('a', 'training'), { ...asked, id: 'a', progress: progress('paused', 'x') })).toBe('training');
  });
});
