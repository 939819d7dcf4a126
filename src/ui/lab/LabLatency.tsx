import { useState } from 'react';
import type { LabInput } from '../../analysis/bottleneck';
import type { BenchConvsResult } from '../../runtime/worker/protocol';
import { formatMs, speedup } from '../live/live-format';

export type MeasureConvs = (input: LabInput) => Promise<BenchConvsResult>;

interface LabLatencyProps {
  /** The current, valid lab input; undefined while a field is invalid. */
  readonly input: LabInput | undefined;
  readonly measure: MeasureConvs;
}

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'measuring' }
  | { readonly kind: 'done'; readonly input: LabInput; readonly result: BenchConvsResult }
  | { readonly kind: 'failed'; readonly message: string };

const ROWS = [
  ['direct', 'Direct conv'],
  ['bottleneck', '1x1 bottleneck'],
  ['separable', 'Depthwise-separable'],
] as const;

const same = (a: LabInput, b: LabInput) => (Object.keys(a) as (keyof LabInput)[]).every((k) => a[k] === b[k]);

/** Measured latency of the three designs in TensorFlow.js (in the live worker), beside the counts. */
export function LabLatency({ input, measure }: LabLatencyProps) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const start = () => {
    if (!input) return;
    setState({ kind: 'measuring' });
    measure(input).then(
      (result) => setState({ kind: 'done', input, result }),
      (error: unknown) => setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  };
  const stale = state.kind === 'done' && input !== undefined && !same(state.input, input);
  return (
    <section className="lab-latency" aria-label="Measured latency">
      <h3>Measured latency</h3>
      <p className="muted">
        The three layers run in TensorFlow.js in a worker on the live backend (see the Live tab), median of several runs
        on random input. Fewer MACs usually means less time, but not in proportion: small layers are bound by memory
        and overheads.
      </p>
      <button type="button" onClick={start} disabled={!input || state.kind === 'measuring'}>
        {state.kind === 'measuring' ? 'Measuring…' : 'Measure latency'}
      </button>
      {state.kind === 'failed' && (
        <p role="alert" className="lab-latency-error">
          Could not measure: {state.message}
        </p>
      )}
      {state.kind === 'done' && (
        <table className={stale ? 'stale' : undefined}>
          <caption>
            On {state.result.backend}
            {stale ? ' — for the previous sizes; measure again' : ''}
          </caption>
          <tbody>
            {ROWS.map(([key, label]) => (
              <tr key={key}>
                <th scope="row">{label}</th>
                <td className="num">{formatMs(state.result[key])}</td>
                <td className="num muted">
                  {key === 'direct' ? '' : speedup(state.result.direct, state.result[key], 'direct')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
