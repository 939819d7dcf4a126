// The panel's connection to the live worker. The client is created with the panel, but its worker
// (and tfjs with it) starts only with the first request, made once the panel is mounted; the
// worker stops on unmount.

import { useEffect, useState } from 'react';
import type { LiveClient } from '../../runtime/worker/client';
import { createLiveClient } from '../../runtime/worker/spawn';

/** The given client, or one of this component's own. */
export function useLiveClient(given?: LiveClient): LiveClient {
  const [own] = useState(() => (given ? undefined : createLiveClient()));
  useEffect(() => (own ? () => own.terminate() : undefined), [own]);
  return given ?? (own as LiveClient);
}
