import { formatCount } from '../../analysis/format';
import { formatAccuracy, type AccuracyPoints } from './accuracy';

interface AccuracyTableProps {
  readonly points: AccuracyPoints;
  readonly opsLabel: string;
}

/** The chart's numbers as a table, with every accuracy's source: for screen readers, phones and checking. */
export function AccuracyTable({ points, opsLabel }: AccuracyTableProps) {
  return (
    <details className="cmp-acc-details">
      <summary>The numbers and their sources</summary>
      <div className="compare-table-wrap" tabIndex={0} role="region" aria-label="Accuracy, cost and sources">
        <table className="compare-table">
          <caption>Every catalog configuration: published ImageNet top-1 accuracy, {opsLabel} and params</caption>
          <thead>
            <tr>
              <th scope="col">Configuration</th>
              <th scope="col" className="cmp-num">
                Top-1
              </th>
              <th scope="col" className="cmp-num">
                {opsLabel}
              </th>
              <th scope="col" className="cmp-num">
                Params
              </th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {[...points.plotted, ...points.strip].map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.label}</th>
                <td className="cmp-num">{p.accuracy ? formatAccuracy(p.accuracy.top1) : '—'}</td>
                <td className="cmp-num">{formatCount(p.ops)}</td>
                <td className="cmp-num">{formatCount(p.params)}</td>
                <td className="cmp-acc-source">
                  {p.accuracy ? (
                    <>
                      {p.accuracy.source} (<a href={p.accuracy.url}>{p.accuracy.url}</a>)
                      {p.accuracy.note && <> {p.accuracy.note}</>}
                    </>
                  ) : (
                    'none published'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
