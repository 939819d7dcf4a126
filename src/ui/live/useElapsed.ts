// Seconds since a moment, ticking while a task is busy, so long work visibly progresses.

import { useEffect, useState } from 'react';

/** Elapsed seconds since `since` (performance.now() time), updated 4 times a second; undefined when idle. */
export function useElapsed(since: number | undefined): number | undefined {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (since === undefined) return;
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, [since]);
  return since === undefined ? undefined : Math.max(0, now - since) / 1000;
}
