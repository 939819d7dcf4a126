// Runs too short to compare. Even with BatchNorm's statistics recomputed before validation
// (batch-norm-recalibration.ts), a short run's validation accuracy depends on its seed by more
// than two variants differ, so the panel says which runs those are, and says it before one starts.
// The measurement behind it is in short-run-measured.json.

import type { RunRecord } from '../../runtime/training/protocol';
import { measured } from './short-run-measured.json';

/** Fewer steps than this (in all, over every epoch) make a short run. */
export const SHORT_RUN_STEPS = 100;

export const SHORT_RUN_WHY =
  `Under ${SHORT_RUN_STEPS} steps the seed alone moves a run's validation accuracy by more than variants differ ` +
  `(${measured}), ` +
  `so a difference between short runs may be chance. Compare runs of at least ${SHORT_RUN_STEPS} steps, or several seeds of each.`;

/** Steps a run made: its epochs (a stopped one in part) times the steps of one epoch; undefined if its settings are unknown. */
export function stepsOf(run: RunRecord): number | undefined {
  const batchSize = run.settings?.batchSize;
  if (!batchSize || run.trainImages <= 0) return undefined;
  const epochs = run.epochs.reduce((sum, e) => sum + e.fraction, 0);
  return Math.round(epochs * Math.ceil(run.trainImages / batchSize));
}

/** The finished runs (not the one training) with fewer than SHORT_RUN_STEPS steps, with their steps. */
export function shortRuns(runs: readonly RunRecord[], activeId?: string): { run: RunRecord; steps: number }[] {
  return runs.flatMap((run) => {
    const steps = run.id === activeId || run.epochs.length === 0 ? undefined : stepsOf(run);
    return steps !== undefined && steps < SHORT_RUN_STEPS ? [{ run, steps }] : [];
  });
}

/** Steps a run of these settings will make when it trains on `images` images (a limit, or the whole set). */
export const plannedSteps = (images: number, batchSize: number, epochs: number): number => Math.ceil(images / batchSize) * epochs;
