import { describe, expect, it } from 'vitest';
import {
  LAB_DEFAULTS,
  LAB_FIELDS,
  bottleneckLab,
  labOps,
  savingPhrase,
  validateLab,
  type LabDesign,
  type LabInput,
} from './bottleneck';

const designs = (input: LabInput = LAB_DEFAULTS): readonly LabDesign[] => {
  const result = bottleneckLab(input);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join(' '));
  return result.designs;
};

const messages = (input: Partial<LabInput>) => validateLab({ ...LAB_DEFAULTS, ...input });

describe('bottleneckLab(30×30×200, 5×5, 64 filters, bottleneck 16)', () => {
  it('counts 320,000 / 28,800 / 17,800 weights', () => {
    expect(designs().map((d) => [d.key, d.weights])).toEqual([
      ['direct', 320_000],
      ['bottleneck', 28_800],
      ['separable', 17_800],
    ]);
  });

  it('counts 288,000,000 / 25,920,000 / 16,020,000 MACs', () => {
    expect(designs().map((d) => d.macs)).toEqual([288_000_000, 25_920_000, 16_020_000]);
  });

  it('writes the formulas with the numbers filled in', () => {
    const [direct, reduced, separable] = designs();
    expect(direct.weightsFormula).toBe('5×5×200×64 = 320,000');
    expect(direct.macsFormula).toBe('320,000 × 30×30 = 288,000,000');
    expect(reduced.weightsFormula).toBe('1×1×200×16 + 5×5×16×64 = 28,800');
    expect(reduced.macsFormula).toBe('28,800 × 30×30 = 25,920,000');
    expect(separable.weightsFormula).toBe('5×5×200 + 1×1×200×64 = 17,800');
    expect(separable.macsFormula).toBe('17,800 × 30×30 = 16,020,000');
  });

  it('gives ratios to the direct conv of 1, 0.09 and 0.055625', () => {
    expect(designs().map((d) => d.ratio)).toEqual([1, 0.09, 0.055625]);
  });

  it('describes each step with its output feature map', () => {
    const [, reduced] = designs();
    expect(reduced.steps.map((s) => [s.label, s.weights, s.output])).toEqual([
      ['1x1 conv, 200 → 16', 3_200, [30, 30, 16]],
      ['5x5 conv, 16 → 64', 25_600, [30, 30, 64]],
    ]);
  });
});

describe('bottleneckLab(28×28×192, 5×5, 32 filters, bottleneck 16): inception_3a 5x5 branch without biases', () => {
  it('counts 153,600 weights direct and 15,872 with the reduction', () => {
    const [direct, reduced] = designs({ height: 28, width: 28, channels: 192, kernel: 5, filters: 32, bottleneck: 16 });
    expect([direct.weights, reduced.weights]).toEqual([153_600, 15_872]);
  });
});

describe('bottleneckLab notes', () => {
  it('says a bottleneck at least as wide as the input saves nothing', () => {
    const result = bottleneckLab({ ...LAB_DEFAULTS, bottleneck: 200 });
    expect(result.ok && result.notes).toEqual([
      'A bottleneck of 200 is not narrower than the 200 input channels, so it cannot save anything.',
    ]);
  });
});

describe('bottleneckLab at every upper bound', () => {
  it('keeps every count, FLOPs included, an exact integer', () => {
    const max = Object.fromEntries(LAB_FIELDS.map((f) => [f.key, f.max])) as unknown as LabInput;
    for (const d of designs(max)) {
      expect(Number.isSafeInteger(labOps(d, 'flops').value)).toBe(true);
      expect(labOps(d, 'flops').value).toBe(2 * d.weights * 1024 * 1024);
    }
  });
});

describe('labOps', () => {
  it('doubles MACs for FLOPs and says so in the formula', () => {
    const [direct] = designs();
    expect(labOps(direct, 'macs')).toEqual({ value: 288_000_000, formula: '320,000 × 30×30 = 288,000,000' });
    expect(labOps(direct, 'flops')).toEqual({ value: 576_000_000, formula: '2 × 320,000 × 30×30 = 576,000,000' });
  });
});

describe('savingPhrase', () => {
  it('says 11.1× fewer weights for the bottleneck', () => {
    expect(savingPhrase(320_000, 28_800, 'weights')).toBe('11.1× fewer weights');
    expect(savingPhrase(320_000, 17_800, 'MACs')).toBe('18.0× fewer MACs');
  });

  it('uses percentages under 2× and handles more and equal', () => {
    expect(savingPhrase(100, 80, 'weights')).toBe('20.0% fewer weights');
    expect(savingPhrase(100, 125, 'weights')).toBe('25.0% more weights');
    expect(savingPhrase(100, 300, 'weights')).toBe('3.0× more weights');
    expect(savingPhrase(100, 100, 'weights')).toBe('as many weights');
  });
});

describe('validateLab', () => {
  it('accepts the defaults', () => {
    expect(validateLab(LAB_DEFAULTS)).toEqual([]);
  });

  it('names the field of a non-positive, fractional, empty or too large value', () => {
    expect(messages({ height: 0 })).toEqual([{ field: 'height', message: 'Height must be a whole number from 1 to 1024, not 0.' }]);
    expect(messages({ channels: 2.5 })).toEqual([
      { field: 'channels', message: 'Channels must be a whole number from 1 to 4096, not 2.5.' },
    ]);
    expect(messages({ filters: Number.NaN })).toEqual([
      { field: 'filters', message: 'Filters must be a whole number from 1 to 4096, it is empty.' },
    ]);
    expect(messages({ bottleneck: -16 })).toEqual([
      { field: 'bottleneck', message: 'Bottleneck width must be a whole number from 1 to 4096, not -16.' },
    ]);
    expect(messages({ width: 5000 })[0].message).toBe('Width must be a whole number from 1 to 1024, not 5000.');
    expect(messages({ kernel: Infinity })[0].field).toBe('kernel');
  });

  it('rejects a kernel larger than the input height or width', () => {
    expect(messages({ height: 4, width: 3, kernel: 5 })).toEqual([
      { field: 'kernel', message: 'Kernel (5) must not be larger than the input (4×3).' },
    ]);
    expect(messages({ height: 30, width: 3 })).toEqual([
      { field: 'kernel', message: 'Kernel (5) must not be larger than the input (30×3).' },
    ]);
    expect(messages({ height: 5, width: 5, kernel: 5 })).toEqual([]);
  });

  it('reports every bad field at once, and bottleneckLab returns them instead of NaN', () => {
    const result = bottleneckLab({ ...LAB_DEFAULTS, height: Number.NaN, kernel: 0, bottleneck: 0 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.field)).toEqual(['height', 'kernel', 'bottleneck']);
  });
});
