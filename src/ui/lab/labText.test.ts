import { describe, expect, it } from 'vitest';
import { LAB_DEFAULTS, validateLab } from '../../analysis/bottleneck';
import { FACTOR_DEFAULTS, FACTOR_FIELDS, factorizationLab, validateFactor } from '../../analysis/factorization';
import copy from './explainer.json';
import { LAB_EXAMPLES, fieldText, labText, readFieldText, readLabText } from './labText';

describe('readLabText', () => {
  it('reads back what labText wrote', () => {
    expect(readLabText(labText(LAB_DEFAULTS))).toEqual(LAB_DEFAULTS);
  });

  it('reads an empty or blank field as NaN, not 0', () => {
    const input = readLabText({ ...labText(LAB_DEFAULTS), height: '', width: '  ' });
    expect(input.height).toBeNaN();
    expect(input.width).toBeNaN();
  });
});

describe('LAB_EXAMPLES', () => {
  it('are all valid inputs', () => {
    for (const example of LAB_EXAMPLES) expect(validateLab(example.input), example.id).toEqual([]);
  });
});

describe('the factorization lab', () => {
  it('reads back what fieldText wrote', () => {
    const { bias: _bias, ...numbers } = FACTOR_DEFAULTS;
    expect(readFieldText(FACTOR_FIELDS, fieldText(FACTOR_FIELDS, numbers))).toEqual(numbers);
  });

  it('has examples (explainer.json) that are all valid inputs', () => {
    for (const example of copy.factorization.examples) {
      expect(validateFactor({ ...example.input, bias: false }), example.id).toEqual([]);
    }
  });

  it('has a source line for every comparison', () => {
    const result = factorizationLab(FACTOR_DEFAULTS);
    const keys = result.ok ? result.comparisons.map((c) => c.key) : [];
    expect(keys.length).toBe(3);
    for (const key of keys) expect(copy.factorization.sources[key]).toMatch(/\S/);
  });
});
