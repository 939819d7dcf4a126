import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer, rendererShortName, resolveChoice } from './backends';

const swiftShader = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const llvmpipe = 'llvmpipe (LLVM 15.0.6, 256 bits)';
const gpu = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)';

describe('isSoftwareRenderer', () => {
  it.each([
    [swiftShader, true],
    [llvmpipe, true],
    ['Google SwiftShader', true],
    [gpu, false],
    ['Apple M2', false],
  ])('%s → %s', (renderer, software) => {
    expect(isSoftwareRenderer(renderer)).toBe(software);
  });
});

describe('resolveChoice', () => {
  it('auto: WebGL on a GPU, WASM on a software renderer or without WebGL, saying why', () => {
    expect(resolveChoice('auto', gpu)).toEqual({ name: 'webgl' });
    expect(resolveChoice('auto', swiftShader)).toEqual({
      name: 'wasm',
      note: expect.stringContaining('SwiftShader, a software rasterizer'),
    });
    expect(resolveChoice('auto', null)).toEqual({ name: 'wasm', note: 'WebGL is not available here, so WASM was chosen.' });
  });

  it('a manual choice is kept, with a warning for WebGL on a software renderer', () => {
    expect(resolveChoice('cpu', gpu)).toEqual({ name: 'cpu' });
    expect(resolveChoice('wasm', swiftShader)).toEqual({ name: 'wasm' });
    expect(resolveChoice('webgl', llvmpipe)).toEqual({ name: 'webgl', note: expect.stringContaining('llvmpipe') });
  });
});

describe('rendererShortName', () => {
  it('names the software rasterizer', () => {
    expect(rendererShortName(swiftShader)).toBe('SwiftShader');
    expect(rendererShortName(gpu)).toBe(gpu);
  });
});
