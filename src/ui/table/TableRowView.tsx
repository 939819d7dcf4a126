import type { CSSProperties } from 'react';
import { formatCount, formatShape, formatShare } from '../format';
import type { TableRow } from './rows';

interface TableRowViewProps {
  readonly row: TableRow;
  readonly selected: boolean;
  readonly onToggle: (path: string) => void;
  readonly onSelect: (id: string) => void;
}

/** One module, branch or layer: an expand button where there is something inside, a select button. */
export function TableRowView({ row, selected, onToggle, onSelect }: TableRowViewProps) {
  return (
    <tr className={[row.isModule ? 'module-row' : 'layer-row', selected ? 'selected' : ''].join(' ')}>
      <th scope="row" style={{ '--depth': row.depth } as CSSProperties}>
        {row.expandable ? (
          <button
            type="button"
            className="toggle"
            aria-expanded={row.expanded}
            aria-label={`${row.expanded ? 'Collapse' : 'Expand'} ${row.id}`}
            onClick={() => onToggle(row.id)}
          >
            <span className="chevron" aria-hidden="true" />
          </button>
        ) : (
          <span className="toggle-space" aria-hidden="true" />
        )}
        <button type="button" className="select" aria-pressed={selected} onClick={() => onSelect(row.id)}>
          {row.label}
        </button>
        {row.tap && <span className="tag">side output</span>}
      </th>
      <td className="type">{row.type}</td>
      <td className="shape">{formatShape(row.output)}</td>
      <td className="num">{formatCount(row.params)}</td>
      <td className="num">{formatCount(row.ops)}</td>
      <td>
        <div className="share">
          <span className="bar" style={{ '--share': row.share } as CSSProperties} aria-hidden="true" />
          <span className="num">{formatShare(row.share)}</span>
        </div>
      </td>
    </tr>
  );
}
