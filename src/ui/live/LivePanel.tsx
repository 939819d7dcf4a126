import { useCallback, useMemo, useState } from 'react';
import type { LiveClient } from '../../runtime/worker/client';
import type { InputSpec } from '../../runtime/worker/protocol';
import { inferenceMemory } from '../../analysis/memory';
import { networks } from '../../model';
import type { Exploration } from '../explore';
import { BackendControl } from './BackendControl';
import { BuildStatus } from './BuildStatus';
import { FeatureMaps } from './FeatureMaps';
import { InferenceResults } from './InferenceResults';
import { mapsPathFor, topModuleOf } from './live-config';
import { memoryVerdict } from './memory-budget';
import { ModuleTimes } from './ModuleTimes';
import { useLiveClient } from './useLiveClient';
import { useLiveSession } from './useLiveSession';
import './live.css';

export interface LivePanelProps {
  /** The configuration, built and counted by the page (explore()). */
  readonly exploration: Exploration;
  /** Selected module path (`inception_3a`, `inception_3a/5x5`) or layer id. */
  readonly selected?: string;
  readonly onSelect?: (path: string) => void;
  /** A client to use instead of starting a worker of the panel's own (tests, a shared worker). */
  readonly client?: LiveClient;
}

/**
 * The configured network running in TensorFlow.js in a Web Worker: backend, build, latency, time
 * per module and feature maps. Nothing of tfjs loads on the page; the worker starts on first mount.
 */
export function LivePanel({ exploration, selected, onSelect, client: given }: LivePanelProps) {
  const client = useLiveClient(given);
  const { config } = exploration;
  const [seed, setSeed] = useState(1);
  const input = useMemo<InputSpec>(() => ({ kind: 'random', seed }), [seed]);
  const [picked, setPicked] = useState<string>();
  const analysis = exploration.ok ? exploration.analysis : undefined;
  const mapsPath = analysis ? mapsPathFor(analysis, selected ?? picked) : undefined;
  const memory = useMemo(
    () => analysis && memoryVerdict(inferenceMemory(analysis), (navigator as { deviceMemory?: number }).deviceMemory),
    [analysis],
  );
  const { state, built, setBackend, run, profile, cancel, dismissNotice } = useLiveSession(
    client,
    exploration.ok && memory?.fits ? config : undefined,
    mapsPath,
    input,
  );
  const select = useCallback(
    (path: string) => {
      setPicked(path);
      onSelect?.(path);
    },
    [onSelect],
  );
  const cancelBuild = useCallback(() => cancel('build'), [cancel]);
  const cancelRun = useCallback(() => cancel('run'), [cancel]);
  const cancelProfile = useCallback(() => cancel('profile'), [cancel]);
  const newInput = useCallback(() => setSeed((s) => s + 1), []);
  const ready = built !== undefined;
  const title = networks[config.network]?.title ?? config.network;

  return (
    <section className="live" aria-labelledby="live-title">
      <header className="live-head">
        <h2 id="live-title">Live TensorFlow.js</h2>
        <p>
          The configured network, built in TensorFlow.js from the same description as the counts, running in a Web
          Worker so the page stays responsive. Weights are random (seeded): no ImageNet weights are loaded.
        </p>
      </header>
      {state.notice && (
        <div className="notice" role="status">
          <span>{state.notice.message}</span>
          {state.notice.failed ? (
            <button type="button" onClick={() => setBackend(state.backend?.choice ?? 'auto')}>
              Start again
            </button>
          ) : (
            <button type="button" onClick={dismissNotice}>
              Dismiss
            </button>
          )}
        </div>
      )}
      <div className="live-card live-setup">
        <BackendControl
          info={state.backend}
          switching={state.switching}
          error={state.backendError}
          onChange={setBackend}
        />
        {exploration.ok && memory?.fits === false ? (
          <p className="live-build live-error" role="alert">
            {title}: {memory.message}
          </p>
        ) : exploration.ok ? (
          <>
            <BuildStatus title={title} build={state.build} onCancel={cancelBuild} />
            {memory && <p className="live-memory muted">{memory.message}</p>}
          </>
        ) : (
          <p className="live-build live-error" role="alert">
            Cannot build this configuration: {exploration.message}
          </p>
        )}
      </div>
      <InferenceResults
        run={state.run}
        backend={state.backend}
        ready={ready}
        seed={seed}
        onRun={run}
        onCancel={cancelRun}
        onNewInput={newInput}
      />
      {analysis && (
        <>
          <ModuleTimes
            profile={state.profile}
            analysis={analysis}
            ready={ready}
            selected={mapsPath === undefined ? undefined : topModuleOf(mapsPath)}
            onProfile={profile}
            onCancel={cancelProfile}
            onSelect={select}
          />
          <FeatureMaps maps={state.maps} path={mapsPath} modules={analysis.root.children} onSelect={select} />
        </>
      )}
    </section>
  );
}
