import { networkNames, networks, type NetworkName } from '../../model';

interface NetworkPickerProps {
  readonly value: NetworkName;
  readonly onChange: (network: NetworkName) => void;
}

/** Chooses which network the page describes. */
export function NetworkPicker({ value, onChange }: NetworkPickerProps) {
  return (
    <div className="field">
      <label htmlFor="network">Network</label>
      <select id="network" value={value} onChange={(event) => onChange(event.target.value as NetworkName)}>
        {networkNames.map((name) => (
          <option key={name} value={name}>
            {networks[name].title}
          </option>
        ))}
      </select>
    </div>
  );
}
