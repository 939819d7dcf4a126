import { labOps, savingPhrase, type LabDesign } from '../../analysis/bottleneck';
import { formatCount } from '../../analysis/format';
import type { Unit } from '../../analysis/ops';
import { LabOpsFigure, LabSteps } from './LabCardParts';
import { unitLabel } from './unitLabel';

interface DesignCardProps {
  readonly design: LabDesign;
  /** The direct conv, which every ratio is taken against. */
  readonly direct: LabDesign;
  readonly unit: Unit;
}

/** One way of building the layer: its steps, weights and operations with the arithmetic. */
export function DesignCard({ design, direct, unit }: DesignCardProps) {
  const ops = labOps(design, unit);
  const label = unitLabel(unit);
  const isBaseline = design.key === direct.key;
  return (
    <article className={`lab-card lab-card-${design.key}`} aria-label={design.title}>
      <h3>{design.title}</h3>
      <LabSteps steps={design.steps} />
      <dl className="lab-figures">
        <div>
          <dt>Weights</dt>
          <dd>
            <span className="lab-value">{formatCount(design.weights)}</span>
            <code className="lab-formula">{design.weightsFormula}</code>
          </dd>
        </div>
        <LabOpsFigure label={label} ops={ops} />
      </dl>
      <p className="lab-ratio">
        {isBaseline ? (
          'The baseline the other two are compared with.'
        ) : (
          <>
            <strong>{savingPhrase(direct.weights, design.weights, 'weights')}</strong> and{' '}
            {savingPhrase(direct.macs, design.macs, label)} than the direct conv: {(design.ratio * 100).toFixed(1)}% of its cost.
          </>
        )}
      </p>
    </article>
  );
}
