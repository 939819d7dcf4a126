import { useId } from 'react';
import { defaultValue, formatOptionValue, networkNames, networks } from '../../model';
import { catalog } from '../../model/catalog';
import type { ConfigText } from '../../model';
import { CompareOptionField } from './CompareOptionField';
import { NetworkPicker } from '../controls/NetworkPicker';
import { defaultConfig } from '../state/url-state';
import { catalogItems, catalogMatch, isValidOption } from './configs';

interface ComparePickerProps {
  readonly config: ConfigText;
  readonly onChange: (config: ConfigText) => void;
  /** Present when the page can make B the explored configuration. */
  readonly onSwap?: () => void;
}

const CUSTOM = '';

/** Chooses configuration B: a network and its options, or a named configuration from the catalog. */
export function ComparePicker({ config, onChange, onSwap }: ComparePickerProps) {
  const id = useId();
  const def = networks[config.network];
  const match = catalogMatch(config)?.id;
  const pickEntry = (entryId: string) => {
    const item = catalogItems().find((i) => i.entry.id === entryId);
    if (item) onChange(item.config);
  };
  const text = (key: string) => {
    const spec = def.specs.find((s) => s.key === key);
    return config.text[key] ?? (spec ? formatOptionValue(spec, defaultValue(spec)) : '');
  };
  return (
    <fieldset className="compare-picker">
      <legend>Configuration B</legend>
      <div className="compare-picker-top">
        <NetworkPicker
          id={`${id}-network`}
          label="Compare network"
          value={config.network}
          onChange={(network) => onChange(defaultConfig(network))}
        />
        <div className="field">
          <label htmlFor={`${id}-catalog`}>From catalog</label>
          <select id={`${id}-catalog`} value={match ?? CUSTOM} onChange={(e) => pickEntry(e.target.value)}>
            {match === undefined && (
              <option value={CUSTOM} disabled>
                custom options
              </option>
            )}
            {networkNames.map((name) => (
              <optgroup key={name} label={networks[name].title}>
                {catalog
                  .filter((entry) => entry.network === name)
                  .map((entry) => (
                    <option key={entry.id} value={entry.id}>
                      {entry.label}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
        {onSwap && (
          <button type="button" className="compare-swap" onClick={onSwap}>
            Swap A and B
          </button>
        )}
      </div>
      <div className="compare-options">
        {def.specs.map((spec) => (
          <CompareOptionField
            key={spec.key}
            spec={spec}
            value={text(spec.key)}
            invalid={!isValidOption(spec, text(spec.key))}
            onChange={(value) => onChange({ network: config.network, text: { ...config.text, [spec.key]: value } })}
          />
        ))}
      </div>
    </fieldset>
  );
}
