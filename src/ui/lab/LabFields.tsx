import { useId } from 'react';
import { LAB_FIELDS, type LabField } from '../../analysis/bottleneck';
import { LAB_EXAMPLES, type LabText } from './labText';

interface LabFieldsProps {
  readonly text: LabText;
  /** Fields that have a problem, marked aria-invalid. */
  readonly invalid: ReadonlySet<LabField>;
  readonly onChange: (field: LabField, value: string) => void;
  readonly onExample: (id: string) => void;
}

/** The six numbers of the layer, and examples that fill them in. */
export function LabFields({ text, invalid, onChange, onExample }: LabFieldsProps) {
  const prefix = useId();
  return (
    <fieldset className="lab-fields">
      <legend>Input feature map and layer</legend>
      <div className="lab-grid">
        {LAB_FIELDS.map(({ key, label, max }) => (
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
      <div className="lab-examples">
        <span>Try:</span>
        {LAB_EXAMPLES.map((example) => (
          <button type="button" key={example.id} onClick={() => onExample(example.id)}>
            {example.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
