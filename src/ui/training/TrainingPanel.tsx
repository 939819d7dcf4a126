import { useMemo, useState } from 'react';
import type { NetworkName } from '../../model';
import type { TrainingClient } from '../../runtime/training/client';
import { ConfusionMatrix } from './ConfusionMatrix';
import { CurveChart } from './CurveChart';
import { runColor } from './chart';
import type { Cell } from './confusion';
import { Misclassified } from './Misclassified';
import { RunsTable } from './RunsTable';
import { checkForm, defaultForm, defaultVariant, type TrainingForm as Form } from './settings';
import { TrainingForm } from './TrainingForm';
import { TrainingProgress } from './TrainingProgress';
import { UploadRun } from './UploadRun';
import { useDatasets } from './useDatasets';
import { useTraining } from './useTraining';
import '../live/live.css';
import './training.css';

interface TrainingPanelProps {
  /** A client to use instead of the panel's own worker (tests). */
  readonly client?: TrainingClient;
}

const SWITCH_QUESTION = 'A run is training. Stop it (it is kept with what it reached) and switch the network?';

/** Train small networks in a worker, watch the curves, compare runs, keep them across reloads. */
export function TrainingPanel({ client }: TrainingPanelProps) {
  const { state, start, control, remove, download, upload, evaluate, dismiss } = useTraining(client);
  const available = useDatasets();
  const [form, setForm] = useState<Form>(() => defaultForm());
  const [overlaid, setOverlaid] = useState<ReadonlySet<string>>(new Set());
  const [selectedId, setSelectedId] = useState<string>();
  const [cell, setCell] = useState<Cell>();
  const checked = useMemo(() => checkForm(form), [form]);
  const busy = state.activeId !== undefined || state.starting;
  const colors = useMemo(() => new Map(state.runs.map((r, i) => [r.id, runColor(i)])), [state.runs]);
  const active = state.runs.find((r) => r.id === state.activeId);
  const selected = state.runs.find((r) => r.id === selectedId) ?? active ?? state.runs[state.runs.length - 1];
  const shown = useMemo(
    () => state.runs.filter((r) => overlaid.has(r.id) || r.id === state.activeId || (overlaid.size === 0 && r.id === selected?.id)),
    [state.runs, overlaid, state.activeId, selected],
  );
  const chartRuns = shown.map((run) => ({ run, color: colors.get(run.id) ?? runColor(0) }));

  /** Switching while a run trains asks first; cancelling keeps the run and the form. */
  const confirmSwitch = () => {
    if (!busy) return true;
    if (!window.confirm(SWITCH_QUESTION)) return false;
    control('stop');
    return true;
  };
  const onNetwork = (network: NetworkName) => {
    if (network === form.network || !confirmSwitch()) return;
    setForm({ ...form, network, variant: defaultVariant(network) });
  };
  const onVariant = (key: string, value: string) => {
    if (!confirmSwitch()) return;
    setForm({ ...form, variant: { ...form.variant, [key]: value } });
  };
  const overlay = (runId: string, on: boolean) =>
    setOverlaid((set) => {
      const next = new Set(set);
      if (on) next.add(runId);
      else next.delete(runId);
      return next;
    });

  return (
    <section className="train" aria-label="Training">
      <header className="live-head">
        <h2>Train</h2>
        <p>
          Small 32×32 versions of the networks trained in TensorFlow.js in a Web Worker (the page stays responsive).
          Runs with the same seed see the same images in the same order with the same augmentation, so their curves
          are comparable: switch one idea, train again, overlay the runs. Runs and their weights are kept in this
          browser (IndexedDB).
        </p>
      </header>
      {state.error && (
        <div className="alert train-alert" role="alert">
          <span>{state.error}</span>
          <button type="button" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
      <div className="live-card train-setup">
        <TrainingForm
          form={form}
          errors={checked.errors}
          available={available}
          locked={busy}
          onChange={(change) => setForm({ ...form, ...change })}
          onNetwork={onNetwork}
          onVariant={onVariant}
        />
        <div className="train-buttons">
          <button type="button" className="live-primary" disabled={busy || !checked.params} onClick={() => checked.params && start(checked.params)}>
            Start training
          </button>
          <button type="button" className="live-secondary" disabled={!state.activeId} onClick={() => control(state.paused ? 'resume' : 'pause')}>
            {state.paused ? 'Resume' : 'Pause'}
          </button>
          <button type="button" className="live-secondary" disabled={!state.activeId} onClick={() => control('stop')}>
            Stop
          </button>
        </div>
        <TrainingProgress progress={state.progress} name={active?.name} />
      </div>
      <div className="live-card">
        <h3>Curves</h3>
        <p className="help">
          Solid: training (a few steps averaged); dashed with dots: validation after each epoch. Tick runs in the table
          to overlay them.
        </p>
        <div className="train-charts">
          <CurveChart metric="loss" runs={chartRuns} />
          <CurveChart metric="accuracy" runs={chartRuns} />
        </div>
      </div>
      <div className="live-card">
        <RunsTable
          runs={state.runs}
          colors={colors}
          overlaid={overlaid}
          selectedId={selected?.id}
          activeId={state.activeId}
          evaluations={state.evaluations}
          onOverlay={overlay}
          onSelect={(id) => {
            setSelectedId(id);
            setCell(undefined);
          }}
          onEvaluate={(id) => evaluate(id, form.backend)}
          onDownload={(id) => void download(id)}
          onDelete={(id) => void remove(id)}
        />
        <UploadRun onUpload={(json, weights) => upload(json, weights, form.dataset, form.backend)} />
      </div>
      {selected?.confusion && (
        <div className="live-card">
          <h3>Confusion matrix: {selected.name}</h3>
          <p className="help">Rows are the true classes, columns the predictions, at the last validation. Click a cell to see its images.</p>
          <ConfusionMatrix run={selected} selected={cell} onSelect={setCell} />
          {cell && <Misclassified run={selected} cell={cell} />}
        </div>
      )}
    </section>
  );
}
