import { describe, expect, it } from 'vitest';
import type { Backend } from './wasm-kernel-calls';
import { simdKernels } from './wasm-simd';

/** The parts of a WASM backend simdKernels reads, on a memory of this test's own. */
const backendOn = (memory: WebAssembly.Memory) => ({ wasm: { wasmMemory: memory }, dataIdMap: new Map() }) as unknown as Backend;

describe('the WASM SIMD kernels module', () => {
  // Plain: tfjs' single-threaded build. Shared: the threaded build on a cross-origin isolated page.
  it.each([
    ['plain', new WebAssembly.Memory({ initial: 1 })],
    ['shared', new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true })],
  ])('runs on a %s memory, reading and writing it in place', (_, memory) => {
    const kernels = simdKernels(backendOn(memory));
    expect(kernels).not.toBeNull();
    // x: 3 rows of 5 channels (one 4-lane step and the scalar tail) at byte 1024.
    const [m, c] = [3, 5];
    const x = [1, 2, 3, 4, 5, 2, 4, 6, 8, 10, -3, 0, 3, 6, 9];
    const floats = new Float32Array(memory.buffer);
    floats.set(x, 1024 / 4);
    kernels!.batchNormStatistics(1024, m, c, 2048, 2112, 2176);
    const mean = Array.from(floats.subarray(2048 / 4, 2048 / 4 + c));
    const variance = Array.from(floats.subarray(2112 / 4, 2112 / 4 + c));
    const column = (ch: number) => [0, 1, 2].map((r) => x[r * c + ch]);
    for (let ch = 0; ch < c; ch++) {
      const mu = column(ch).reduce((a, b) => a + b) / m;
      expect(mean[ch]).toBeCloseTo(mu, 5);
      expect(variance[ch]).toBeCloseTo(column(ch).reduce((a, v) => a + (v - mu) ** 2, 0) / m, 5);
    }
    expect(Array.from(floats.subarray(1024 / 4, 1024 / 4 + m * c)), 'x untouched').toEqual(x);
  });
});
