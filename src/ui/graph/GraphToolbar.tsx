// The controls above the graph: what boxes encode, expand/collapse everything, fit to the view.

import { useId } from 'react';
import type { Encoding } from '../state/view';

interface GraphToolbarProps {
  readonly encoding: Encoding;
  /** The unit operations are shown in (`MACs`, `FLOPs`...). */
  readonly opsLabel: string;
  readonly onEncoding: (encoding: Encoding) => void;
  readonly onExpandAll: () => void;
  readonly onCollapseAll: () => void;
  readonly onFit: () => void;
}

export function GraphToolbar({ encoding, opsLabel, onEncoding, onExpandAll, onCollapseAll, onFit }: GraphToolbarProps) {
  const id = useId();
  return (
    <div className="graph-toolbar">
      <span className="graph-encode">
        <label htmlFor={id}>Encode</label>
        <select id={id} value={encoding} onChange={(e) => onEncoding(e.target.value as Encoding)}>
          <option value="macs">{opsLabel}</option>
          <option value="params">params</option>
        </select>
      </span>
      <span className="graph-buttons">
        <button type="button" onClick={onExpandAll}>
          Expand all
        </button>
        <button type="button" onClick={onCollapseAll}>
          Collapse all
        </button>
        <button type="button" onClick={onFit}>
          Fit
        </button>
      </span>
    </div>
  );
}
