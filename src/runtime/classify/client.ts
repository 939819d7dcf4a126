// The page's side of the classify worker. No tfjs here; the worker starts with the first call.

import { RpcClient } from '../rpc-client';
import type { ClassifyCalls, ClassifyMessage, ClassifyRequest } from './protocol';

export type ClassifyClient = RpcClient<ClassifyCalls, ClassifyRequest, ClassifyMessage>;

/** A client whose worker starts with its first request. */
export const createClassifyClient = (): ClassifyClient =>
  new RpcClient(() => new Worker(new URL('./classify.worker.ts', import.meta.url), { type: 'module', name: 'classify-tfjs' }), 'the classify worker');
