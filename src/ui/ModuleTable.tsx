import { useState } from 'react';
import { ModuleRow } from './ModuleRow';
import { visibleRows, type ModuleRow as Row } from './rows';

interface ModuleTableProps {
  readonly rows: readonly Row[];
  readonly caption: string;
}

/** The top-level modules with their counts; modules with branches expand in place. */
export function ModuleTable({ rows, caption }: ModuleTableProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (path: string) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (!next.delete(path)) next.add(path);
      return next;
    });

  return (
    <table className="modules">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Module</th>
          <th scope="col">Output (H×W×C)</th>
          <th scope="col" className="num">
            Params
          </th>
          <th scope="col" className="num">
            MACs
          </th>
          <th scope="col">Share of MACs</th>
        </tr>
      </thead>
      <tbody>
        {visibleRows(rows, expanded).map(({ row, depth }) => (
          <ModuleRow key={row.path} row={row} depth={depth} expanded={expanded.has(row.path)} onToggle={toggle} />
        ))}
      </tbody>
    </table>
  );
}
