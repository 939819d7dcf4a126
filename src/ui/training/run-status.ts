// What the runs table says of a run's state. The stored status of the active run stays
// "training" while it is held, so the active run's state comes from the worker's progress, which
// says "paused" only once the run really waits between steps, and from what the page asked for.

import type { Progress, RunRecord } from '../../runtime/training/protocol';

export interface ActiveRun {
  readonly id?: string;
  readonly progress?: Progress;
  /** Pause was asked for (and not resumed); the run pauses after the step in progress. */
  readonly pauseAsked: boolean;
  /** Stop was asked for; the run validates and saves what it reached, then ends. */
  readonly stopAsked: boolean;
}

/** `training`, `pausing…`, `paused`, `resuming…` or `stopping…` for the active run; the stored status for any other. */
export function runStatusText(run: RunRecord, active: ActiveRun): string {
  if (run.id !== active.id) return run.status;
  if (active.stopAsked) return 'stopping…';
  const paused = active.progress?.runId === run.id && active.progress.stage === 'paused';
  if (paused) return active.pauseAsked ? 'paused' : 'resuming…';
  return active.pauseAsked ? 'pausing…' : 'training';
}
