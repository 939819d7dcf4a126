import { describe, expect, it } from 'vitest';
import { expectedWeightBytes, modelJsonText, parseModelFiles } from './model-files';

const specs = [
  { name: 'conv/kernel', shape: [3, 3, 3, 8], dtype: 'float32' },
  { name: 'conv/bias', shape: [8], dtype: 'float32' },
];
const json = modelJsonText({ class_name: 'Functional' }, specs, { name: 'googlenet small · Digits', dataset: 'digits' });

describe('parseModelFiles', () => {
  it('reads back what modelJsonText wrote, with our metadata', () => {
    const parsed = parseModelFiles(json, new ArrayBuffer(4 * (216 + 8)));
    expect(parsed.weightSpecs).toEqual(specs);
    expect(parsed.metadata).toEqual({ name: 'googlenet small · Digits', dataset: 'digits' });
  });

  it.each([
    ['not JSON', 'weights', /^model\.json is not JSON/],
    ['a graph model', JSON.stringify({ format: 'graph-model', modelTopology: {} }), /graph model; only layers models/],
    ['no topology', JSON.stringify({ weightsManifest: [] }), /has no "modelTopology"/],
    ['no manifest', JSON.stringify({ modelTopology: {} }), /has no "weightsManifest"/],
  ])('names the problem of a model.json with %s', (_, text, message) => {
    expect(() => parseModelFiles(text, new ArrayBuffer(0))).toThrow(message);
  });

  it('says when weights.bin belongs to another model', () => {
    expect(() => parseModelFiles(json, new ArrayBuffer(100))).toThrow(
      'weights.bin has 100 bytes, but model.json describes 896: the two files belong to different models.',
    );
  });
});

describe('expectedWeightBytes', () => {
  it('counts quantized weights at their stored size', () => {
    expect(expectedWeightBytes([{ name: 'w', shape: [10, 10], dtype: 'float32', quantization: { dtype: 'uint8' } }])).toBe(100);
  });
});
