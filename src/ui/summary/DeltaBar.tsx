import type { Analysis } from '../../analysis/counts';
import type { Extra, Unit } from '../../analysis/ops';
import { formatCount } from '../format';
import { changes, type Change } from './delta';

interface DeltaBarProps {
  readonly before: Analysis;
  readonly after: Analysis;
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

/** Before → after of the latest switch, for the network and for the selected module. */
export function DeltaBar({ before, after, unit, extras, selected }: DeltaBarProps) {
  const list = changes(before, after, unit, extras, selected);
  return (
    <section className="delta" role="status" aria-label="Latest change">
      <h3>Latest switch</h3>
      {list.length === 0 ? (
        <p>No count changed.</p>
      ) : (
        <ul>
          {list.map((c) => (
            <li key={`${c.label} ${c.unit}`}>
              <span className="delta-label">{c.label}</span> {describe(c)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
