import { memo, useMemo } from 'react';
import type { Analysis } from '../../analysis/counts';
import type { ProfileResult } from '../../runtime/worker/protocol';
import { formatCount, formatShare } from '../format';
import { BACKEND_LABELS, formatMs } from './live-format';
import type { Task } from './session';
import { shareRows } from './share-layout';
import { ShareChart } from './ShareChart';
import { useElapsed } from './useElapsed';

interface ModuleTimesProps {
  readonly profile: Task<ProfileResult>;
  readonly analysis: Analysis;
  readonly ready: boolean;
  readonly selected: string | undefined;
  readonly onProfile: () => void;
  readonly onCancel: () => void;
  readonly onSelect: (path: string) => void;
}

/** Measured time per top-level module beside its MACs: where MACs do not predict latency. */
export const ModuleTimes = memo(function ModuleTimes({ profile, analysis, ready, selected, onProfile, onCancel, onSelect }: ModuleTimesProps) {
  const busy = profile.status === 'busy';
  const elapsed = useElapsed(busy ? profile.since : undefined);
  const result = profile.status === 'done' ? profile.result : undefined;
  const rows = useMemo(() => (result ? shareRows(analysis, result) : []), [analysis, result]);
  return (
    <section className="live-card" role="region" aria-label="Time per module">
      <h3>Time per module</h3>
      <p className="help">
        Each top-level module runs on its own and its output is read back before the next one starts, so an
        asynchronous backend (WebGL) finishes a module's work inside that module's time. Those waits make the sum a
        little larger than one uninterrupted run. Median of 3 passes after a warm-up pass.
      </p>
      <div className="live-actions">
        <button type="button" className="live-primary" onClick={onProfile} disabled={!ready || busy}>
          Time each module
        </button>
        {busy && (
          <>
            <span role="status">
              {profile.progress ? `${profile.progress.stage} (${profile.progress.done + 1} of ${profile.progress.total})` : 'starting'}…{' '}
              {elapsed?.toFixed(1)} s
            </span>
            <button type="button" className="live-secondary" onClick={onCancel}>
              Cancel
            </button>
          </>
        )}
      </div>
      {result && (
        <>
          <p className="live-summary">
            {BACKEND_LABELS[result.backend]}: {formatMs(result.totalMs)} in all for {formatCount(analysis.totals.macs)}{' '}
            MACs.
          </p>
          <ShareChart rows={rows} selected={selected} onSelect={onSelect} />
          <details className="live-details">
            <summary>Numbers</summary>
            <table className="modules">
              <thead>
                <tr>
                  <th scope="col">module</th>
                  <th scope="col" className="num">MACs</th>
                  <th scope="col" className="num">share</th>
                  <th scope="col" className="num">time</th>
                  <th scope="col" className="num">share</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.path} className={row.path === selected ? 'selected' : undefined}>
                    <th scope="row">{row.path}</th>
                    <td className="num">{formatCount(row.macs)}</td>
                    <td className="num">{formatShare(row.macShare)}</td>
                    <td className="num">{formatMs(row.ms)}</td>
                    <td className="num">{formatShare(row.timeShare)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
      {profile.status === 'failed' && (
        <p className="live-error" role="alert">
          Timing failed: {profile.message}
        </p>
      )}
    </section>
  );
});
