// The configured network, built and counted, plus what the page needs around it: the last good
// result (kept on screen while the options are bad) and the one before the latest change (the delta).

import { useMemo, useState } from 'react';
import { explore, type Exploration, type Explored } from './explore';
import type { ConfigText } from '../model';

export interface Configured {
  /** The configuration as it is now, built and counted or rejected: computed once, passed down. */
  readonly current: Exploration;
  /** Why the current options cannot be built, if they cannot. */
  readonly error: string | undefined;
  /** The latest configuration that could be built. */
  readonly shown: Explored | undefined;
  /** The configuration shown before the latest change, for the before → after delta (same network only). */
  readonly previous: Explored | undefined;
}

export function useConfiguration(config: ConfigText): Configured {
  const current = useMemo(() => explore(config), [config]);
  const [history, setHistory] = useState<{ shown?: Explored; previous?: Explored }>(() =>
    current.ok ? { shown: current } : {},
  );
  // Derived from a changing input and the previous render: updated during render, as React advises.
  if (current.ok && current !== history.shown) {
    const sameNetwork = history.shown?.configuration.network === current.configuration.network;
    setHistory({ shown: current, previous: sameNetwork ? history.shown : undefined });
  }
  return {
    current,
    error: current.ok ? undefined : current.message,
    shown: current.ok ? current : history.shown,
    previous: history.previous,
  };
}
