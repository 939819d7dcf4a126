import { describe, expect, it } from 'vitest';
import { configure, getNetwork } from './networks';
import { googlenet } from './networks/googlenet';
import { OptionError, formatOptions } from './options';

const message = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(OptionError);
    return (error as Error).message;
  }
  throw new Error('expected an OptionError');
};

describe('configure', () => {
  it('fills in defaults and reports them as text', () => {
    const config = configure('googlenet');
    expect(config.optionText).toMatchObject({ inception: 'bottleneck', stem: 'dense', bn: 'off', modules: 'all', input: '224' });
  });

  it('applies a preset, then overrides', () => {
    const config = configure('googlenet', { aux: 'on' }, 'torchvision');
    expect(config.options).toMatchObject({ bn: 'on', branch5x5: '3x3', aux: 'on' });
  });

  it('lists the valid models for an unknown one', () => {
    expect(message(() => configure('alexnet'))).toBe('unknown model "alexnet"; valid models: googlenet, xception, vgg, resnet');
  });

  it('lists the valid options for an unknown option', () => {
    expect(message(() => configure('xception', { depth: '3' }))).toBe(
      'unknown option "depth" for xception; valid options: conv, order, intermediate, residual, middle, stem, classes, input, width',
    );
  });

  it('lists the valid values for a bad value', () => {
    expect(message(() => configure('googlenet', { inception: 'fancy' }))).toBe(
      'invalid value "fancy" for option "inception"; valid values: bottleneck, no-reduce, naive',
    );
    expect(message(() => configure('xception', { middle: '2.5' }))).toContain('an integer from 0 to 32');
    expect(message(() => configure('xception', { width: 'wide' }))).toContain('a number from');
  });

  it('lists the valid presets for an unknown preset', () => {
    expect(message(() => configure('googlenet', {}, 'caffe'))).toBe(
      'unknown preset "caffe" for googlenet; valid presets: paper, torchvision, small',
    );
  });

  it('parses module subsets in canonical order and refuses unknown modules', () => {
    expect(configure('googlenet', { modules: '4a, 3a,4a' }).options.modules).toEqual(['3a', '4a']);
    expect(message(() => configure('googlenet', { modules: '3a,6a' }))).toContain('"3a,6a"');
    expect(message(() => configure('googlenet', { modules: '' }))).toContain('option "modules"');
  });

  it('accepts typed values from code as well as text', () => {
    expect(googlenet({ width: 0.5, modules: ['3a'] }).root.children.length).toBeGreaterThan(0);
    expect(message(() => googlenet({ width: '0' }))).toContain('option "width"');
  });

  it('formats options back to text', () => {
    const def = getNetwork('googlenet');
    const config = configure('googlenet', { modules: '3a,3b' });
    expect(formatOptions(def.specs, config.options).modules).toBe('3a,3b');
  });
});
