import { formatCompact } from '../../analysis/format';
import type { EvaluationResult, RunRecord } from '../../runtime/training/protocol';
import { formatDuration, formatPercent, secondsPerEpoch } from './format';
import { runStatusText, type ActiveRun } from './run-status';

interface RunsTableProps {
  readonly runs: readonly RunRecord[];
  readonly colors: ReadonlyMap<string, string>;
  readonly overlaid: ReadonlySet<string>;
  readonly selectedId?: string;
  /** The run training now, with its progress and what the page asked of it. */
  readonly active: ActiveRun;
  readonly evaluations: Readonly<Record<string, EvaluationResult | string>>;
  readonly onOverlay: (runId: string, on: boolean) => void;
  readonly onSelect: (runId: string) => void;
  readonly onEvaluate: (runId: string) => void;
  readonly onDownload: (runId: string) => void;
  readonly onDelete: (runId: string) => void;
}

const lastAccuracy = (run: RunRecord) => [...run.epochs].reverse().find((e) => e.validationAccuracy !== undefined)?.validationAccuracy;
const epochsDone = (run: RunRecord) => run.epochs.reduce((sum, e) => sum + e.fraction, 0);

function evaluationText(value: EvaluationResult | string | undefined): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  return `${formatPercent(value.accuracy)} on ${value.images.toLocaleString('en-US')} images (${value.backend})`;
}

/** Every kept run: what it costs, how fast it trained, how well it does; and what to do with it. */
export function RunsTable({ runs, colors, overlaid, selectedId, active: activeRun, evaluations, onOverlay, onSelect, onEvaluate, onDownload, onDelete }: RunsTableProps) {
  if (runs.length === 0) return <p className="help">No runs yet: start one, or upload a model.</p>;
  return (
    <table className="train-runs">
      <caption>Runs</caption>
      <thead>
        <tr>
          <th scope="col">Chart</th>
          <th scope="col">Run</th>
          <th scope="col">Params</th>
          <th scope="col">MACs</th>
          <th scope="col">Epochs</th>
          <th scope="col">Time per epoch</th>
          <th scope="col">Validation accuracy</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => {
          const active = run.id === activeRun.id;
          const perEpoch = secondsPerEpoch(run.epochs);
          const evaluation = evaluationText(evaluations[run.id]);
          return (
            <tr key={run.id} className={run.id === selectedId ? 'train-selected' : undefined} data-run={run.id}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Overlay ${run.name}`}
                  checked={overlaid.has(run.id)}
                  onChange={(e) => onOverlay(run.id, e.target.checked)}
                />
              </td>
              <th scope="row">
                <span className="train-swatch" style={{ background: colors.get(run.id) }} />
                <button type="button" className="train-link" aria-pressed={run.id === selectedId} onClick={() => onSelect(run.id)}>
                  {run.name}
                </button>
                <span className={`train-status train-status-${run.status}`}>{runStatusText(run, activeRun)}</span>
                {run.error && <span className="train-run-error">{run.error}</span>}
              </th>
              <td className="num">{formatCompact(run.params)}</td>
              <td className="num">{run.macs === undefined ? '–' : formatCompact(run.macs)}</td>
              <td className="num">{run.epochs.length === 0 ? '–' : `${Number(epochsDone(run).toFixed(2))} / ${run.settings?.epochs ?? '?'}`}</td>
              <td className="num">
                {perEpoch === undefined ? '–' : formatDuration(perEpoch)}
                {run.backend && <span className="train-backend"> on {run.backend}</span>}
              </td>
              <td className="num train-accuracy">{formatPercent(lastAccuracy(run))}</td>
              <td className="train-actions">
                <button type="button" className="live-secondary" disabled={!run.saved} onClick={() => onEvaluate(run.id)}>
                  Evaluate
                </button>
                <button type="button" className="live-secondary" disabled={!run.saved} onClick={() => onDownload(run.id)}>
                  Download
                </button>
                <button type="button" className="live-secondary" disabled={active} onClick={() => onDelete(run.id)}>
                  Delete
                </button>
                {evaluation && (
                  <span className="train-evaluation" role="status">
                    Evaluated: {evaluation}
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
