import { useId, type ReactNode } from 'react';
import type { LabFieldSpec } from '../../analysis/lab-input';
import type { FieldText } from './labText';

interface LabFieldsProps<F extends string> {
  readonly legend: string;
  readonly fields: readonly LabFieldSpec<F>[];
  readonly text: FieldText<F>;
  /** Fields that have a problem, marked aria-invalid. */
  readonly invalid: ReadonlySet<F>;
  readonly examples: readonly { readonly id: string; readonly label: string }[];
  readonly onChange: (field: F, value: string) => void;
  readonly onExample: (id: string) => void;
  /** Further controls after the numbers (a checkbox). */
  readonly children?: ReactNode;
}

/** A lab's numbers, each a labelled whole-number input, and examples that fill them in. */
export function LabFields<F extends string>({ legend, fields, text, invalid, examples, onChange, onExample, children }: LabFieldsProps<F>) {
  const prefix = useId();
  return (
    <fieldset className="lab-fields">
      <legend>{legend}</legend>
      <div className="lab-grid">
        {fields.map(({ key, label, max }) => (
          <div className="field" key={key}>
            <label htmlFor={`${prefix}-${key}`}>{label}</label>
            <input
              id={`${prefix}-${key}`}
              type="number"
              inputMode="numeric"
              min={1}
              max={max}
              step={1}
              value={text[key]}
              aria-invalid={invalid.has(key) || undefined}
              onChange={(event) => onChange(key, event.target.value)}
            />
          </div>
        ))}
      </div>
      {children}
      <div className="lab-examples">
        <span>Try:</span>
        {examples.map((example) => (
          <button type="button" key={example.id} onClick={() => onExample(example.id)}>
            {example.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
