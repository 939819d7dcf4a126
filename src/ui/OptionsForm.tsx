import type { NetworkDef } from '../model';
import type { OptionText } from './explore';
import { OptionField } from './OptionField';

interface OptionsFormProps {
  readonly network: NetworkDef;
  readonly text: OptionText;
  readonly onOption: (key: string, value: string) => void;
}

/** One control per option of the network's spec table, in the table's order. */
export function OptionsForm({ network, text, onOption }: OptionsFormProps) {
  return (
    <fieldset className="options">
      <legend>Options</legend>
      {network.specs.map((spec) => (
        <OptionField key={spec.key} spec={spec} value={text[spec.key]} onChange={(value) => onOption(spec.key, value)} />
      ))}
    </fieldset>
  );
}
