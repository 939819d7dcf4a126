// VGG's argument for the selected module, with its own numbers: a stack of 3x3 convs sees what one
// larger conv sees, with fewer weights (when the channels stay) and more non-linearities.

import type { ConvStack } from '../../analysis/conv-stacks';
import { formatCount } from '../format';

/** `8% fewer`, `8.0× as many`: the stack's weights against the single conv's. */
function compared(stack: ConvStack): string {
  const ratio = stack.weights / stack.singleWeights;
  return ratio < 1 ? `${Math.round((1 - ratio) * 100)}% fewer` : `${ratio.toFixed(1)}× as many`;
}

export function ConvStackNote({ stack }: { stack: ConvStack }) {
  const { convs, receptiveField: k, inChannels, outChannels } = stack;
  const first = convs[0].name;
  const last = convs[convs.length - 1].name;
  return (
    <section className="conv-stack" aria-label={`Stacked 3x3 convs ${first} to ${last}`}>
      <h4>
        {convs.length} stacked 3x3 convs see {k}×{k}
      </h4>
      <p>
        {first} … {last} together see a {k}×{k} window of their input (1 + {convs.map(() => '2').join(' + ')} = {k}), as
        one {k}×{k} conv from {formatCount(inChannels)} to {formatCount(outChannels)} channels would.
      </p>
      <code className="formula">stack: {stack.weightsFormula} weights</code>
      <code className="formula">one {k}×{k}: {stack.singleFormula} weights</code>
      <p>
        The stack has {compared(stack)} weights
        {inChannels === outChannels ? '' : ' (its first conv changes the channels, the others do not)'}; with C channels in
        and out it is {stack.symbolic}
        {stack.relusBetween > 0 ? `, with ${stack.relusBetween} more ReLU${stack.relusBetween === 1 ? '' : 's'} between the convs` : ''}.
      </p>
    </section>
  );
}
