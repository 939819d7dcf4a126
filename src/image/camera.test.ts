import { describe, expect, it } from 'vitest';
import { cameraErrorMessage } from './camera';

const domError = (name: string) => new DOMException('the browser’s own words', name);

describe('cameraErrorMessage', () => {
  it('cameraErrorMessage(NotAllowedError) → denied, with where to allow it', () => {
    expect(cameraErrorMessage(domError('NotAllowedError'))).toMatch(/^Camera access was denied\. Allow the camera .* site settings/);
  });
  it('cameraErrorMessage(NotFoundError, OverconstrainedError) → no camera', () => {
    expect(cameraErrorMessage(domError('NotFoundError'))).toMatch(/^No camera was found/);
    expect(cameraErrorMessage(domError('OverconstrainedError'))).toMatch(/^No camera was found/);
  });
  it('cameraErrorMessage(NotReadableError) → in use elsewhere', () => {
    expect(cameraErrorMessage(domError('NotReadableError'))).toMatch(/another application may be using it/);
  });
  it('cameraErrorMessage(anything else) keeps the browser’s words and offers the upload', () => {
    expect(cameraErrorMessage(new Error('boom'))).toBe('The camera could not start (boom). Upload a photo instead.');
    expect(cameraErrorMessage('not even an error')).toBe('The camera could not start. Upload a photo instead.');
  });
});
