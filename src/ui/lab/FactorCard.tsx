import { depthPhrase, factorOps, referencePhrase, type FactorDesign } from '../../analysis/factorization';
import { savingPhrase } from '../../analysis/bottleneck';
import { formatCount } from '../../analysis/format';
import type { Unit } from '../../analysis/ops';
import { LabOpsFigure, LabSteps } from './LabCardParts';
import { unitLabel } from './unitLabel';

interface FactorCardProps {
  readonly design: FactorDesign;
  /** The design every ratio of the comparison is taken against. */
  readonly baseline: FactorDesign;
  /** `the 7x7 conv` */
  readonly baselineName: string;
  /** The comparison's design that saves, which a reference design is set against. */
  readonly saving: FactorDesign;
  readonly unit: Unit;
  /** Params include biases: the first figure says so. */
  readonly bias: boolean;
}

// The bottleneck lab's card colours: grey for the baseline, the accent for the design that saves.
const TONE = { baseline: 'direct', saving: 'bottleneck', reference: 'separable' } as const;

/** One design of a factorization comparison: its convs, params, operations, receptive field and depth. */
export function FactorCard({ design, baseline, baselineName, saving, unit, bias }: FactorCardProps) {
  const ops = factorOps(design, unit);
  const label = unitLabel(unit);
  const paramsLabel = bias ? 'Params (weights + biases)' : 'Weights';
  const noun = bias ? 'params' : 'weights';
  return (
    <article className={`lab-card lab-card-${TONE[design.role]}`} aria-label={design.title}>
      <h4>{design.title}</h4>
      <LabSteps steps={design.steps} />
      <dl className="lab-figures">
        <div>
          <dt>{paramsLabel}</dt>
          <dd>
            <span className="lab-value">{formatCount(design.params)}</span>
            <code className="lab-formula lab-symbolic">{design.symbolic}</code>
            <code className="lab-formula">{design.paramsFormula}</code>
          </dd>
        </div>
        <LabOpsFigure label={label} ops={ops} />
        <div>
          <dt>Receptive field</dt>
          <dd>
            <span className="lab-value">
              {design.receptiveField}×{design.receptiveField}
            </span>
            <code className="lab-formula">{design.receptiveFieldFormula}</code>
          </dd>
        </div>
        <div>
          <dt>Non-linearities</dt>
          <dd>
            {design.relus} {design.relus === 1 ? 'ReLU' : 'ReLUs'}, one per conv
          </dd>
        </div>
      </dl>
      <p className="lab-ratio">
        {design.role === 'baseline' ? (
          'The baseline of this comparison.'
        ) : design.role === 'reference' ? (
          referencePhrase(saving, design, noun)
        ) : (
          <>
            <strong>{savingPhrase(baseline.params, design.params, noun)}</strong> and{' '}
            {savingPhrase(baseline.macs, design.macs, label)} than {baselineName} ({(design.ratio * 100).toFixed(1)}% of its{' '}
            {label}), with {depthPhrase(baseline, design)}.
          </>
        )}
      </p>
    </article>
  );
}
