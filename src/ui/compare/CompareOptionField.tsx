import { useId } from 'react';
import { describeValues, type OptionSpec } from '../../model';

interface CompareOptionFieldProps {
  readonly spec: OptionSpec;
  /** The option's text as typed or picked, which may be invalid. */
  readonly value: string;
  readonly invalid: boolean;
  readonly onChange: (value: string) => void;
}

/** One option of configuration B; its accessible name is "Compare <key>" so it never clashes with A's. */
export function CompareOptionField({ spec, value, invalid, onChange }: CompareOptionFieldProps) {
  const id = useId();
  const help = spec.kind === 'choice' ? spec.help : `${spec.help} Accepts ${describeValues(spec)}.`;
  const common = { id, value, title: help, 'aria-invalid': invalid || undefined };
  return (
    <div className="field">
      <label htmlFor={id}>
        <span className="sr-only">Compare </span>
        <code>{spec.key}</code>
      </label>
      {spec.kind === 'choice' ? (
        <select {...common} onChange={(event) => onChange(event.target.value)}>
          {spec.values.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={spec.kind === 'number' ? 'number' : 'text'}
          spellCheck={false}
          {...(spec.kind === 'number' && { min: spec.min, max: spec.max, step: spec.integer ? 1 : 'any' })}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </div>
  );
}
