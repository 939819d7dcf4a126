import { useMemo } from 'react';
import type { Analysis } from '../../analysis/counts';
import type { Measure } from '../../analysis/ops';
import { formatShape } from '../format';
import { tableRows } from './rows';
import { TableRowView } from './TableRowView';

interface TableViewProps {
  readonly title: string;
  readonly analysis: Analysis;
  readonly measure: Measure;
  readonly expanded: ReadonlySet<string>;
  readonly selected: string | undefined;
  readonly onToggle: (path: string) => void;
  readonly onSelect: (id: string) => void;
  readonly onExpandAll: () => void;
  readonly onCollapseAll: () => void;
}

/** The graph's data as an accessible table: modules expand to branches and layers in place. */
export function TableView(props: TableViewProps) {
  const { analysis, measure, expanded } = props;
  const rows = useMemo(() => tableRows(analysis, measure, expanded), [analysis, measure, expanded]);
  return (
    <section className="table-view" role="region" aria-label="Table">
      <div className="view-tools">
        <button type="button" onClick={props.onExpandAll}>
          Expand all
        </button>
        <button type="button" onClick={props.onCollapseAll}>
          Collapse all
        </button>
      </div>
      <table className="modules">
        <caption>
          {props.title}, input {formatShape(analysis.input)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Module / layer</th>
            <th scope="col">Type</th>
            <th scope="col">Output (H×W×C)</th>
            <th scope="col" className="num">
              Params
            </th>
            <th scope="col" className="num">
              {measure.label}
            </th>
            <th scope="col">Share of {measure.label}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <TableRowView
              key={row.id}
              row={row}
              selected={row.id === props.selected}
              onToggle={props.onToggle}
              onSelect={props.onSelect}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}
