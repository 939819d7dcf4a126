// The factorization lab: two arguments for small kernels, in numbers, on one feature map. A big
// k×k conv against a stack of 3x3 convs with the same receptive field (49·C² against 27·C²
// weights for 7x7, 25·C² against 18·C² for 5x5), and a 1x1 → 3x3 → 1x1 bottleneck block against
// two 3x3 convs at the block's width. Every conv uses 'same' padding and stride 1, so every weight
// is used once per output position (MACs = weights × H×W) and the receptive field of a stack is
// 1 + Σ(k − 1). Biases, when on, cost parameters but no MACs (docs/CONVENTIONS.md).

import { formatCount, times } from './format';
import { savingPhrase, type LabStep } from './bottleneck';
import { wholeNumberIssues, type FieldIssue, type LabFieldSpec } from './lab-input';
import type { Unit } from './ops';

export interface FactorInput {
  readonly height: number;
  readonly width: number;
  /** C: the channels in and out of every comparison (the block's width). */
  readonly channels: number;
  /** b: the channels inside the bottleneck block. */
  readonly bottleneck: number;
  /** A bias per output channel of every conv. */
  readonly bias: boolean;
}

export type FactorField = 'height' | 'width' | 'channels' | 'bottleneck';

/**
 * The typed fields and their ranges. The largest count is the 7x7 conv's FLOPs at the bounds,
 * 2 × 49·4096² × 1024² ≈ 1.7·10¹⁵, below 2^53, so every count stays an exact integer.
 */
export const FACTOR_FIELDS: readonly LabFieldSpec<FactorField>[] = [
  { key: 'height', label: 'Height', max: 1024 },
  { key: 'width', label: 'Width', max: 1024 },
  { key: 'channels', label: 'Channels', max: 4096 },
  { key: 'bottleneck', label: 'Bottleneck width', max: 4096 },
];

/** The block of the background notes: 56×56×256, a bottleneck of 64 (a quarter), no biases. */
export const FACTOR_DEFAULTS: FactorInput = { height: 56, width: 56, channels: 256, bottleneck: 64, bias: false };

export type FactorKey = 'k7' | 'stack7' | 'k5' | 'stack5' | 'wide' | 'bottleneck' | 'narrow';

/** How a design plays in its comparison: the baseline, the design that saves, a point of reference. */
export type FactorRole = 'baseline' | 'saving' | 'reference';

export interface FactorDesign {
  readonly key: FactorKey;
  readonly role: FactorRole;
  readonly title: string;
  readonly steps: readonly LabStep[];
  /** Kernel weights only. */
  readonly weights: number;
  readonly biases: number;
  /** weights + biases. */
  readonly params: number;
  readonly macs: number;
  /** The weights in symbols: `3 × 3·3·C² = 27·C²`. */
  readonly symbolic: string;
  /** `3×3×256×256 + 3×3×256×256 + 3×3×256×256 = 1,769,472`, biases as `+ 256` terms when on. */
  readonly paramsFormula: string;
  /** `1,769,472 × 56×56 = 5,549,064,192` */
  readonly macsFormula: string;
  /** Side of the square window of input one output value sees. */
  readonly receptiveField: number;
  /** `1 + (3−1) + (3−1) + (3−1) = 7` */
  readonly receptiveFieldFormula: string;
  /** One ReLU after each conv. */
  readonly relus: number;
  /** MACs over the baseline's (the same as the weights' ratio). */
  readonly ratio: number;
}

export type ComparisonKey = 'factor7' | 'factor5' | 'block';

export interface FactorComparison {
  readonly key: ComparisonKey;
  readonly title: string;
  /** How the card sentences name the baseline: `the 7x7 conv`. */
  readonly baselineName: string;
  /** The baseline first. */
  readonly designs: readonly FactorDesign[];
}

