// Errors cross the worker boundary as `{ name, message }`, the one wire form of every worker; the
// name lets the page tell a cancelled or invalid call from a bug. Also the token that calls check
// to notice a cancel.

/** Names that travel as they are; any other error arrives as `Error` (its message kept). */
export type ErrorName = 'CancelledError' | 'TimeoutError' | 'OptionError' | 'ShapeError' | 'WorkerError' | 'Error';

export interface WireError {
  readonly name: ErrorName;
  readonly message: string;
}

const KNOWN: readonly string[] = ['CancelledError', 'TimeoutError', 'OptionError', 'ShapeError', 'WorkerError'] satisfies ErrorName[];

/** What a call rejects with on the page: the worker's error, or the client's own (timeout, crash). */
export class RpcError extends Error {
  constructor(
    readonly name: ErrorName,
    message: string,
  ) {
    super(message);
  }
}

/** The wire form of anything thrown. */
export function toWire(error: unknown): WireError {
  if (error instanceof Error) {
    return { name: KNOWN.includes(error.name) ? (error.name as ErrorName) : 'Error', message: error.message || String(error) };
  }
  // tfjs rejects some promises with plain objects ({message}) rather than Errors.
  const message = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
  return { name: 'Error', message };
}

export const fromWire = (wire: WireError): RpcError => new RpcError(wire.name, wire.message);

export const isCancelled = (error: unknown): boolean => error instanceof Error && error.name === 'CancelledError';

/** Set by a cancel message or a newer call; long calls check it between steps. */
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
    if (this.reason !== undefined) throw new RpcError('CancelledError', this.reason);
  }
}
