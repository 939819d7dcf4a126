import type { BackendInfo, RunResult } from '../../runtime/worker/protocol';
import { BACKEND_LABELS, backendDetails, formatMs } from './live-format';
import type { Task } from './session';
import { useElapsed } from './useElapsed';

interface InferenceResultsProps {
  readonly run: Task<RunResult>;
  readonly backend: BackendInfo | undefined;
  /** A model is built: inference can run. */
  readonly ready: boolean;
  readonly seed: number;
  readonly onRun: () => void;
  readonly onCancel: () => void;
  readonly onNewInput: () => void;
}

/** Latency of the built network: the first run after the build apart from the median of warm runs. */
export function InferenceResults({ run, backend, ready, seed, onRun, onCancel, onNewInput }: InferenceResultsProps) {
  const busy = run.status === 'busy';
  const elapsed = useElapsed(busy ? run.since : undefined);
  const result = run.status === 'done' ? run.result : undefined;
  return (
    <section className="live-card" role="region" aria-label="Inference">
      <h3>Inference</h3>
      <div className="live-actions">
        <button type="button" className="live-primary" onClick={onRun} disabled={!ready || busy}>
          Run inference
        </button>
        {busy && (
          <>
            <span role="status">
              {run.progress ? `${run.progress.stage} ${run.progress.done + 1} of ${run.progress.total}` : 'first run'}…{' '}
              {elapsed?.toFixed(1)} s
            </span>
            <button type="button" className="live-secondary" onClick={onCancel}>
              Cancel
            </button>
          </>
        )}
        <span className="live-input">
          Input: random noise, seed {seed}{' '}
          <button type="button" className="link" onClick={onNewInput}>
            new input
          </button>
        </span>
      </div>
      {result && (
        <dl className="live-figures">
          <div>
            <dt>Backend</dt>
            <dd>
              {BACKEND_LABELS[result.backend]}
              {backend?.name === result.backend && <span className="muted"> · {backendDetails(backend)}</span>}
            </dd>
          </div>
          <div>
            <dt>First run</dt>
            <dd>
              <strong>{formatMs(result.firstMs)}</strong>
              <span className="muted"> · the first inference after the build (kernels compiled, memory allocated)</span>
            </dd>
          </div>
          <div>
            <dt>Warm median</dt>
            <dd>
              <strong>{formatMs(result.medianMs)}</strong>
              <span className="muted">
                {' '}
                · median of {result.warmMs.length} runs, {formatMs(Math.min(...result.warmMs))} to{' '}
                {formatMs(Math.max(...result.warmMs))}
              </span>
            </dd>
          </div>
        </dl>
      )}
      {run.status === 'failed' && (
        <p className="live-error" role="alert">
          Inference failed: {run.message}
        </p>
      )}
      {!ready && run.status === 'idle' && <p className="muted">Inference can run once the model is built.</p>}
    </section>
  );
}
