import { formatCount } from '../../analysis/format';
import { formatDelta, type ModuleRow } from './compare';

interface CompareTableProps {
  readonly rows: readonly ModuleRow[];
  /** The operations' unit, from the Measure: `MACs`, `FLOPs`, … */
  readonly opsLabel: string;
  /** Whether A and B are the same network, so modules are matched by path. */
  readonly matched: boolean;
}

const cell = (value: number | undefined) => (value === undefined ? '' : formatCount(value));
const delta = (value: number | undefined) => (value === undefined ? '' : formatDelta(value, formatCount));

/** Top-level modules of A and B with their parameters and operations, A → B and the change. */
export function CompareTable({ rows, opsLabel, matched }: CompareTableProps) {
  return (
    // Focusable: on a narrow screen it scrolls sideways, and the keyboard must be able to scroll it.
    <div className="compare-table-wrap" tabIndex={0} role="group" aria-label="Modules table">
      <table className="compare-table">
        <caption>
          Modules, A → B
          <span className="cmp-caption-note">
            {matched
              ? ' Matched by path; a blank means the module is absent on that side, and Δ counts it as 0.'
              : ' Different networks: each side lists its own modules, blank where the other has none.'}
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              Module
            </th>
            <th scope="colgroup" colSpan={3}>
              Parameters
            </th>
            <th scope="colgroup" colSpan={3}>
              {opsLabel}
            </th>
          </tr>
          <tr>
            {['params', 'ops'].map((group) => [
              <th scope="col" key={`${group}-a`} className="cmp-num">
                A
              </th>,
              <th scope="col" key={`${group}-b`} className="cmp-num">
                B
              </th>,
              <th scope="col" key={`${group}-d`} className="cmp-num">
                Δ
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.path}</th>
              <td className="cmp-num">{cell(row.a?.params)}</td>
              <td className="cmp-num">{cell(row.b?.params)}</td>
              <td className="cmp-num cmp-delta">{delta(row.delta?.params)}</td>
              <td className="cmp-num">{cell(row.a?.ops)}</td>
              <td className="cmp-num">{cell(row.b?.ops)}</td>
              <td className="cmp-num cmp-delta">{delta(row.delta?.ops)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
