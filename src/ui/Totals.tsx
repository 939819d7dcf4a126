import type { Cost } from '../analysis/counts';
import { Stat } from './Stat';

interface TotalsProps {
  readonly totals: Cost;
}

/** Whole-network counts, each number with its unit. */
export function Totals({ totals }: TotalsProps) {
  return (
    <section className="totals" role="region" aria-label="Totals">
      <h2>Totals</h2>
      <dl>
        <Stat label="Parameters" value={totals.params} unit="params" />
        <Stat label="Trainable" value={totals.trainable} unit="params" />
        <Stat label="Non-trainable" value={totals.nonTrainable} unit="params" />
        <Stat label="MACs" value={totals.macs} unit="MACs" />
        <Stat label="FLOPs" value={totals.flops} unit="FLOPs" />
      </dl>
      <p className="note">
        One image. MACs are the multiply-accumulates of conv and dense kernels; FLOPs = 2 × MACs. Bias adds,
        BatchNorm, activations and pooling are not counted. Non-trainable parameters are BatchNorm's moving
        mean and variance.
      </p>
    </section>
  );
}
