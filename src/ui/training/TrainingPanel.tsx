import { useMemo, useState } from 'react';
import { networks, type NetworkName } from '../../model';
import type { TrainingClient } from '../../runtime/training/client';
import { ConfusionMatrix } from './ConfusionMatrix';
import { CurveChart } from './CurveChart';
import { runColor } from './chart';
import type { Cell } from './confusion';
import { Misclassified } from './Misclassified';
import { RunsTable } from './RunsTable';
import { checkForm, defaultForm, defaultVariant, type TrainingForm as Form } from './settings';
import { plannedSteps, SHORT_RUN_STEPS, SHORT_RUN_WHY, shortRuns } from './short-run';
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

/** Switching the network stops the run: the form then describes a network the run is not. */
const networkQuestion = (network: NetworkName) =>
  `A run is training. Stop it (it is kept with what it reached) and switch the network to ${networks[network].title}?`;

/** A variant switch only changes the form: the run trains on as it started. */
const variantQuestion = (run: string | undefined, key: string, value: string) =>
  `${run === undefined ? 'The run' : `"${run}"`} keeps training as it started. Set ${key}=${value} for the next run?`;

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
  const short = useMemo(() => shortRuns(state.runs, state.activeId), [state.runs, state.activeId]);
  // Known before the start only with a limit: the whole digits or CIFAR-10 make hundreds of steps an epoch.
  const planned = checked.params?.trainLimit === undefined ? undefined : plannedSteps(checked.params.trainLimit, checked.params.batchSize, checked.params.epochs);

  /** Switching while a run trains asks first, saying what happens to the run; cancelling keeps the run and the form. */
  const onNetwork = (network: NetworkName) => {
    if (network === form.network) return;
    if (busy) {
      if (!window.confirm(networkQuestion(network))) return;
      control('stop');
    }
    setForm({ ...form, network, variant: defaultVariant(network) });
  };
  const onVariant = (key: string, value: string) => {
    if (busy && !window.confirm(variantQuestion(active?.name, key, value))) return;
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
        {planned !== undefined && planned < SHORT_RUN_STEPS && (
          <p className="train-short-note" role="note">
            This run will make {planned} {planned === 1 ? 'step' : 'steps'} at most. {SHORT_RUN_WHY}
          </p>
        )}
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
          active={{ id: state.activeId, progress: state.progress, pauseAsked: state.paused, stopAsked: state.stopping }}
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
        {short.length > 0 && (
          <p className="train-short-note" role="note">
            Short {short.length === 1 ? 'run' : 'runs'}: {short.map(({ run, steps }) => `${run.name} (${steps} ${steps === 1 ? 'step' : 'steps'})`).join(', ')}. {SHORT_RUN_WHY}
          </p>
        )}
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
