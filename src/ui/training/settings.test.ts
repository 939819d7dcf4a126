import { describe, expect, it } from 'vitest';
import { checkForm, defaultForm, defaultVariant } from './settings';

describe('checkForm', () => {
  it('turns the default form into the small googlenet with no variant switch', () => {
    const { params, errors } = checkForm(defaultForm());
    expect(errors).toEqual({});
    expect(params).toMatchObject({ dataset: 'digits', epochs: 5, batchSize: 32, learningRate: 0.05, seed: 1, variant: {} });
    expect(params?.config.text).toMatchObject({ stem: 'cifar', bn: 'on', input: '32', classes: '10' });
  });

  it('names the switches that differ from the small preset', () => {
    const form = defaultForm();
    const { params } = checkForm({ ...form, variant: { ...form.variant, bn: 'off', branch5x5: '3x3' } });
    expect(params?.variant).toEqual({ branch5x5: '3x3', bn: 'off' });
    expect(params?.config.text.bn).toBe('off');
  });

  it('rejects epochs 0, a negative learning rate, a fractional batch and a bad limit, with a message each', () => {
    const { params, errors } = checkForm({ ...defaultForm(), epochs: '0', learningRate: '-0.1', batchSize: '2.5', trainLimit: 'ten' });
    expect(params).toBeUndefined();
    expect(errors).toEqual({
      epochs: 'Epochs must be between 1 and 200.',
      learningRate: 'Learning rate must be greater than 0.',
      batchSize: 'Batch size must be a whole number.',
      trainLimit: 'Limit training images must be a whole number.',
    });
  });

  it('reads empty limits as all images and a number as the first N', () => {
    expect(checkForm(defaultForm()).params).not.toHaveProperty('trainLimit');
    expect(checkForm({ ...defaultForm(), trainLimit: ' 640 ', validationLimit: '500' }).params).toMatchObject({ trainLimit: 640, validationLimit: 500 });
  });

  it('says so when a variant cannot be built, listing the valid values', () => {
    const form = defaultForm();
    const { errors } = checkForm({ ...form, variant: { ...form.variant, bn: 'maybe' } });
    expect(errors.network).toMatch(/^This variant cannot be built: invalid value "maybe" for option "bn"; valid values: off, on/);
  });
});

describe('defaultVariant', () => {
  it('offers every choice option of xception at its small-preset value', () => {
    expect(defaultVariant('xception')).toEqual({ conv: 'separable', order: 'depthwise-first', intermediate: 'none', residual: 'on', stem: 'cifar' });
  });
});
