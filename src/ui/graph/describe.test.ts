import { describe, expect, it } from 'vitest';
import { analyze } from '../../analysis/counts';
import { configure } from '../../model';
import { layerSublabel, moduleSublabel } from './describe';

const sublabels = (network: string, options: Record<string, string> = {}) => {
  const analysis = analyze(configure(network, options).model);
  return {
    layer: (name: string) => layerSublabel(analysis.layers.find((l) => l.name === name)!),
    module: (path: string) => moduleSublabel(analysis.modules.find((m) => m.path === path)!),
  };
};

describe('layerSublabel', () => {
  const googlenet = sublabels('googlenet');

  it('conv 7×7/2, 64 with its fused ReLU (from the description)', () => {
    expect(googlenet.layer('conv1')).toBe('conv 7×7/2, 64 + ReLU');
    expect(googlenet.layer('inception_3a_3x3')).toBe('conv 3×3, 128 + ReLU');
    expect(googlenet.layer('inception_3a_5x5_reduce')).toBe('conv 1×1, 16 + ReLU');
  });

  it('conv without bias (BatchNorm after it)', () => {
    expect(sublabels('googlenet', { bn: 'on' }).layer('inception_3a_3x3')).toBe('conv 3×3, 128');
  });

  it('separable 7×7/2 stem with depth multiplier 8', () => {
    expect(sublabels('googlenet', { stem: 'separable' }).layer('conv1')).toBe('sep conv 7×7/2 ×8, 64 + ReLU');
  });

  it('pools give their window and stride; dense and the rest say what they are', () => {
    expect(googlenet.layer('pool1')).toBe('max pool 3×3/2');
    expect(googlenet.layer('inception_3a_pool')).toBe('max pool 3×3');
    expect(googlenet.layer('pool5')).toBe('global avg pool');
    expect(googlenet.layer('fc')).toBe('dense, 1000 + softmax');
    expect(googlenet.layer('norm1')).toBe('local response norm');
  });

  it('Xception: sep conv 3×3, the strided 1×1 projection, BatchNorm, ReLU', () => {
    const xception = sublabels('xception');
    expect(xception.layer('block1_conv1')).toBe('conv 3×3/2, 32');
    expect(xception.layer('block2_sepconv1')).toBe('sep conv 3×3, 128');
    expect(xception.layer('conv2d')).toBe('conv 1×1/2, 128');
    expect(xception.layer('block2_sepconv1_bn')).toBe('batch norm');
    expect(xception.layer('block2_sepconv2_act')).toBe('ReLU');
  });

  it('Xception pointwise-first: the 1×1 conv, then a depthwise 3×3', () => {
    const xception = sublabels('xception', { order: 'pointwise-first' });
    expect(xception.layer('block5_sepconv1_pointwise')).toBe('conv 1×1, 728');
    expect(xception.layer('block5_sepconv1_depthwise')).toBe('depthwise 3×3');
  });
});

describe('moduleSublabel', () => {
  it('says how a module joins its branches, or how many layers it has', () => {
    const googlenet = sublabels('googlenet', { aux: 'on' });
    expect(googlenet.module('inception_3a')).toBe('concat of 4 branches');
    expect(googlenet.module('conv2')).toBe('3 layers');
    expect(googlenet.module('pool2')).toBe('max pool 3×3/2');
    expect(googlenet.module('aux1')).toBe('side output, 6 layers');
    const xception = sublabels('xception');
    expect(xception.module('block2')).toBe('add of 2 branches');
    expect(xception.module('block5')).toBe('add, identity shortcut');
    // A ResNet block is the sum and its ReLU: every layer inside is counted, not the two items.
    const resnet = sublabels('resnet', { depth: '18' });
    expect(resnet.module('layer1.0')).toBe('residual block, 6 layers');
    expect(resnet.module('layer2.0')).toBe('residual block, 8 layers');
    expect(resnet.module('layer1.0/residual')).toBe('add, identity shortcut');
    expect(sublabels('resnet', { depth: '18', residual: 'off' }).module('layer1.0')).toBe('6 layers');
  });
});
