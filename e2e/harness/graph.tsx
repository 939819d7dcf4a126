// Mounts GraphView alone for the browser tests (served by the dev server at
// /e2e/harness/graph.html). Query: net=googlenet|xception, expanded=all, encoding=params, and any
// option as key=value (aux=on). "Switch variant" flips one option and records how long the
// re-layout and redraw took in window.graphTimings.

import { StrictMode, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { analyze } from '../../src/analysis/counts';
import { measure as measureOf } from '../../src/analysis/ops';
import { configure } from '../../src/model';
import { exportPng, exportSvg } from '../../src/ui/graph/export-image';
import { GraphView } from '../../src/ui/graph/GraphView';
import type { Encoding } from '../../src/ui/state/view';
import '../../src/ui/styles.css';

declare global {
  interface Window {
    /** Milliseconds from a variant switch to the commit and to the next frame. */
    graphTimings: { commit: number; frame: number }[];
    /** The export helpers, for the tests to call on the drawn svg. */
    graphExport: { exportSvg: typeof exportSvg; exportPng: typeof exportPng };
  }
}
window.graphTimings = [];
window.graphExport = { exportSvg, exportPng };

const query = new URLSearchParams(location.search);
const network = query.get('net') ?? 'googlenet';
const base = Object.fromEntries([...query].filter(([key]) => !['net', 'expanded', 'encoding'].includes(key)));
/** The option "Switch variant" flips, and its two values (the first as the query gives it). */
const [key, on, off] = network === 'xception' ? ['residual', 'on', 'off'] : ['inception', 'bottleneck', 'naive'];
const flip: [string, string, string] = [key, base[key] ?? on, (base[key] ?? on) === on ? off : on];

function Harness() {
  const [flipped, setFlipped] = useState(false);
  const [all, setAll] = useState(query.get('expanded') === 'all');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<string>();
  const [encoding, setEncoding] = useState<Encoding>((query.get('encoding') as Encoding | null) ?? 'macs');
  const analysis = useMemo(
    () => analyze(configure(network, { ...base, [flip[0]]: flipped ? flip[2] : flip[1] }).model),
    [flipped],
  );
  const measure = useMemo(() => measureOf(analysis, 'macs'), [analysis]);
  const allPaths = useMemo(() => new Set(analysis.modules.map((m) => m.path)), [analysis]);
  const shown = all ? allPaths : expanded;

  const switchedAt = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    const start = switchedAt.current;
    if (start === undefined) return;
    switchedAt.current = undefined;
    const commit = performance.now() - start;
    requestAnimationFrame(() => setTimeout(() => window.graphTimings.push({ commit, frame: performance.now() - start })));
  }, [analysis]);

  return (
    <main style={{ padding: '0.75rem 1rem' }}>
      <p style={{ margin: '0 0 0.5rem' }}>
        <button
          type="button"
          onClick={() => {
            switchedAt.current = performance.now();
            setFlipped((f) => !f);
          }}
        >
          Switch variant
        </button>{' '}
        {flip[0]}={flipped ? flip[2] : flip[1]} · selected: <output data-testid="selected">{selected ?? ''}</output>
      </p>
      <GraphView
        analysis={analysis}
        measure={measure}
        expanded={shown}
        selected={selected}
        encoding={encoding}
        onSelect={setSelected}
        onToggle={(path) => {
          const next = new Set(shown);
          if (!next.delete(path)) next.add(path);
          setAll(false);
          setExpanded(next);
        }}
        onExpandAll={() => setAll(true)}
        onCollapseAll={() => {
          setAll(false);
          setExpanded(new Set());
        }}
        onEncoding={setEncoding}
      />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
