// The worker's side of rpc-client.ts: each call answered by id with its result or its error, one
// call at a time (a call never sees the state of one half-done).

import type { CallMap, RpcAnswer, RpcCall } from './rpc-client';

/** The parts of the dedicated worker scope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope<Request, Message> {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: Message): void;
}

/** Answers calls arriving at `scope` with `handle`. */
export function serveCalls<Calls extends CallMap<Calls>, Request extends RpcCall<Calls>, Message extends RpcAnswer>(
  scope: unknown,
  handle: <K extends keyof Calls & string>(type: K, params: Calls[K]['params']) => Promise<Calls[K]['result']> | Calls[K]['result'],
): void {
  const worker = scope as WorkerScope<Request, Message>;
  let queue = Promise.resolve();
  worker.onmessage = (event) => {
    const { type, id, params } = event.data;
    queue = queue.then(async () => {
      try {
        const result = await handle(type, params);
        worker.postMessage({ type: 'result', id, result } as Message);
      } catch (error) {
        const name = error instanceof Error ? error.name : 'Error';
        const message = error instanceof Error ? error.message : String(error);
        worker.postMessage({ type: 'error', id, error: { name, message } } as Message);
      }
    });
  };
}
