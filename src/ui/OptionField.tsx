import { describeValues, type OptionSpec } from '../model';

interface OptionFieldProps {
  readonly spec: OptionSpec;
  /** The option's text as typed or picked, which may be invalid. */
  readonly value: string;
  readonly onChange: (value: string) => void;
}

/** One option of the spec table: labelled with its key, its help text as the description. */
export function OptionField({ spec, value, onChange }: OptionFieldProps) {
  const id = `option-${spec.key}`;
  const helpId = `${id}-help`;
  const common = { id, value, 'aria-describedby': helpId };
  return (
    <div className="field">
      <label htmlFor={id}>
        <code>{spec.key}</code>
      </label>
      {spec.kind === 'choice' && (
        <select {...common} onChange={(event) => onChange(event.target.value)}>
          {spec.values.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      )}
      {spec.kind === 'number' && (
        <input
          {...common}
          type="number"
          min={spec.min}
          max={spec.max}
          step={spec.integer ? 1 : 'any'}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {spec.kind === 'subset' && (
        <input {...common} type="text" spellCheck={false} onChange={(event) => onChange(event.target.value)} />
      )}
      <p className="help" id={helpId}>
        {spec.help}
        {spec.kind !== 'choice' && <span className="accepts"> Accepts {describeValues(spec)}.</span>}
      </p>
    </div>
  );
}
