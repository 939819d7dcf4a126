import { networkNames, networks, type NetworkName } from '../../model';

interface NetworkPickerProps {
  readonly value: NetworkName;
  readonly onChange: (network: NetworkName) => void;
  /** The control's label and id: the compare view has a second picker. */
  readonly label?: string;
  readonly id?: string;
}

/** Chooses a network: the one the page describes, or the compared one. */
export function NetworkPicker({ value, onChange, label = 'Network', id = 'network' }: NetworkPickerProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as NetworkName)}>
        {networkNames.map((name) => (
          <option key={name} value={name}>
            {networks[name].title}
          </option>
        ))}
      </select>
    </div>
  );
}
