// The page's side of the classify worker. No tfjs here; the worker starts with the first call.
// Calls have no timeout: loading ImageNet weights lasts as long as their download.

import { RpcClient } from '../rpc/client';
import type { ClassifyProtocol } from './protocol';

export type ClassifyClient = RpcClient<ClassifyProtocol>;

/** A client whose worker starts with its first request. */
export const createClassifyClient = (): ClassifyClient =>
  new RpcClient<ClassifyProtocol>(() => new Worker(new URL('./classify.worker.ts', import.meta.url), { type: 'module', name: 'classify-tfjs' }), {
    label: 'The classify worker',
  });
