import type { CSSProperties } from 'react';
import type { ModuleCount } from '../../analysis/counts';
import type { Measure } from '../../analysis/ops';
import { formatCompact, formatCount } from '../format';

interface BranchChartProps {
  readonly module: ModuleCount;
  readonly measure: Measure;
  readonly onSelect: (id: string) => void;
}

/** The branches of an inception module (or a residual block) as bars: params and operations. */
export function BranchChart({ module, measure, onSelect }: BranchChartProps) {
  const maxParams = Math.max(1, ...module.children.map((b) => b.params));
  const maxOps = Math.max(1, ...module.children.map((b) => measure.of(b.path)));
  return (
    <figure className="branch-chart">
      <figcaption>Branches: params and {measure.label}</figcaption>
      <table>
        <tbody>
          {module.children.map((branch) => {
            const ops = measure.of(branch.path);
            return (
              <tr key={branch.path}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => onSelect(branch.path)}>
                    {branch.id}
                  </button>
                </th>
                <td>
                  <span className="hbar params" style={{ '--w': branch.params / maxParams } as CSSProperties} aria-hidden="true" />
                  <span className="hbar-label" title={`${formatCount(branch.params)} params`}>
                    {formatCompact(branch.params)} params
                  </span>
                </td>
                <td>
                  <span className="hbar ops" style={{ '--w': ops / maxOps } as CSSProperties} aria-hidden="true" />
                  <span className="hbar-label" title={`${formatCount(ops)} ${measure.label}`}>
                    {formatCompact(ops)} {measure.label}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}
