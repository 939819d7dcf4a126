// Drives the live worker for the panel: picks the backend, rebuilds on a configuration or backend
// change (a newer build supersedes an older one), and runs, profiles and fetches feature maps on
// request. Every request can be cancelled; unmounting cancels them all.

import { useCallback, useEffect, useEffectEvent, useReducer, useRef } from 'react';
import type { ConfigText } from '../../model/types';
import type { BackendChoice } from '../../runtime/backend-types';
import { isCancelled } from '../../runtime/rpc/errors';
import type { LiveClient } from '../../runtime/worker/client';
import type { BuildResult, InputSpec } from '../../runtime/worker/protocol';
import { builtFor, initialLiveState, liveReducer, type LiveState, type TaskName } from './session';

/** Warm runs for the latency median; fewer when they are slow (software WebGL). */
const RUNS = 5;
const RUN_BUDGET_MS = 8_000;
const PROFILE_RUNS = 3;
export const MAX_CHANNELS = 32;
/** Typing in an option field should not start a build per keystroke. */
const BUILD_DELAY_MS = 250;

export interface LiveSession {
  readonly state: LiveState;
  /** The model built for the current configuration, once it is. */
  readonly built: BuildResult | undefined;
  setBackend(choice: BackendChoice): void;
  run(): void;
  profile(): void;
  cancel(task: TaskName): void;
  dismissNotice(): void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The session for one client and configuration. `config` is undefined while the options are
 * invalid (nothing is built); `mapsPath` is the module or layer whose feature maps to show;
 * `input` must keep its identity while it does not change.
 */
export function useLiveSession(
  client: LiveClient,
  config: ConfigText | undefined,
  mapsPath: string | undefined,
  input: InputSpec,
): LiveSession {
  const [state, dispatch] = useReducer(liveReducer, initialLiveState);
  const controllers = useRef(new Map<TaskName | 'backend', AbortController>());

  /** Starts a task, cancelling the previous one of the same name. */
  const start = useCallback(
    function start<T>(task: TaskName, request: (signal: AbortSignal) => Promise<T>, done: (result: T) => void, key?: string) {
      controllers.current.get(task)?.abort();
      const controller = new AbortController();
      controllers.current.set(task, controller);
      dispatch({ type: 'start', task, since: performance.now(), key });
      request(controller.signal).then(
        (result) => {
          if (!controller.signal.aborted) done(result);
        },
        (error: unknown) => {
          if (controller.signal.aborted || isCancelled(error)) dispatch({ type: 'cancelled', task });
          else dispatch({ type: 'failed', task, message: messageOf(error) });
        },
      );
    },
    [],
  );

  const setBackend = useCallback(
    (choice: BackendChoice) => {
      for (const controller of controllers.current.values()) controller.abort();
      const controller = new AbortController();
      controllers.current.set('backend', controller);
      dispatch({ type: 'backend/start', choice });
      client.call('backend', { choice }, { signal: controller.signal }).then(
        (info) => controller.signal.aborted || dispatch({ type: 'backend/done', info }),
        (error: unknown) => controller.signal.aborted || dispatch({ type: 'backend/failed', message: messageOf(error) }),
      );
    },
    [client],
  );

  // The automatic choice once the worker is there; notices from the worker; cancel all at the end.
  useEffect(() => {
    const all = controllers.current;
    const stop = client.onNotice((notice) => dispatch({ type: 'notice', notice }));
    setBackend('auto');
    return () => {
      stop();
      for (const controller of all.values()) controller.abort();
      all.clear();
    };
  }, [client, setBackend]);

  // Build whenever the configuration or the backend changes.
  const configKey = config ? JSON.stringify([config.network, config.text]) : undefined;
  const build = useEffectEvent(() => {
    if (!config) return;
    start(
      'build',
      (signal) =>
        client.call(
          'build',
          { config },
          { signal, onProgress: (progress) => dispatch({ type: 'progress', task: 'build', progress }) },
        ),
      (result) => dispatch({ type: 'done', task: 'build', result }),
      configKey,
    );
  });
  useEffect(() => {
    if (configKey === undefined || state.generation === 0) return;
    const all = controllers.current;
    const timer = setTimeout(build, BUILD_DELAY_MS);
    return () => {
      clearTimeout(timer);
      all.get('build')?.abort();
    };
  }, [configKey, state.generation]);

  const built = builtFor(state, configKey);

  // Feature maps of the chosen module for the current model and input.
  const showMaps = useEffectEvent(() => {
    if (!mapsPath) return;
    start(
      'maps',
      (signal) => client.call('activations', { input, path: mapsPath, maxChannels: MAX_CHANNELS }, { signal }),
      (result) => dispatch({ type: 'done', task: 'maps', result }),
    );
  });
  useEffect(() => {
    if (!built || !mapsPath) return;
    const all = controllers.current;
    showMaps();
    return () => all.get('maps')?.abort();
  }, [built, mapsPath, input]);

  const run = useCallback(() => {
    start(
      'run',
      (signal) =>
        client.call(
          'run',
          { input, runs: RUNS, budgetMs: RUN_BUDGET_MS },
          { signal, onProgress: (progress) => dispatch({ type: 'progress', task: 'run', progress }) },
        ),
      (result) => dispatch({ type: 'done', task: 'run', result }),
    );
  }, [client, input, start]);

  const profile = useCallback(() => {
    start(
      'profile',
      (signal) =>
        client.call(
          'profile',
          { input, runs: PROFILE_RUNS },
          { signal, onProgress: (progress) => dispatch({ type: 'progress', task: 'profile', progress }) },
        ),
      (result) => dispatch({ type: 'done', task: 'profile', result }),
    );
  }, [client, input, start]);

  const cancel = useCallback((task: TaskName) => controllers.current.get(task)?.abort(), []);
  const dismissNotice = useCallback(() => dispatch({ type: 'dismiss' }), []);

  return { state, built, setBackend, run, profile, cancel, dismissNotice };
}
