import { describe, expect, it } from 'vitest';
import { configure } from '../model/networks';
import { analyze, type Analysis } from './counts';
import { convStacks } from './conv-stacks';

const analysisOf = (network: string, options: Record<string, string> = {}, preset?: string): Analysis => analyze(configure(network, options, preset).model);
const stacksOf = (a: Analysis, path: string) => convStacks(a.modules.find((m) => m.path === path)!.layers);

describe('convStacks', () => {
  it("VGG-16's block3: three 3x3 convs from 128 to 256 channels see 7×7", () => {
    const [stack, ...rest] = stacksOf(analysisOf('vgg'), 'block3');
    expect(rest).toEqual([]);
    expect(stack.convs.map((c) => c.name)).toEqual(['block3_conv1', 'block3_conv2', 'block3_conv3']);
    expect(stack.receptiveField).toBe(7);
    expect(stack.weights).toBe(9 * 128 * 256 + 2 * 9 * 256 * 256);
    expect(stack.singleWeights).toBe(49 * 128 * 256);
    expect(stack.weightsFormula).toBe('3×3×128×256 + 3×3×256×256 + 3×3×256×256 = 1,474,560');
    expect(stack.singleFormula).toBe('7×7×128×256 = 1,605,632');
    expect(stack.symbolic).toBe('3 × 3·3·C² = 27·C² against 7·7·C² = 49·C²');
    expect(stack.relusBetween).toBe(2); // fused into the convs
  });

  it("counts the ReLUs between the convs: a ResNet basic block's sum comes before its last one", () => {
    const [stack] = stacksOf(analysisOf('resnet', { depth: '18' }), 'layer1.0');
    expect(stack.convs.map((c) => c.name)).toEqual(['layer1.0.conv1', 'layer1.0.conv2']);
    expect(stack.relusBetween).toBe(1);
    expect(stacksOf(analysisOf('vgg', { bn: 'on' }), 'block2')[0].relusBetween).toBe(1);
  });

  it('keeps going across BatchNorm and ReLU (bn=on), and VGG-19 stacks four', () => {
    expect(stacksOf(analysisOf('vgg', { bn: 'on' }), 'block4')[0].convs).toHaveLength(3);
    expect(stacksOf(analysisOf('vgg', {}, 'vgg19'), 'block4')[0].receptiveField).toBe(9);
  });

  it("stops at a 1x1 conv (VGG's C) and finds none in a block of one conv (VGG-11's block1)", () => {
    expect(stacksOf(analysisOf('vgg', { config: 'C' }), 'block3')[0].convs).toHaveLength(2);
    expect(stacksOf(analysisOf('vgg', {}, 'vgg11'), 'block1')).toEqual([]);
  });

  it("finds GoogLeNet's factorized 5x5 branch, and none in the paper's", () => {
    const [stack] = stacksOf(analysisOf('googlenet', { branch5x5: '3x3-3x3' }), 'inception_3a/5x5');
    expect(stack.receptiveField).toBe(5);
    expect(stack.singleWeights).toBe(25 * 16 * 32);
    expect(stacksOf(analysisOf('googlenet'), 'inception_3a/5x5')).toEqual([]);
  });

  it('never joins convs of two branches: without reductions, the 3x3 branch and a 3x3 "5x5" branch are side by side', () => {
    expect(stacksOf(analysisOf('googlenet', { inception: 'no-reduce', branch5x5: '3x3' }), 'inception_3a')).toEqual([]);
  });
});
