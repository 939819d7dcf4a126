import { useId, useMemo, useState } from 'react';
import { FACTOR_DEFAULTS, FACTOR_FIELDS, factorizationLab, type FactorField } from '../../analysis/factorization';
import type { Unit } from '../../analysis/ops';
import copy from './explainer.json';
import { FactorCard } from './FactorCard';
import { FactorExplainer } from './FactorExplainer';
import { LabFields } from './LabFields';
import { useLastValid } from './useLastValid';
import { LabIssues } from './LabIssues';
import { fieldText, readFieldText, type FieldText } from './labText';
import './lab.css';

export interface FactorizationLabProps {
  /** Operations are shown as MACs or FLOPs (2 × MACs); the unit is printed next to every number. */
  readonly unit: Unit;
}

const EXAMPLES = copy.factorization.examples;

/** A big kernel against stacked 3x3 convs, and a bottleneck block against two 3x3 convs, on editable sizes. */
export function FactorizationLab({ unit }: FactorizationLabProps) {
  const biasId = useId();
  const [text, setText] = useState<FieldText<FactorField>>(() => fieldText(FACTOR_FIELDS, FACTOR_DEFAULTS));
  const [bias, setBias] = useState(FACTOR_DEFAULTS.bias);
  const result = useMemo(() => factorizationLab({ ...readFieldText(FACTOR_FIELDS, text), bias }), [text, bias]);

  const visible = useLastValid(result);
  const issues = result.ok ? [] : result.issues;

  const setField = (field: FactorField, value: string) => setText((previous) => ({ ...previous, [field]: value }));
  const setExample = (id: string) => {
    const example = EXAMPLES.find((e) => e.id === id);
    if (example) setText(fieldText(FACTOR_FIELDS, example.input));
  };

  return (
    <section className="lab" role="region" aria-label="Factorization lab">
      <h2>Factorization lab</h2>
      <p className="lab-intro">
        Two arguments for small kernels. Every conv here keeps C channels in and out, except inside the bottleneck
        block, which narrows to b; all use “same” padding and stride 1, so MACs = weights × H×W, and the receptive
        field of a stack is 1 + Σ(k − 1).
      </p>
      <LabFields
        legend="Feature map and block"
        fields={FACTOR_FIELDS}
        text={text}
        invalid={new Set(issues.map((i) => i.field))}
        examples={EXAMPLES}
        onChange={setField}
        onExample={setExample}
      >
        <div className="lab-check">
          <input id={biasId} type="checkbox" checked={bias} onChange={(event) => setBias(event.target.checked)} />
          <label htmlFor={biasId}>Biases (one per output channel of every conv: params, no MACs)</label>
        </div>
      </LabFields>
      {issues.length > 0 && <LabIssues issues={issues} title="Cannot compute these convs." />}
      {visible && (
        <div className={result.ok ? 'lab-results' : 'lab-results stale'}>
          {visible.notes.map((note) => (
            <p className="lab-note" role="status" key={note}>
              {note}
            </p>
          ))}
          {visible.comparisons.map((comparison) => (
            <section className="lab-comparison" key={comparison.key} aria-label={comparison.title}>
              <h3>{comparison.title}</h3>
              <p className="lab-source">{copy.factorization.sources[comparison.key]}</p>
              <div className="lab-cards">
                {comparison.designs.map((design) => (
                  <FactorCard
                    key={design.key}
                    design={design}
                    baseline={comparison.designs[0]}
                    baselineName={comparison.baselineName}
                    saving={comparison.designs.find((d) => d.role === 'saving') ?? design}
                    unit={unit}
                    bias={visible.input.bias}
                  />
                ))}
              </div>
            </section>
          ))}
        </div>
      )}
      <FactorExplainer />
    </section>
  );
}
