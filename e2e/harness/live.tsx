// A page with the live panel alone, for the browser tests (e2e/live.spec.ts). The query string
// sets the network and its options (`?network=googlenet&stem=cifar&input=32`); `lazy` mounts the
// panel only when a button is pressed; `client=shared` hands the panel a client that the tests
// can reach as `window.liveClient`.

import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { LiveClient } from '../../src/runtime/worker/client';
import { createLiveClient } from '../../src/runtime/worker/spawn';
import { explore } from '../../src/ui/explore';
import { LivePanel } from '../../src/ui/live/LivePanel';
import type { ConfigText } from '../../src/model';
import '../../src/ui/styles.css';

declare global {
  interface Window {
    liveClient?: LiveClient;
  }
}

const query = new URLSearchParams(location.search);
const RESERVED = new Set(['network', 'lazy', 'client', 'selected']);
const network = query.get('network') === 'xception' ? 'xception' : 'googlenet';
const baseText = Object.fromEntries([...query].filter(([key]) => !RESERVED.has(key)));
// Created once, outside React (StrictMode calls state initializers twice). It starts no worker
// until its first request.
const client = query.get('client') === 'shared' ? createLiveClient() : undefined;
window.liveClient = client;

function Harness() {
  const [open, setOpen] = useState(!query.has('lazy'));
  const [inception, setInception] = useState(baseText.inception ?? 'bottleneck');
  const [selected, setSelected] = useState(query.get('selected') ?? undefined);
  const config = useMemo<ConfigText>(
    () => ({ network, text: network === 'googlenet' ? { ...baseText, inception } : baseText }),
    [inception],
  );
  const exploration = useMemo(() => explore(config), [config]);

  return (
    <main style={{ maxWidth: '64rem', margin: '0 auto', padding: '1.5rem' }}>
      <p>
        <label>
          Variant{' '}
          <select value={inception} onChange={(event) => setInception(event.target.value)} disabled={network !== 'googlenet'}>
            <option value="bottleneck">bottleneck</option>
            <option value="no-reduce">no-reduce</option>
            <option value="naive">naive</option>
          </select>
        </label>{' '}
        <output aria-label="Selected">{selected ?? 'nothing selected'}</output>
      </p>
      {open ? (
        <LivePanel exploration={exploration} selected={selected} onSelect={setSelected} client={client} />
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          Open the live panel
        </button>
      )}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
