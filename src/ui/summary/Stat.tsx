import { formatCompact, formatCount } from '../format';

interface StatProps {
  readonly label: string;
  readonly value: number;
  readonly unit: string;
}

/** One number with its unit, and a compact form for reading at a glance. */
export function Stat({ label, value, unit }: StatProps) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>
        <span className="value">{formatCount(value)}</span> <span className="unit">{unit}</span>
        {value >= 1000 && <span className="compact"> ≈ {formatCompact(value)}</span>}
      </dd>
    </div>
  );
}
