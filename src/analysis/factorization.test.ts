import { describe, expect, it } from 'vitest';
import {
  FACTOR_DEFAULTS,
  FACTOR_FIELDS,
  depthPhrase,
  factorOps,
  factorizationLab,
  receptiveField,
  referencePhrase,
  validateFactor,
  type FactorComparison,
  type FactorInput,
} from './factorization';

const comparisons = (input: Partial<FactorInput> = {}): readonly FactorComparison[] => {
  const result = factorizationLab({ ...FACTOR_DEFAULTS, ...input });
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join(' '));
  return result.comparisons;
};
const byKey = (input: Partial<FactorInput> = {}) =>
  Object.fromEntries(comparisons(input).flatMap((c) => c.designs.map((d) => [d.key, d])));

describe('factorizationLab(56×56, C = 256, b = 64, no biases)', () => {
  it('counts 49·C² for a 7x7 conv and 3·9·C² = 27·C² for three 3x3 convs', () => {
    const d = byKey();
    // C² = 256² = 65,536. 49 × 65,536 = 3,211,264; 27 × 65,536 = 1,769,472.
    expect(d.k7.weights).toBe(49 * 256 * 256);
    expect(d.k7.weights).toBe(3_211_264);
    expect(d.stack7.weights).toBe(3 * 9 * 256 * 256);
    expect(d.stack7.weights).toBe(1_769_472);
  });

  it('counts 25·C² for a 5x5 conv and 2·9·C² = 18·C² for two 3x3 convs', () => {
    const d = byKey();
    // 25 × 65,536 = 1,638,400; 18 × 65,536 = 1,179,648.
    expect([d.k5.weights, d.stack5.weights]).toEqual([1_638_400, 1_179_648]);
  });

  it('counts the bottleneck block at 256·64 + 9·64·64 + 64·256 = 69,632 and two 3x3 convs at 2·9·256·256 = 1,179,648', () => {
    const d = byKey();
    // 16,384 + 36,864 + 16,384 = 69,632 (the paper's "≈70K"); 2 × 589,824 = 1,179,648.
    expect(d.bottleneck.weights).toBe(256 * 64 + 9 * 64 * 64 + 64 * 256);
    expect(d.bottleneck.weights).toBe(69_632);
    expect(d.wide.weights).toBe(2 * 9 * 256 * 256);
    expect(d.wide.weights).toBe(1_179_648);
    // Two 3x3 convs at the bottleneck width: 2 × 9 × 64² = 73,728, about the block's cost.
    expect(d.narrow.weights).toBe(73_728);
  });

  it('counts MACs as weights × 56·56 = weights × 3,136', () => {
    const d = byKey();
    // 3,211,264 × 3,136 = 10,070,523,904; 1,769,472 × 3,136 = 5,549,064,192;
    // 69,632 × 3,136 = 218,365,952; 1,179,648 × 3,136 = 3,699,376,128.
    expect(d.k7.macs).toBe(10_070_523_904);
    expect(d.stack7.macs).toBe(5_549_064_192);
    expect(d.bottleneck.macs).toBe(218_365_952);
    expect(d.wide.macs).toBe(3_699_376_128);
  });

  it('without biases, params are the weights', () => {
    for (const d of Object.values(byKey())) expect([d.biases, d.params]).toEqual([0, d.weights]);
  });

  it('writes the formulas with the numbers filled in, and in symbols', () => {
    const d = byKey();
    expect(d.k7.symbolic).toBe('7·7·C² = 49·C²');
    expect(d.stack7.symbolic).toBe('3 × 3·3·C² = 27·C²');
    expect(d.k5.symbolic).toBe('5·5·C² = 25·C²');
    expect(d.stack5.symbolic).toBe('2 × 3·3·C² = 18·C²');
    expect(d.k7.paramsFormula).toBe('7×7×256×256 = 3,211,264');
    expect(d.stack7.paramsFormula).toBe('3×3×256×256 + 3×3×256×256 + 3×3×256×256 = 1,769,472');
    expect(d.bottleneck.paramsFormula).toBe('1×1×256×64 + 3×3×64×64 + 1×1×64×256 = 69,632');
    expect(d.bottleneck.macsFormula).toBe('69,632 × 56×56 = 218,365,952');
  });

  it('names the steps with their output feature maps', () => {
    expect(byKey().bottleneck.steps.map((s) => [s.label, s.weights, s.output])).toEqual([
      ['1x1 conv, 256 → 64', 16_384, [56, 56, 64]],
      ['3x3 conv, 64 → 64', 36_864, [56, 56, 64]],
      ['1x1 conv, 64 → 256', 16_384, [56, 56, 256]],
    ]);
  });

  it('gives ratios to the baseline of 27/49, 18/25 and 69,632/1,179,648', () => {
    const d = byKey();
    expect(d.stack7.ratio).toBe(27 / 49);
    expect(d.stack5.ratio).toBe(18 / 25);
    // 69,632 / 1,179,648 = 17 / 288 (both divided by 4,096).
    expect(d.bottleneck.ratio).toBeCloseTo(17 / 288, 15);
  });

  it('orders the comparisons 7x7, 5x5, block, each with its baseline first', () => {
    expect(comparisons().map((c) => [c.key, c.designs.map((d) => d.role)])).toEqual([
      ['factor7', ['baseline', 'saving']],
      ['factor5', ['baseline', 'saving']],
      ['block', ['baseline', 'saving', 'reference']],
    ]);
  });
});

