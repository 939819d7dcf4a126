// What every lab card shows the same way: its steps with their output shapes, and its operations
// with the arithmetic.

import type { LabStep } from '../../analysis/bottleneck';
import { formatCount } from '../../analysis/format';

/** The layers of a design, each with the shape it outputs. */
export function LabSteps({ steps }: { steps: readonly LabStep[] }) {
  return (
    <ol className="lab-steps">
      {steps.map((step, i) => (
        <li key={i}>
          {step.label} <span className="lab-shape">→ {step.output.join('×')}</span>
        </li>
      ))}
    </ol>
  );
}

/** The operations figure: the value in the lab's unit and its formula. */
export function LabOpsFigure({ label, ops }: { label: string; ops: { readonly value: number; readonly formula: string } }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        <span className="lab-value">{formatCount(ops.value)}</span> <span className="lab-unit">{label}</span>
        <code className="lab-formula">{ops.formula}</code>
      </dd>
    </div>
  );
}