export type FactorResult =
  | {
      readonly ok: true;
      readonly input: FactorInput;
      readonly comparisons: readonly FactorComparison[];
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly issues: readonly FieldIssue<FactorField>[] };

/** Every problem with the input, each naming its field; empty when the lab can run. */
export const validateFactor = (input: FactorInput): FieldIssue<FactorField>[] => wholeNumberIssues(FACTOR_FIELDS, input);

/** The receptive field of stride-1 convs stacked in order: 1 + Σ(k − 1). */
export const receptiveField = (kernels: readonly number[]): number => kernels.reduce((side, k) => side + k - 1, 1);

interface Conv {
  readonly kernel: number;
  readonly channelsIn: number;
  readonly channelsOut: number;
}

interface Spec {
  readonly key: FactorKey;
  readonly role: FactorRole;
  readonly title: string;
  readonly symbolic: string;
  readonly convs: readonly Conv[];
}

const conv = (kernel: number, channelsIn: number, channelsOut: number): Conv => ({ kernel, channelsIn, channelsOut });
const repeat = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

function build(spec: Spec, input: FactorInput, baselineMacs?: number): FactorDesign {
  const steps: LabStep[] = spec.convs.map(({ kernel: k, channelsIn, channelsOut }) => {
    const factors = [k, k, channelsIn, channelsOut];
    return {
      label: `${k}x${k} conv, ${channelsIn} → ${channelsOut}`,
      factors,
      weights: k * k * channelsIn * channelsOut,
      output: [input.height, input.width, channelsOut],
    };
  });
  const weights = steps.reduce((sum, s) => sum + s.weights, 0);
  const biases = input.bias ? spec.convs.reduce((sum, c) => sum + c.channelsOut, 0) : 0;
  const params = weights + biases;
  const positions = input.height * input.width;
  const macs = weights * positions;
  const terms = spec.convs.map((c, i) => times(steps[i].factors) + (input.bias ? ` + ${c.channelsOut}` : ''));
  const kernels = spec.convs.map((c) => c.kernel);
  const field = receptiveField(kernels);
  return {
    key: spec.key,
    role: spec.role,
    title: spec.title,
    steps,
    weights,
    biases,
    params,
    macs,
    symbolic: spec.symbolic,
    paramsFormula: `${terms.join(' + ')} = ${formatCount(params)}`,
    macsFormula: `${formatCount(weights)} × ${input.height}×${input.width} = ${formatCount(macs)}`,
    receptiveField: field,
    receptiveFieldFormula: `1 + ${kernels.map((k) => `(${k}−1)`).join(' + ')} = ${field}`,
    relus: spec.convs.length,
    ratio: macs / (baselineMacs ?? macs),
  };
}

function comparison(key: ComparisonKey, title: string, baselineName: string, specs: Spec[], input: FactorInput): FactorComparison {
  const baseline = build(specs[0], input);
  return { key, title, baselineName, designs: [baseline, ...specs.slice(1).map((s) => build(s, input, baseline.macs))] };
}

const COUNT_WORDS: Readonly<Record<number, string>> = { 2: 'Two', 3: 'Three' };

/** One k×k conv (k odd) against the (k−1)/2 stacked 3x3 convs that see the same k×k window. */
function factorComparison(key: 'factor7' | 'factor5', k: 7 | 5, c: number, input: FactorInput): FactorComparison {
  const n = (k - 1) / 2;
  const big: Spec = {
    key: k === 7 ? 'k7' : 'k5',
    role: 'baseline',
    title: `One ${k}x${k} conv`,
    symbolic: `${k}·${k}·C² = ${k * k}·C²`,
    convs: [conv(k, c, c)],
  };
  const stack: Spec = {
    key: k === 7 ? 'stack7' : 'stack5',
    role: 'saving',
    title: `${COUNT_WORDS[n]} 3x3 convs`,
    symbolic: `${n} × 3·3·C² = ${9 * n}·C²`,
    convs: repeat(n, conv(3, c, c)),
  };
  return comparison(key, `A ${k}x${k} conv as ${COUNT_WORDS[n].toLowerCase()} stacked 3x3 convs`, `the ${k}x${k} conv`, [big, stack], input);
}

