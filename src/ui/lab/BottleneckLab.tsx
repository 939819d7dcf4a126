import { useMemo, useState } from 'react';
import { LAB_DEFAULTS, LAB_FIELDS, bottleneckLab, type LabField } from '../../analysis/bottleneck';
import type { Unit } from '../../analysis/ops';
import { DesignCard } from './DesignCard';
import { LabBars } from './LabBars';
import { LabExplainer } from './LabExplainer';
import { LabFields } from './LabFields';
import { useLastValid } from './useLastValid';
import { LabIssues } from './LabIssues';
import { LabLatency, type MeasureConvs } from './LabLatency';
import { LAB_EXAMPLES, labText, readLabText, type LabText } from './labText';
import './lab.css';

export interface BottleneckLabProps {
  /** Operations are shown as MACs or FLOPs (2 × MACs); the unit is printed next to every number. */
  readonly unit: Unit;
  /** Times the three designs in TensorFlow.js; without it the lab shows counts only. */
  readonly measureConvs?: MeasureConvs;
}

/** The worked example: one k×k conv layer built directly, behind a 1x1 bottleneck, and depthwise-separable. */
export function BottleneckLab({ unit, measureConvs }: BottleneckLabProps) {
  const [text, setText] = useState<LabText>(() => labText(LAB_DEFAULTS));
  const result = useMemo(() => bottleneckLab(readLabText(text)), [text]);

  const visible = useLastValid(result);
  const issues = result.ok ? [] : result.issues;

  const setField = (field: LabField, value: string) => setText((previous) => ({ ...previous, [field]: value }));
  const setExample = (id: string) => {
    const example = LAB_EXAMPLES.find((e) => e.id === id);
    if (example) setText(labText(example.input));
  };

  return (
    <section className="lab" role="region" aria-label="Bottleneck lab">
      <h2>Bottleneck lab</h2>
      <p className="lab-intro">
        One convolution layer, three ways to build it. All use “same” padding, stride 1 and no biases, so every
        weight is used once per output pixel.
      </p>
      <LabFields
        legend="Input feature map and layer"
        fields={LAB_FIELDS}
        text={text}
        invalid={new Set(issues.map((i) => i.field))}
        examples={LAB_EXAMPLES}
        onChange={setField}
        onExample={setExample}
      />
      {issues.length > 0 && <LabIssues issues={issues} />}
      {visible && (
        <div className={result.ok ? 'lab-results' : 'lab-results stale'}>
          {visible.notes.map((note) => (
            <p className="lab-note" role="status" key={note}>
              {note}
            </p>
          ))}
          <div className="lab-cards">
            {visible.designs.map((design) => (
              <DesignCard key={design.key} design={design} direct={visible.designs[0]} unit={unit} />
            ))}
          </div>
          <LabBars designs={visible.designs} unit={unit} />
        </div>
      )}
      {measureConvs && <LabLatency input={result.ok ? readLabText(text) : undefined} measure={measureConvs} />}
      <LabExplainer />
    </section>
  );
}
