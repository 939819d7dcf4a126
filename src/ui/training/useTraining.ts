// The panel's connection to the training worker: the list of runs (from IndexedDB, kept up to
// date by the worker's events), the active run's progress, and the actions on runs.

import { useCallback, useEffect, useState } from 'react';
import { createTrainingClient, type TrainingClient } from '../../runtime/training/client';
import type { DatasetKey, EvaluationResult, Progress, RunRecord, StartParams } from '../../runtime/training/protocol';
import type { BackendChoice } from '../../runtime/worker/protocol';
import { download as save } from '../export/download';

export interface TrainingState {
  readonly runs: readonly RunRecord[];
  /** The run training now. */
  readonly activeId?: string;
  readonly progress?: Progress;
  /** Pause was asked for (and not resumed). */
  readonly paused: boolean;
  /** Stop was asked for the active run. */
  readonly stopping: boolean;
  readonly starting: boolean;
  /** The last failure of a request or run, shown to the user. */
  readonly error?: string;
  readonly evaluations: Readonly<Record<string, EvaluationResult | string>>;
  readonly loaded: boolean;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const replace = (runs: readonly RunRecord[], run: RunRecord) =>
  runs.some((r) => r.id === run.id) ? runs.map((r) => (r.id === run.id ? run : r)) : [...runs, run];

export function useTraining(given?: TrainingClient) {
  const [client] = useState(() => given ?? createTrainingClient());
  useEffect(() => (given ? undefined : () => client.terminate()), [client, given]);
  const [state, setState] = useState<TrainingState>({ runs: [], paused: false, stopping: false, starting: false, evaluations: {}, loaded: false });
  const patch = useCallback((change: Partial<TrainingState>) => setState((s) => ({ ...s, ...change })), []);
  const fail = useCallback((error: unknown) => patch({ error: message(error), starting: false }), [patch]);

  useEffect(() => {
    let live = true; // a list answered (or failed) after unmounting is dropped
    const unsubscribe = client.subscribe((event) => {
      setState((s) => {
        switch (event.type) {
          case 'progress':
            return { ...s, progress: event.progress };
          case 'update':
            return { ...s, runs: replace(s.runs, event.run), activeId: event.run.id };
          case 'crashed':
            return { ...s, activeId: undefined, progress: undefined, paused: false, stopping: false, starting: false, error: event.message };
          case 'finished':
            return {
              ...s,
              runs: replace(s.runs, event.run),
              activeId: undefined,
              progress: undefined,
              paused: false,
              stopping: false,
              error: event.run.status === 'failed' ? event.run.error : s.error,
            };
        }
        return s;
      });
    });
    client.call('list', {}).then(
      (runs) => live && setState((s) => ({ ...s, runs, loaded: true })),
      (error: unknown) => live && setState((s) => ({ ...s, loaded: true, error: message(error) })),
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [client]);

  const start = useCallback(
    (params: StartParams) => {
      patch({ starting: true, error: undefined });
      client.call('start', params).then(
        (run) => setState((s) => ({ ...s, starting: false, stopping: false, activeId: run.id, runs: replace(s.runs, run) })),
        (error: unknown) => patch({ error: message(error), starting: false, progress: undefined }),
      );
    },
    [client, patch],
  );
  const control = useCallback(
    (type: 'pause' | 'resume' | 'stop') => {
      client.control(type);
      // The button turns at once; the run itself pauses after the step in progress.
      // A stop sent before the run exists reaches no run (the worker ignores it).
      setState((s) => (type === 'stop' ? { ...s, paused: false, stopping: s.activeId !== undefined } : { ...s, paused: type === 'pause' }));
    },
    [client],
  );
  const remove = useCallback(
    (runId: string) =>
      client.call('delete', { runId }).then(() => setState((s) => ({ ...s, runs: s.runs.filter((r) => r.id !== runId) })), fail),
    [client, fail],
  );
  const download = useCallback(
    (runId: string) =>
      client.call('export', { runId }).then((files) => {
        // tfjs' names: model.json's weightsManifest points at weights.bin.
        save('model.json', files.modelJson, 'application/json');
        save('weights.bin', new Blob([files.weights], { type: 'application/octet-stream' }));
      }, fail),
    [client, fail],
  );
  const upload = useCallback(
    (modelJson: string, weights: ArrayBuffer, dataset: DatasetKey, backend: BackendChoice) => {
      patch({ error: undefined });
      return client.call('import', { modelJson, weights, dataset, backend }).then(
        (run) => setState((s) => ({ ...s, runs: replace(s.runs, run) })),
        fail,
      );
    },
    [client, patch, fail],
  );
  const evaluate = useCallback(
    (runId: string, backend: BackendChoice) => {
      const put = (value: EvaluationResult | string) => setState((s) => ({ ...s, evaluations: { ...s.evaluations, [runId]: value } }));
      put('evaluating…');
      client.call('evaluate', { runId, backend }).then(put, (error: unknown) => put(`failed: ${message(error)}`));
    },
    [client],
  );
  const dismiss = useCallback(() => patch({ error: undefined }), [patch]);

  return { state, start, control, remove, download, upload, evaluate, dismiss };
}
