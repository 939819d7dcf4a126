import { describe, expect, it } from 'vitest';
import { LAB_DEFAULTS, validateLab } from '../../analysis/bottleneck';
import { LAB_EXAMPLES, labText, readLabText } from './labText';

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
