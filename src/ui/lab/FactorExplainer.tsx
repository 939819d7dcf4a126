import { FACTOR_DEFAULTS, factorizationLab } from '../../analysis/factorization';
import { formatCount } from '../../analysis/format';
import copy from './explainer.json';

// The numbers at the defaults are computed, not typed, so the prose cannot drift from the lab.
const result = factorizationLab(FACTOR_DEFAULTS);
const design = Object.fromEntries(result.ok ? result.comparisons.flatMap((c) => c.designs.map((d) => [d.key, d])) : []);
const { channels: c, bottleneck: b } = FACTOR_DEFAULTS;

/** Why stacked 3x3 convs and bottleneck blocks save, in plain words (explainer.json). */
export function FactorExplainer() {
  const { k7, stack7, wide, bottleneck, narrow } = design;
  return (
    <div className="lab-explainer">
      <h3>Why stacks of 3x3 convs and bottleneck blocks save</h3>
      <p>
        {copy.factorization.stack}
        {k7 && stack7 && (
          <>
            {' '}
            At C = {c}: {formatCount(k7.weights)} weights for one 7x7 conv, {formatCount(stack7.weights)} for three 3x3
            convs.
          </>
        )}
      </p>
      <p>
        {copy.factorization.block}
        {wide && bottleneck && narrow && (
          <>
            {' '}
            At C = {c} and b = {b}: {formatCount(bottleneck.weights)} weights for the bottleneck block,{' '}
            {formatCount(wide.weights)} for two 3x3 convs at {c} channels, {formatCount(narrow.weights)} for two at {b}.
          </>
        )}
      </p>
    </div>
  );
}
