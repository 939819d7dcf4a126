import { EXTRAS, type Extra, type Unit } from '../../analysis/ops';

interface UnitControlsProps {
  readonly unit: Unit;
  readonly extras: readonly Extra[];
  readonly onUnit: (unit: Unit) => void;
  readonly onExtras: (extras: readonly Extra[]) => void;
}

/** MACs or FLOPs, and which extra operations (as ptflops counts them) to add. */
export function UnitControls({ unit, extras, onUnit, onExtras }: UnitControlsProps) {
  const toggle = (key: Extra) =>
    onExtras(EXTRAS.map((e) => e.key).filter((k) => (k === key ? !extras.includes(k) : extras.includes(k))));
  return (
    <fieldset className="units">
      <legend>Count operations as</legend>
      <div className="field inline">
        <label htmlFor="unit">Unit</label>
        <select id="unit" value={unit} onChange={(event) => onUnit(event.target.value as Unit)}>
          <option value="macs">MACs (multiply-accumulates)</option>
          <option value="flops">FLOPs (2 × MACs)</option>
        </select>
      </div>
      <div className="extras" role="group" aria-label="Extra operations">
        <span className="muted">plus</span>
        {EXTRAS.map((e) => (
          <label key={e.key} title={e.help}>
            <input type="checkbox" checked={extras.includes(e.key)} onChange={() => toggle(e.key)} /> {e.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
