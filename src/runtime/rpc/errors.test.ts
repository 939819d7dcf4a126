import { describe, expect, it } from 'vitest';
import { CancelToken, RpcError, fromWire, isCancelled, toWire } from './errors';

describe('wire errors', () => {
  it('come back on the page as RpcErrors with the name and message they left with', () => {
    const error = fromWire(toWire(Object.assign(new Error('kernel 5×5 is larger than its 4×4 input'), { name: 'ShapeError' })));
    expect(error).toBeInstanceOf(RpcError);
    expect(error).toMatchObject({ name: 'ShapeError', message: 'kernel 5×5 is larger than its 4×4 input' });
  });

  it('name an Error without a message by its kind', () => {
    expect(toWire(new RangeError())).toEqual({ name: 'Error', message: 'RangeError' });
  });
});

describe('CancelToken', () => {
  it('keeps the first reason and throws it as a CancelledError at the next check', () => {
    const token = new CancelToken();
    expect(() => token.check()).not.toThrow();
    token.cancel('superseded');
    token.cancel('cancelled');
    expect(token.cancelled).toBe(true);
    let thrown: unknown;
    try {
      token.check();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ name: 'CancelledError', message: 'superseded' });
    expect(isCancelled(thrown)).toBe(true);
  });
});
