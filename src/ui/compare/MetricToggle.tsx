import { useId } from 'react';

export type Metric = 'params' | 'ops';

interface MetricToggleProps {
  readonly value: Metric;
  /** The operations' unit, from the Measure. */
  readonly opsLabel: string;
  readonly onChange: (metric: Metric) => void;
}

/** Chooses what the module bar chart shows: parameters or operations. */
export function MetricToggle({ value, opsLabel, onChange }: MetricToggleProps) {
  const name = useId();
  const choices: readonly [Metric, string][] = [
    ['params', 'Parameters'],
    ['ops', opsLabel],
  ];
  return (
    <fieldset className="cmp-metric-toggle">
      <legend>Bars show</legend>
      {choices.map(([metric, label]) => (
        <label key={metric}>
          <input type="radio" name={name} value={metric} checked={value === metric} onChange={() => onChange(metric)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
