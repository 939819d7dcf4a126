import { describe, expect, it } from 'vitest';
import { runName, uniqueName, variantOf } from './run-name';

describe('runName', () => {
  it('is network, variant switches and dataset', () => {
    expect(runName('googlenet', { bn: 'off', inception: 'naive' }, 'Digits')).toBe('googlenet bn=off inception=naive · Digits');
  });
  it('calls the unchanged network small', () => {
    expect(runName('xception', {}, 'CIFAR-10')).toBe('xception small · CIFAR-10');
  });
});

describe('uniqueName', () => {
  it('numbers a repeated name from 2', () => {
    expect(uniqueName('a', [])).toBe('a');
    expect(uniqueName('a', ['a'])).toBe('a (2)');
    expect(uniqueName('a', ['a', 'a (2)'])).toBe('a (3)');
  });
});

describe('variantOf', () => {
  it('keeps the given keys whose value differs from the preset', () => {
    expect(variantOf({ bn: 'off', aux: 'off', width: '1' }, { bn: 'on', aux: 'off', width: '0.5' }, ['bn', 'aux'])).toEqual({ bn: 'off' });
  });
});