describe('factorizationLab with other sizes', () => {
  it('C = 64: 49·4,096 = 200,704 against 27·4,096 = 110,592, and 25·4,096 = 102,400 against 18·4,096 = 73,728', () => {
    const d = byKey({ channels: 64 });
    expect([d.k7.weights, d.stack7.weights, d.k5.weights, d.stack5.weights]).toEqual([200_704, 110_592, 102_400, 73_728]);
  });

  it('C = 512, b = 128 at 28×28: 2·512·128 + 9·128² = 278,528 against 18·512² = 4,718,592', () => {
    const d = byKey({ height: 28, width: 28, channels: 512, bottleneck: 128 });
    // 131,072 + 147,456 = 278,528; 18 × 262,144 = 4,718,592; MACs × 784.
    expect([d.bottleneck.weights, d.wide.weights]).toEqual([278_528, 4_718_592]);
    expect(d.bottleneck.macs).toBe(278_528 * 784);
  });

  it('a non-square map: MACs = weights × H·W', () => {
    const d = byKey({ height: 10, width: 30, channels: 8 });
    // 49 × 64 = 3,136 weights × 300 positions = 940,800.
    expect(d.k7.macs).toBe(940_800);
    expect(d.k7.macsFormula).toBe('3,136 × 10×30 = 940,800');
  });
});

describe('factorizationLab with biases', () => {
  it('adds one bias per output channel of every conv to the params, none to the MACs', () => {
    const d = byKey({ bias: true });
    // 7x7: + 256. Three 3x3: + 3·256 = 768. Block: + 64 + 64 + 256 = 384. Two 3x3 at 256: + 512.
    expect([d.k7.params, d.stack7.params]).toEqual([3_211_264 + 256, 1_769_472 + 768]);
    expect([d.bottleneck.biases, d.bottleneck.params]).toEqual([384, 70_016]);
    expect([d.wide.biases, d.wide.params]).toEqual([512, 1_180_160]);
    expect([d.narrow.biases, d.narrow.params]).toEqual([128, 73_856]);
    expect(d.k7.macs).toBe(10_070_523_904);
  });

  it('writes each bias as a term after its conv', () => {
    const d = byKey({ bias: true });
    expect(d.k7.paramsFormula).toBe('7×7×256×256 + 256 = 3,211,520');
    expect(d.bottleneck.paramsFormula).toBe('1×1×256×64 + 64 + 3×3×64×64 + 64 + 1×1×64×256 + 256 = 70,016');
  });
});

describe('receptiveField', () => {
  it('is 1 + Σ(k − 1) for stride-1 convs: three 3x3 see 7×7, two see 5×5, 1x1 adds nothing', () => {
    expect(receptiveField([7])).toBe(7);
    expect(receptiveField([3, 3, 3])).toBe(7);
    expect(receptiveField([3, 3])).toBe(5);
    expect(receptiveField([1, 3, 1])).toBe(3);
    expect(receptiveField([])).toBe(1);
  });

  it('is stated per design, with its formula', () => {
    const d = byKey();
    expect([d.k7.receptiveField, d.stack7.receptiveField, d.k5.receptiveField, d.stack5.receptiveField]).toEqual([7, 7, 5, 5]);
    expect([d.wide.receptiveField, d.bottleneck.receptiveField, d.narrow.receptiveField]).toEqual([5, 3, 5]);
    expect(d.stack7.receptiveFieldFormula).toBe('1 + (3−1) + (3−1) + (3−1) = 7');
    expect(d.bottleneck.receptiveFieldFormula).toBe('1 + (1−1) + (3−1) + (1−1) = 3');
  });
});

