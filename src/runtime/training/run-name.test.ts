import { describe, expect, it } from 'vitest';
import { RUN_DEFAULTS, runName, uniqueName, variantOf } from './run-name';

const parts = { network: 'googlenet', preset: 'small', variant: {}, ...RUN_DEFAULTS, datasetName: 'Digits' };

describe('runName', () => {
  it('calls the unchanged network at the default settings small', () => {
    expect(runName(parts)).toBe('googlenet small · Digits');
    expect(runName({ ...parts, network: 'xception', datasetName: 'CIFAR-10' })).toBe('xception small · CIFAR-10');
  });
  it("names the network's own trainable preset", () => {
    expect(runName({ ...parts, network: 'resnet', preset: 'cifar', variant: { depth: '56' } })).toBe('resnet cifar depth=56 · Digits');
  });
  it('keeps "small" and adds the switches that differ from the preset', () => {
    expect(runName({ ...parts, variant: { inception: 'no-reduce' } })).toBe('googlenet small inception=no-reduce · Digits');
    expect(runName({ ...parts, variant: { bn: 'off', inception: 'naive' } })).toBe('googlenet small bn=off inception=naive · Digits');
  });
  it('names a learning rate or seed other than the form default, after the switches', () => {
    expect(runName({ ...parts, learningRate: 0.1 })).toBe('googlenet small lr 0.1 · Digits');
    expect(runName({ ...parts, variant: { bn: 'off' }, learningRate: 10, seed: 7 })).toBe('googlenet small bn=off lr 10 seed 7 · Digits');
    expect(runName({ ...parts, seed: 2 })).toBe('googlenet small seed 2 · Digits');
  });
  it('tells apart runs that differ only in learning rate', () => {
    expect(runName({ ...parts, learningRate: 0.5 })).not.toBe(runName({ ...parts, learningRate: 0.05 }));
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
