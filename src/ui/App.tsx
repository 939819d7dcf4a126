import { networks } from '../model';
import { ErrorAlert } from './ErrorAlert';
import { formatShape } from './format';
import { ModuleTable } from './ModuleTable';
import { NetworkPicker } from './NetworkPicker';
import { OptionsForm } from './OptionsForm';
import { PresetPicker } from './PresetPicker';
import { Totals } from './Totals';
import { useExplorer } from './useExplorer';

/** The explorer page: controls on the left, the counts of the configured network on the right. */
export function App() {
  const { input, preset, error, shown, setNetwork, setOption, setPreset } = useExplorer();
  const network = networks[input.network];
  const presets = Object.keys(network.presets);

  return (
    <div className="page">
      <header className="masthead">
        <h1>Inception Explorer</h1>
        <p>Parameters and multiply-accumulates of GoogLeNet and Xception, module by module. Flip a switch and see what it costs.</p>
      </header>
      {error !== undefined && <ErrorAlert message={error} />}
      <aside className="controls" aria-label="Configuration">
        <NetworkPicker value={input.network} onChange={setNetwork} />
        {presets.length > 0 && <PresetPicker presets={presets} value={preset} onChange={setPreset} />}
        {/* Keyed by network: the two networks share some option keys but not their values. */}
        <OptionsForm key={input.network} network={network} text={input.text} onOption={setOption} />
      </aside>
      <main className="results">
        {shown && (
          <div className={error === undefined ? undefined : 'stale'}>
            <Totals totals={shown.analysis.totals} />
            <ModuleTable
              key={shown.configuration.network}
              rows={shown.rows}
              caption={`${networks[shown.configuration.network].title}, input ${formatShape(shown.analysis.input)}`}
            />
          </div>
        )}
      </main>
    </div>
  );
}
