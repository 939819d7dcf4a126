// Errors that cross the worker boundary by name, and the cancellation token that requests check.

import type { ErrorName, WireError } from './protocol';

/** An error with one of the protocol's names, so the page can tell cancelled from broken. */
export class LiveError extends Error {
  constructor(
    readonly name: ErrorName,
    message: string,
  ) {
    super(message);
  }
}

const KNOWN: readonly ErrorName[] = ['CancelledError', 'TimeoutError', 'OptionError', 'ShapeError', 'WorkerError'];

/** The wire form of anything thrown; unknown error kinds become `Error` with their message. */
export function toWire(error: unknown): WireError {
  if (error instanceof Error) {
    const name = (KNOWN as readonly string[]).includes(error.name) ? (error.name as ErrorName) : 'Error';
    return { name, message: error.message || String(error) };
  }
  // tfjs rejects some promises with plain objects ({message}) rather than Errors.
  const message =
    typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
  return { name: 'Error', message };
}

export const fromWire = (wire: WireError): LiveError => new LiveError(wire.name, wire.message);

export const isCancelled = (error: unknown): boolean => error instanceof Error && error.name === 'CancelledError';

/** Set by a cancel message or a newer request; long requests check it between steps. */
export class CancelToken {
  private reason: string | undefined;

  get cancelled(): boolean {
    return this.reason !== undefined;
  }

  cancel(reason = 'cancelled'): void {
    this.reason ??= reason;
  }

  /** Throws a CancelledError if cancelled. */
  check(): void {
    if (this.reason !== undefined) throw new LiveError('CancelledError', this.reason);
  }
}
