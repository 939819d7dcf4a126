import type { Extra, Unit } from '../../analysis/ops';
import { formatCount } from '../format';
import type { Explored } from '../explore';
import { changes, switched, type Change } from './delta';

interface DeltaBarProps {
  /** Before and after the latest switch; undefined before the first one. */
  readonly before: Explored | undefined;
  readonly after: Explored;
  readonly unit: Unit;
  readonly extras: readonly Extra[];
  /** The selected module or layer, compared too. */
  readonly selected: string | undefined;
}

const side = (value: number | undefined, unit: string) => (value === undefined ? 'absent' : `${formatCount(value)} ${unit}`);

function describe(c: Change): string {
  const times = c.ratio === undefined ? '' : ` (×${c.ratio >= 10 ? c.ratio.toFixed(1) : c.ratio.toFixed(3)})`;
  return `${side(c.before, c.unit)} → ${side(c.after, c.unit)}${times}`;
}

/**
 * Which switch changed, and before → after for the network and the selected module. Always
 * drawn, so that the first switch does not push the views down the page.
 */
export function DeltaBar({ before, after, unit, extras, selected }: DeltaBarProps) {
  const list = before ? changes(before.analysis, after.analysis, unit, extras, selected) : [];
  const names = before ? switched(before.configuration.optionText, after.configuration.optionText) : [];
  return (
    <section className="delta" role="status" aria-label="Latest change">
      <h3>
        Latest switch{names.length > 0 && <span className="delta-switch">{names.join(', ')}</span>}
      </h3>
      {!before ? (
        <p className="muted">Flip a switch: what it changes shows here, before → after.</p>
      ) : list.length === 0 ? (
        <p>No count changed.</p>
      ) : (
        <ul>
          {[...new Set(list.map((c) => c.label))].map((label) => (
            <li key={label}>
              <span className="delta-label">{label}</span>{' '}
              {list
                .filter((c) => c.label === label)
                .map(describe)
                .join(' · ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
