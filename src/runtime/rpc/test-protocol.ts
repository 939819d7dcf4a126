// For the tests of the RPC layer and of the workers' clients: a small protocol whose calls finish
// when the test says so, and a fake worker port.

import type { RpcPort } from './client';
import type { Protocol, Request, Response } from './protocol';
import { Server, type CallContext, type Handlers, type ServeOptions } from './serve';

export interface TestProtocol {
  readonly calls: {
    wait: { params: { readonly name: string }; result: string };
    sync: { params: { readonly fail?: unknown }; result: string };
  };
  readonly progress: number;
  readonly events: { readonly type: 'tick'; readonly n: number };
  readonly messages: { readonly type: 'poke' };
}

export interface Started {
  readonly name: string;
  readonly context: CallContext<number>;
  readonly finish: (value: string) => void;
  readonly fail: (error: unknown) => void;
}

/** A server whose `wait` calls finish when the test says so; what it posts is kept in `posted`. */
export function testServer(options: ServeOptions<TestProtocol>) {
  const started: Started[] = [];
  const posted: { message: Response<TestProtocol>; transfer?: Transferable[] }[] = [];
  const handlers: Handlers<TestProtocol> = {
    wait: ({ name }, context) => new Promise((finish, fail) => started.push({ name, context, finish, fail })),
    sync: ({ fail }) => {
      if (fail !== undefined) throw fail;
      return 'done';
    },
  };
  const server = new Server(handlers, (message, transfer) => posted.push({ message, transfer }), options);
  return { server, started, posted, messages: () => posted.map((p) => p.message) };
}

/** A fake worker for a client: what the client sent, and the worker's replies and crash. */
export function fakePort<P extends Protocol = TestProtocol>() {
  const sent: Request<P>[] = [];
  const port: RpcPort<P> & { terminated: boolean } = {
    onmessage: null,
    onerror: null,
    terminated: false,
    postMessage: (message) => sent.push(message),
    terminate: () => {
      port.terminated = true;
    },
  };
  const reply = (message: Response<P>) => port.onmessage?.({ data: message } as MessageEvent<Response<P>>);
  const crash = (message: string) => port.onerror?.({ message, preventDefault: () => {} } as ErrorEvent);
  return { port, sent, reply, crash };
}
