import { bottleneckLab } from '../../analysis/bottleneck';
import { formatCount } from '../../analysis/format';
import { LAB_EXAMPLES } from './labText';

// The inception_3a numbers are computed, not typed, so the prose cannot drift from the lab.
const example = LAB_EXAMPLES.find((e) => e.id === 'inception-3a');
const result = example && bottleneckLab(example.input);
const [direct, reduced] = result?.ok ? result.designs : [];

/** Why the 1x1 bottleneck saves, in plain words, and where GoogLeNet uses it. */
export function LabExplainer() {
  return (
    <div className="lab-explainer">
      <h3>Why the 1x1 bottleneck saves</h3>
      <p>
        A k×k convolution pays for every pair of an input channel and an output filter, at each of its k×k positions
        in the window, and it pays that again at every pixel of the output. Most of the cost is the number of input
        channels the big kernel has to read. A 1x1 convolution looks at one pixel at a time, so in the worked
        example squeezing 200 channels down to 16 costs only 200×16 = 3,200 weights, and the expensive 5×5 kernel
        then reads 16 channels instead of 200. GoogLeNet's inception modules do exactly this before their 3x3 and 5x5 branches (the “#3x3 reduce” and
        “#5x5 reduce” columns of the paper's Table 1), and a ReLU after the 1x1 adds a non-linearity for free.
        {direct && reduced && (
          <>
            {' '}
            In inception_3a the 5x5 branch first reduces 192 channels to 16, so it needs{' '}
            {formatCount(reduced.weights)} weights instead of {formatCount(direct.weights)} (biases left out).
          </>
        )}{' '}
        The depthwise-separable design, Xception's building block, goes one step further: it filters each channel
        on its own and mixes channels only in a 1x1 convolution, never both at once.
      </p>
    </div>
  );
}