/** The 7x7 and 5x5 factorizations and the bottleneck block, or why they cannot be computed. */
export function factorizationLab(input: FactorInput): FactorResult {
  const issues = validateFactor(input);
  if (issues.length > 0) return { ok: false, issues };
  const { height: h, width: w, channels: c, bottleneck: b } = input;
  const block = comparison(
    'block',
    `A bottleneck block against two 3x3 convs at ${c} channels`,
    `two 3x3 convs at ${c} channels`,
    [
      { key: 'wide', role: 'baseline', title: `Two 3x3 convs at ${c}`, symbolic: '2 × 3·3·C² = 18·C²', convs: repeat(2, conv(3, c, c)) },
      {
        key: 'bottleneck',
        role: 'saving',
        title: `Bottleneck block ${c} → ${b} → ${c}`,
        symbolic: 'C·b + 3·3·b² + b·C = 2·C·b + 9·b²',
        convs: [conv(1, c, b), conv(3, b, b), conv(1, b, c)],
      },
      { key: 'narrow', role: 'reference', title: `Two 3x3 convs at ${b}`, symbolic: '2 × 3·3·b² = 18·b²', convs: repeat(2, conv(3, b, b)) },
    ],
    input,
  );
  const notes: string[] = [];
  if (b >= c) notes.push(`A bottleneck of ${b} is not narrower than the ${c} channels, so the block cannot save anything.`);
  if (Math.min(h, w) < 7) {
    notes.push(
      `The ${h}×${w} feature map is smaller than a 7×7 window: with “same” padding the convs still run, but part of every window reads zero padding.`,
    );
  }
  return { ok: true, input, comparisons: [factorComparison('factor7', 7, c, input), factorComparison('factor5', 5, c, input), block], notes };
}

/** A design's operations in a unit, with the arithmetic: FLOPs count each MAC as 2. */
export function factorOps(d: FactorDesign, unit: Unit): { readonly value: number; readonly formula: string } {
  if (unit === 'macs') return { value: d.macs, formula: d.macsFormula };
  const [height, width] = d.steps[0].output;
  return { value: 2 * d.macs, formula: `2 × ${formatCount(d.weights)} × ${height}×${width} = ${formatCount(2 * d.macs)}` };
}

/** What a design sees and how deep it is, against the baseline: `the same 7×7 receptive field and 2 more ReLUs`. */
export function depthPhrase(baseline: FactorDesign, d: FactorDesign): string {
  const side = (n: number) => `${n}×${n}`;
  const field =
    d.receptiveField === baseline.receptiveField
      ? `the same ${side(d.receptiveField)} receptive field`
      : `a ${side(d.receptiveField)} receptive field instead of ${side(baseline.receptiveField)}`;
  const extra = d.relus - baseline.relus;
  const relus =
    extra === 0
      ? 'as many ReLUs'
      : `${Math.abs(extra)} ${extra > 0 ? 'more' : 'fewer'} ${Math.abs(extra) === 1 ? 'ReLU' : 'ReLUs'}`;
  return `${field} and ${relus}`;
}

/**
 * What a reference design is for: a plain block at the bottleneck's width, which the bottleneck
 * block matches in cost while keeping the full width at its ends (the paper's own comparison).
 */
export function referencePhrase(saving: FactorDesign, reference: FactorDesign, noun: string): string {
  const ends = (d: FactorDesign) => d.steps[d.steps.length - 1].output[2];
  return (
    `For reference, a plain block at the narrow width: the bottleneck block has ${savingPhrase(reference.params, saving.params, noun)}` +
    ` than it, and ${ends(saving)} channels at its ends instead of ${ends(reference)}.`
  );
}
