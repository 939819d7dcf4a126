import { describeValues, type OptionSpec } from '../../model';

interface OptionFieldProps {
  readonly spec: OptionSpec;
  /** The option's text as typed or picked, which may be invalid. */
  readonly value: string;
  /** `typing` is true for text and number inputs, whose every keystroke is a change. */
  readonly onChange: (value: string, typing: boolean) => void;
  /** Why the option has no effect in this configuration; the control is disabled then. */
  readonly inert?: string;
}

/** One option of the spec table: labelled with its key, its help text as the description. */
export function OptionField({ spec, value, onChange, inert }: OptionFieldProps) {
  const id = `option-${spec.key}`;
  const helpId = `${id}-help`;
  const common = { id, value, 'aria-describedby': helpId, disabled: inert !== undefined };
  return (
    <div className={inert === undefined ? 'field' : 'field inert-field'}>
      <label htmlFor={id}>
        <code>{spec.key}</code>
      </label>
      {spec.kind === 'choice' && (
        <select {...common} onChange={(event) => onChange(event.target.value, false)}>
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
          onChange={(event) => onChange(event.target.value, true)}
        />
      )}
      {spec.kind === 'subset' && (
        <input {...common} type="text" spellCheck={false} onChange={(event) => onChange(event.target.value, true)} />
      )}
      <p className="help" id={helpId}>
        {spec.help}
        {spec.kind !== 'choice' && <span className="accepts"> Accepts {describeValues(spec)}.</span>}
        {inert !== undefined && <span className="inert"> {inert}</span>}
      </p>
    </div>
  );
}
