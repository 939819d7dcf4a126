interface PresetPickerProps {
  readonly presets: readonly string[];
  /** The preset the options currently equal; undefined when they match none. */
  readonly value: string | undefined;
  readonly onChange: (preset: string) => void;
}

const CUSTOM = '';

/** Sets every option at once to a named configuration; shows "custom" once options differ. */
export function PresetPicker({ presets, value, onChange }: PresetPickerProps) {
  return (
    <div className="field">
      <label htmlFor="preset">Preset</label>
      <select id="preset" value={value ?? CUSTOM} onChange={(event) => onChange(event.target.value)}>
        {value === undefined && (
          <option value={CUSTOM} disabled>
            custom
          </option>
        )}
        {presets.map((preset) => (
          <option key={preset} value={preset}>
            {preset}
          </option>
        ))}
      </select>
    </div>
  );
}
