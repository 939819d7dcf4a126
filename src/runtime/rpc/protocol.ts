// What every worker of the app and its page say to each other, whatever the worker does. Types
// only: the page imports this file. A worker's own protocol fills in the `Protocol` interface.
//
// A message with an `id` belongs to a call (its answer, its progress, its cancel); a message
// without one is a worker's event or a page's fire-and-forget message.

import type { WireError } from './errors';

/** One worker's vocabulary. */
export interface Protocol {
  /** Every call: `{ [type]: { params; result } }`. */
  readonly calls: object;
  /** What a running call reports (`never` when calls report nothing). */
  readonly progress: unknown;
  /** Worker → page messages of the worker's own; they have no `id`. */
  readonly events: { readonly type: string };
  /** Page → worker messages that have no answer; they have no `id`. */
  readonly messages: { readonly type: string };
}

export type CallType<P extends Protocol> = keyof P['calls'] & string;
export type Params<P extends Protocol, K extends CallType<P>> = P['calls'][K] extends { params: infer T } ? T : never;
export type Result<P extends Protocol, K extends CallType<P>> = P['calls'][K] extends { result: infer T } ? T : never;

export type CallMessage<P extends Protocol> = {
  [K in CallType<P>]: { readonly type: K; readonly id: number; readonly params: Params<P, K> };
}[CallType<P>];

/** Stops a queued or running call; it then fails with CancelledError. */
export interface CancelMessage {
  readonly type: 'cancel';
  readonly id: number;
  readonly reason?: string;
}

/** Page → worker. */
export type Request<P extends Protocol> = CallMessage<P> | CancelMessage | P['messages'];

/** Worker → page, about one call. */
export type Answer<P extends Protocol> =
  | { readonly type: 'result'; readonly id: number; readonly result: unknown }
  | { readonly type: 'error'; readonly id: number; readonly error: WireError }
  | { readonly type: 'progress'; readonly id: number; readonly progress: P['progress'] };

/** Worker → page. */
export type Response<P extends Protocol> = Answer<P> | P['events'];

/** Messages with an id are about a call; the rest are events or fire-and-forget messages. */
export const hasId = (message: object): message is { readonly id: number } => typeof (message as { id?: unknown }).id === 'number';
