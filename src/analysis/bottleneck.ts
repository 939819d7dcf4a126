// The bottleneck lab: one k×k convolution layer built three ways on the same feature map, so the
// saving of GoogLeNet's 1x1 reductions (and of Xception's separable convs) can be seen in numbers.
// All designs use 'same' padding, stride 1 and no biases, so every weight is used once per output
// position and MACs = weights × H×W.

import { formatCount, times } from './format';
import { wholeNumberIssues, type FieldIssue, type LabFieldSpec } from './lab-input';
import type { Unit } from './ops';

export interface LabInput {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly kernel: number;
  readonly filters: number;
  /** Channels of the 1x1 bottleneck. */
  readonly bottleneck: number;
}

export type LabField = keyof LabInput;

/**
 * Each field's name as shown and its accepted range. The upper bounds keep every count, FLOPs
 * included, below 2^53, where doubles stop being exact integers (largest: 2 × 226·4096²·1024²).
 */
export const LAB_FIELDS: readonly LabFieldSpec<LabField>[] = [
  { key: 'height', label: 'Height', max: 1024 },
  { key: 'width', label: 'Width', max: 1024 },
  { key: 'channels', label: 'Channels', max: 4096 },
  { key: 'kernel', label: 'Kernel', max: 15 },
  { key: 'filters', label: 'Filters', max: 4096 },
  { key: 'bottleneck', label: 'Bottleneck width', max: 4096 },
];

/** The worked example of the background notes: 30×30×200 in, 64 filters of 5×5, a bottleneck of 16. */
export const LAB_DEFAULTS: LabInput = { height: 30, width: 30, channels: 200, kernel: 5, filters: 64, bottleneck: 16 };

export type LabIssue = FieldIssue<LabField>;

export interface LabStep {
  /** e.g. `1x1 conv, 200 → 16`. */
  readonly label: string;
  /** The kernel's dimensions: [kh, kw, cin, cout] or [kh, kw, c] for a depthwise step. */
  readonly factors: readonly number[];
  readonly weights: number;
  /** Output feature map [height, width, channels]. */
  readonly output: readonly [number, number, number];
}

export type DesignKey = 'direct' | 'bottleneck' | 'separable';

export interface LabDesign {
  readonly key: DesignKey;
  readonly title: string;
  readonly steps: readonly LabStep[];
  readonly weights: number;
  readonly macs: number;
  /** `1×1×200×16 + 5×5×16×64 = 28,800` */
  readonly weightsFormula: string;
  /** `28,800 × 30×30 = 25,920,000` */
  readonly macsFormula: string;
  /** This design's weights (and MACs: the ratio is the same) over the direct conv's. */
  readonly ratio: number;
}

export type LabResult =
  | { readonly ok: true; readonly input: LabInput; readonly designs: readonly LabDesign[]; readonly notes: readonly string[] }
  | { readonly ok: false; readonly issues: readonly LabIssue[] };

/** Every problem with the input, each naming its field; empty when the lab can run. */
export function validateLab(input: LabInput): LabIssue[] {
  const issues: LabIssue[] = wholeNumberIssues(LAB_FIELDS, input);
  const sizesValid = !issues.some((i) => i.field === 'kernel' || i.field === 'height' || i.field === 'width');
  if (sizesValid && (input.kernel > input.height || input.kernel > input.width)) {
    issues.push({
      field: 'kernel',
      message: `Kernel (${input.kernel}) must not be larger than the input (${input.height}×${input.width}).`,
    });
  }
  return issues;
}

function design(key: DesignKey, title: string, steps: LabStep[], input: LabInput, direct?: number): LabDesign {
  const weights = steps.reduce((sum, step) => sum + step.weights, 0);
  const positions = input.height * input.width;
  return {
    key,
    title,
    steps,
    weights,
    macs: weights * positions,
    weightsFormula: `${steps.map((s) => times(s.factors)).join(' + ')} = ${formatCount(weights)}`,
    macsFormula: `${formatCount(weights)} × ${input.height}×${input.width} = ${formatCount(weights * positions)}`,
    ratio: weights / (direct ?? weights),
  };
}

function step(label: string, factors: number[], input: LabInput, channelsOut: number): LabStep {
  return { label, factors, weights: factors.reduce((a, b) => a * b, 1), output: [input.height, input.width, channelsOut] };
}

/** The three designs (direct k×k conv, 1x1 bottleneck then k×k, depthwise-separable) or why they cannot be built. */
export function bottleneckLab(input: LabInput): LabResult {
  const issues = validateLab(input);
  if (issues.length > 0) return { ok: false, issues };
  const { channels: c, kernel: k, filters: f, bottleneck: b } = input;
  const kxk = `${k}x${k}`;
  const directStep = step(`${kxk} conv, ${c} → ${f}`, [k, k, c, f], input, f);
  const direct = design('direct', 'Direct conv', [directStep], input);
  const reduced = design(
    'bottleneck',
    '1x1 bottleneck',
    [step(`1x1 conv, ${c} → ${b}`, [1, 1, c, b], input, b), step(`${kxk} conv, ${b} → ${f}`, [k, k, b, f], input, f)],
    input,
    direct.weights,
  );
  const separable = design(
    'separable',
    'Depthwise-separable',
    [step(`${kxk} depthwise, ${c} channels`, [k, k, c], input, c), step(`1x1 conv, ${c} → ${f}`, [1, 1, c, f], input, f)],
    input,
    direct.weights,
  );
  const notes =
    b >= c ? [`A bottleneck of ${b} is not narrower than the ${c} input channels, so it cannot save anything.`] : [];
  return { ok: true, input, designs: [direct, reduced, separable], notes };
}

/** A design's operations in a unit, with the arithmetic: FLOPs count each MAC as 2. */
export function labOps(d: LabDesign, unit: Unit): { readonly value: number; readonly formula: string } {
  if (unit === 'macs') return { value: d.macs, formula: d.macsFormula };
  const [height, width] = d.steps[0].output;
  return {
    value: 2 * d.macs,
    formula: `2 × ${formatCount(d.weights)} × ${height}×${width} = ${formatCount(2 * d.macs)}`,
  };
}

/** How a design compares with the direct conv, in words: `11.1× fewer weights`, `12.5% more MACs`. */
export function savingPhrase(direct: number, value: number, noun: string): string {
  if (value === direct) return `as many ${noun}`;
  const fewer = value < direct;
  const factor = fewer ? direct / value : value / direct;
  if (factor >= 2) return `${factor < 100 ? factor.toFixed(1) : formatCount(factor)}× ${fewer ? 'fewer' : 'more'} ${noun}`;
  const percent = (Math.abs(direct - value) / direct) * 100;
  return `${percent < 0.1 ? '<0.1' : percent.toFixed(1)}% ${fewer ? 'fewer' : 'more'} ${noun}`;
}
