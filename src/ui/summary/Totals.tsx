import type { Cost } from '../../analysis/counts';
import { EXTRAS, type Measure } from '../../analysis/ops';
import { Stat } from './Stat';

interface TotalsProps {
  readonly totals: Cost;
  readonly measure: Measure;
}

/** Whole-network counts, each number with its unit, and what the operation count includes. */
export function Totals({ totals, measure }: TotalsProps) {
  const extras = EXTRAS.filter((e) => measure.extras.includes(e.key)).map((e) => e.label);
  return (
    <section className="totals" role="region" aria-label="Totals">
      <h2>Totals</h2>
      <dl>
        <Stat label="Parameters" value={totals.params} unit="params" />
        <Stat label="Trainable" value={totals.trainable} unit="params" />
        <Stat label="Non-trainable" value={totals.nonTrainable} unit="params" />
        <Stat label={measure.label} value={measure.total} unit={measure.label} />
      </dl>
      <p className="note">
        One image. {measure.unit === 'flops' ? 'FLOPs = 2 × the multiply-accumulates' : 'MACs are the multiply-accumulates'} of
        conv and dense kernels
        {extras.length > 0
          ? `, plus ${extras.join(', ')} counted as ptflops counts them (one operation per value).`
          : '; bias adds, BatchNorm, activations and pooling are not counted.'}{' '}
        Non-trainable parameters are BatchNorm&apos;s moving mean and variance.
      </p>
    </section>
  );
}