describe('depthPhrase', () => {
  it('says the stack keeps the receptive field and adds non-linearities', () => {
    const d = byKey();
    expect(depthPhrase(d.k7, d.stack7)).toBe('the same 7×7 receptive field and 2 more ReLUs');
    expect(depthPhrase(d.k5, d.stack5)).toBe('the same 5×5 receptive field and 1 more ReLU');
    expect(depthPhrase(d.wide, d.bottleneck)).toBe('a 3×3 receptive field instead of 5×5 and 1 more ReLU');
    expect(depthPhrase(d.wide, d.narrow)).toBe('the same 5×5 receptive field and as many ReLUs');
  });
});

describe('factorOps', () => {
  it('doubles MACs for FLOPs and says so in the formula', () => {
    const { stack7 } = byKey();
    expect(factorOps(stack7, 'macs')).toEqual({ value: 5_549_064_192, formula: '1,769,472 × 56×56 = 5,549,064,192' });
    expect(factorOps(stack7, 'flops')).toEqual({ value: 11_098_128_384, formula: '2 × 1,769,472 × 56×56 = 11,098,128,384' });
  });
});

describe('factorizationLab at every upper bound', () => {
  it('keeps every count, FLOPs and biases included, an exact integer', () => {
    const max = { ...(Object.fromEntries(FACTOR_FIELDS.map((f) => [f.key, f.max])) as Omit<FactorInput, 'bias'>), bias: true };
    for (const d of Object.values(byKey(max))) {
      expect(Number.isSafeInteger(factorOps(d, 'flops').value)).toBe(true);
      expect(Number.isSafeInteger(d.params)).toBe(true);
      expect(factorOps(d, 'flops').value).toBe(2 * d.weights * 1024 * 1024);
    }
  });
});

describe('factorizationLab notes', () => {
  it('says a bottleneck at least as wide as the block saves nothing', () => {
    const result = factorizationLab({ ...FACTOR_DEFAULTS, bottleneck: 256 });
    expect(result.ok && result.notes).toEqual([
      'A bottleneck of 256 is not narrower than the 256 channels, so the block cannot save anything.',
    ]);
  });

  it('says a map smaller than 7×7 reads padding', () => {
    const result = factorizationLab({ ...FACTOR_DEFAULTS, height: 4, width: 9 });
    expect(result.ok && result.notes).toEqual([
      'The 4×9 feature map is smaller than a 7×7 window: with “same” padding the convs still run, but part of every window reads zero padding.',
    ]);
  });
});

describe('validateFactor', () => {
  it('accepts the defaults', () => {
    expect(validateFactor(FACTOR_DEFAULTS)).toEqual([]);
  });

  it('names the field of an empty, fractional, non-positive or too large value, all at once', () => {
    expect(validateFactor({ ...FACTOR_DEFAULTS, channels: Number.NaN, bottleneck: 6.5, height: 0, width: 2000 })).toEqual([
      { field: 'height', message: 'Height must be a whole number from 1 to 1024, not 0.' },
      { field: 'width', message: 'Width must be a whole number from 1 to 1024, not 2000.' },
      { field: 'channels', message: 'Channels must be a whole number from 1 to 4096, it is empty.' },
      { field: 'bottleneck', message: 'Bottleneck width must be a whole number from 1 to 4096, not 6.5.' },
    ]);
  });

  it('makes factorizationLab return the issues instead of NaN', () => {
    const result = factorizationLab({ ...FACTOR_DEFAULTS, channels: -3 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.field)).toEqual(['channels']);
  });
});

describe('factorizationLab titles', () => {
  it('names each comparison and its baseline for the sentences on the cards', () => {
    expect(comparisons().map((c) => [c.title, c.baselineName])).toEqual([
      ['A 7x7 conv as three stacked 3x3 convs', 'the 7x7 conv'],
      ['A 5x5 conv as two stacked 3x3 convs', 'the 5x5 conv'],
      ['A bottleneck block against two 3x3 convs at 256 channels', 'two 3x3 convs at 256 channels'],
    ]);
    expect(comparisons()[2].designs.map((d) => d.title)).toEqual([
      'Two 3x3 convs at 256',
      'Bottleneck block 256 → 64 → 256',
      'Two 3x3 convs at 64',
    ]);
  });
});

describe('referencePhrase', () => {
  it('sets the bottleneck block against a plain block at its narrow width: 69,632 against 73,728 weights', () => {
    const d = byKey();
    // (73,728 − 69,632) / 73,728 = 4,096 / 73,728 = 5.6%.
    expect(referencePhrase(d.bottleneck, d.narrow, 'weights')).toBe(
      'For reference, a plain block at the narrow width: the bottleneck block has 5.6% fewer weights than it, and 256 channels at its ends instead of 64.',
    );
  });
});
