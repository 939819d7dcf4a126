import { isRelevant, type NetworkDef } from '../../model';
import type { ConfigText } from '../../model';
import { OptionField } from './OptionField';

interface OptionsFormProps {
  readonly network: NetworkDef;
  readonly text: ConfigText['text'];
  readonly onOption: (key: string, value: string, typing: boolean) => void;
}

/** One control per option of the network's spec table, in the table's order. */
export function OptionsForm({ network, text, onOption }: OptionsFormProps) {
  return (
    <fieldset className="options">
      <legend>{network.title} switches</legend>
      {network.specs.map((spec) => (
        <OptionField
          key={spec.key}
          spec={spec}
          value={text[spec.key]}
          onChange={(value, typing) => onOption(spec.key, value, typing)}
          inert={
            isRelevant(spec, text) || spec.kind !== 'choice' || !spec.onlyWhen
              ? undefined
              : `Applies only when ${spec.onlyWhen.key} is ${spec.onlyWhen.values.join(' or ')}.`
          }
        />
      ))}
    </fieldset>
  );
}
