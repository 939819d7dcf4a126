import { formatCount } from '../../analysis/format';
import { formatDelta, formatRatio, type TotalRow } from './compare';

interface CompareTotalsProps {
  readonly rows: readonly TotalRow[];
  readonly labelA: string;
  readonly labelB: string;
}

/** Whole-network totals of A and B, with B − A and B / A; every number carries its unit. */
export function CompareTotals({ rows, labelA, labelB }: CompareTotalsProps) {
  const unit = (row: TotalRow) => (row.key === 'ops' ? row.label : 'params');
  const withUnit = (value: string, row: TotalRow) => (
    <>
      {value} <span className="cmp-unit">{unit(row)}</span>
    </>
  );
  return (
    // Focusable: on a narrow screen it scrolls sideways, and the keyboard must be able to scroll it.
    <div className="compare-table-wrap" tabIndex={0} role="group" aria-label="Totals table">
      <table className="compare-totals">
        <caption>Totals</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="sr-only">Count</span>
            </th>
            <th scope="col" className="cmp-num">
              <span className="cmp-side-tag">A</span> {labelA}
            </th>
            <th scope="col" className="cmp-num">
              <span className="cmp-side-tag cmp-side-tag-b">B</span> {labelB}
            </th>
            <th scope="col" className="cmp-num">
              Δ (B − A)
            </th>
            <th scope="col" className="cmp-num">
              B / A
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td className="cmp-num">{withUnit(formatCount(row.a), row)}</td>
              <td className="cmp-num">{withUnit(formatCount(row.b), row)}</td>
              <td className={`cmp-num cmp-delta ${row.delta < 0 ? 'cmp-down' : row.delta > 0 ? 'cmp-up' : ''}`}>
                {withUnit(formatDelta(row.delta, formatCount), row)}
              </td>
              <td className="cmp-num">{formatRatio(row.ratio)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
