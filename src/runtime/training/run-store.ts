// Runs kept across reloads: their records (settings, curves, last validation) in an IndexedDB
// store of our own (their weights: weight-store.ts).

import type { RunRecord } from './protocol';

export interface RunStore {
  list(): Promise<RunRecord[]>;
  put(run: RunRecord): Promise<void>;
  delete(id: string): Promise<void>;
}

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });

/** Run records in IndexedDB (database `inception-explorer-training`, store `runs`). */
export function indexedDbRunStore(database = 'inception-explorer-training'): RunStore {
  let opened: Promise<IDBDatabase> | undefined;
  const db = () =>
    (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(database, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('runs', { keyPath: 'id' });
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error(`cannot open IndexedDB "${database}"`));
    }));
  const store = async (mode: IDBTransactionMode) => (await db()).transaction('runs', mode).objectStore('runs');
  return {
    list: async () => ((await request((await store('readonly')).getAll())) as RunRecord[]).sort((a, b) => a.created - b.created),
    put: async (run) => {
      await request((await store('readwrite')).put(run));
    },
    delete: async (id) => {
      await request((await store('readwrite')).delete(id));
    },
  };
}

/** Runs in memory (tests). */
export function memoryRunStore(): RunStore {
  const runs = new Map<string, RunRecord>();
  return {
    list: async () => [...runs.values()].sort((a, b) => a.created - b.created),
    put: async (run) => void runs.set(run.id, run),
    delete: async (id) => void runs.delete(id),
  };
}
