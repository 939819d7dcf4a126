// Starts the live worker. Kept apart from the client so that the client can be tested without
// Vite's worker handling, and so that nothing starts a worker (or loads tfjs) until this is called.

import { LiveClient, type WorkerPort } from './client';

/** Starts a live worker (a module worker: tfjs is loaded there, never on the page). */
export function spawnLiveWorker(): WorkerPort {
  return new Worker(new URL('./live.worker.ts', import.meta.url), { type: 'module', name: 'live-tfjs' });
}

/** A client whose worker starts with its first request. */
export const createLiveClient = (): LiveClient => new LiveClient(spawnLiveWorker);
