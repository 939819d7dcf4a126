// A page for the browser tests: the two labs and the compare view mounted on their own, with
// the state a page would hold (A, B, the unit) kept here, so they are tested without the app shell.
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Unit } from '../../src/analysis/ops';
import { CompareView } from '../../src/ui/compare/CompareView';
import { explore } from '../../src/ui/explore';
import { BottleneckLab } from '../../src/ui/lab/BottleneckLab';
import { FactorizationLab } from '../../src/ui/lab/FactorizationLab';
import type { ConfigText } from '../../src/model';
import '../../src/ui/styles.css';

const paper: ConfigText = { network: 'googlenet', text: {} };
const torchvision: ConfigText = { network: 'googlenet', text: { bn: 'on', branch5x5: '3x3' } };

function Harness() {
  const [unit, setUnit] = useState<Unit>('macs');
  const [a, setA] = useState<ConfigText>(paper);
  const [b, setB] = useState<ConfigText>(torchvision);
  const explored = useMemo(() => explore(a), [a]);
  return (
    <div style={{ maxWidth: '62rem', margin: '0 auto', padding: '1.5rem', display: 'grid', gap: '1.5rem' }}>
      <div className="field" style={{ maxWidth: '12rem' }}>
        <label htmlFor="unit">Unit</label>
        <select id="unit" value={unit} onChange={(event) => setUnit(event.target.value as Unit)}>
          <option value="macs">MACs</option>
          <option value="flops">FLOPs</option>
        </select>
      </div>
      <p data-testid="config-a">
        A: {a.network} {JSON.stringify(a.text)}
      </p>
      <BottleneckLab unit={unit} />
      <FactorizationLab unit={unit} />
      <CompareView a={explored} b={b} unit={unit} extras={[]} onChangeB={setB} onPickA={setA} />
    </div>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('lab-compare.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
