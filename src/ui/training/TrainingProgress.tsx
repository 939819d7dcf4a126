import type { Progress } from '../../runtime/training/protocol';
import { formatDuration } from './format';

interface TrainingProgressProps {
  readonly progress?: Progress;
  readonly name?: string;
}

/** The active run's progress bar, with images per second and the time left. */
export function TrainingProgress({ progress, name }: TrainingProgressProps) {
  const done = progress?.stepsDone ?? 0;
  const total = progress?.totalSteps ?? 0;
  const fraction = total > 0 ? done / total : 0;
  const speed = progress && progress.imagesPerSecond > 0 ? `${progress.imagesPerSecond.toFixed(1)} images/s` : undefined;
  const eta = progress && progress.imagesPerSecond > 0 ? `ETA ${formatDuration(progress.etaSeconds)}` : undefined;
  return (
    <div className="train-progress">
      <div
        className="train-bar"
        role="progressbar"
        aria-label="Training progress"
        aria-valuemin={0}
        aria-valuemax={Math.max(total, 1)}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${total} steps`}
      >
        <div className="train-bar-fill" style={{ width: `${(100 * fraction).toFixed(1)}%` }} />
      </div>
      <p className="train-progress-text" role="status">
        {progress
          ? [name, progress.stage, total > 0 ? `step ${done} / ${total}` : undefined, speed, eta, progress.loss === undefined ? undefined : `loss ${progress.loss.toFixed(3)}`]
              .filter(Boolean)
              .join(' · ')
          : 'No run is training.'}
      </p>
    </div>
  );
}
