import { bottleneckLab } from '../../analysis/bottleneck';
import { formatCount } from '../../analysis/format';
import copy from './explainer.json';
import { LAB_EXAMPLES } from './labText';

// The inception_3a numbers are computed, not typed, so the prose cannot drift from the lab.
const example = LAB_EXAMPLES.find((e) => e.id === 'inception-3a');
const result = example && bottleneckLab(example.input);
const [direct, reduced] = result?.ok ? result.designs : [];

/** Why the 1x1 bottleneck saves, in plain words, and where the published networks use it (explainer.json). */
export function LabExplainer() {
  return (
    <div className="lab-explainer">
      <h3>Why the 1x1 bottleneck saves</h3>
      <p>
        {copy.bottleneck}
        {direct && reduced && (
          <>
            {' '}
            In inception_3a the 5x5 branch first reduces 192 channels to 16, so it needs{' '}
            {formatCount(reduced.weights)} weights instead of {formatCount(direct.weights)} (biases left out).
          </>
        )}{' '}
        {copy.separable}
      </p>
    </div>
  );
}
