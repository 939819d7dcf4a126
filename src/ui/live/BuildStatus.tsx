import { formatCount } from '../format';
import type { BuildResult } from '../../runtime/worker/protocol';
import type { Task } from './session';
import { BACKEND_LABELS, formatMs } from './live-format';
import { useElapsed } from './useElapsed';

interface BuildStatusProps {
  readonly title: string;
  readonly build: Task<BuildResult>;
  readonly onCancel: () => void;
}

/** Where the build of the current configuration stands: progress and elapsed time, or what was built. */
export function BuildStatus({ title, build, onCancel }: BuildStatusProps) {
  const elapsed = useElapsed(build.status === 'busy' ? build.since : undefined);
  switch (build.status) {
    case 'idle':
      return <p className="live-build muted">Starting the backend…</p>;
    case 'busy': {
      const { progress } = build;
      return (
        <div className="live-build" role="status" aria-live="polite">
          <progress value={progress?.done ?? 0} max={progress?.total ?? 1} aria-label="Build progress" />
          <span>
            Building {title}
            {progress ? `: ${progress.stage}` : ''}… {elapsed?.toFixed(1)} s
          </span>
          <button type="button" className="live-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      );
    }
    case 'done': {
      const { result } = build;
      return (
        <p className="live-build" role="status">
          Built {title} on {BACKEND_LABELS[result.backend]} in {formatMs(result.ms)}: {formatCount(result.params)}{' '}
          params in {result.layers} tfjs layers, random weights (seed {result.seed}).
        </p>
      );
    }
    case 'failed':
      return (
        <p className="live-build live-error" role="alert">
          Could not build {title}: {build.message}
        </p>
      );
  }
}
