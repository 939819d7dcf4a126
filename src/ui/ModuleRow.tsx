import type { CSSProperties } from 'react';
import { formatCount, formatShape, formatShare } from './format';
import type { ModuleRow as Row } from './rows';

interface ModuleRowProps {
  readonly row: Row;
  /** 0 for a top-level module, 1 for its branches. */
  readonly depth: number;
  readonly expanded: boolean;
  readonly onToggle: (path: string) => void;
}

/** One module (or branch) of the table; modules with branches have an expand button. */
export function ModuleRow({ row, depth, expanded, onToggle }: ModuleRowProps) {
  const expandable = row.children.length > 0;
  return (
    <tr className={depth > 0 ? 'branch' : undefined}>
      <th scope="row" style={{ '--depth': depth } as CSSProperties}>
        {expandable ? (
          <button type="button" className="toggle" aria-expanded={expanded} onClick={() => onToggle(row.path)}>
            <span className="chevron" aria-hidden="true" />
            {row.id}
          </button>
        ) : (
          <span className="leaf">{row.id}</span>
        )}
        {row.tap && <span className="tag">side output</span>}
      </th>
      <td className="shape">{formatShape(row.output)}</td>
      <td className="num">{formatCount(row.params)}</td>
      <td className="num">{formatCount(row.macs)}</td>
      <td>
        <div className="share">
          <span className="bar" style={{ '--share': row.share } as CSSProperties} aria-hidden="true" />
          <span className="num">{formatShare(row.share)}</span>
        </div>
      </td>
    </tr>
  );
}
