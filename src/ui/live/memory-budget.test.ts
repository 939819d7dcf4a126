import { describe, expect, it } from 'vitest';
import { formatBytes, memoryVerdict, WASM_HEAP_BYTES } from './memory-budget';

const vgg16 = { weightBytes: 553_430_176, activationBytes: 25_690_112, totalBytes: 579_120_288 };
const huge = { weightBytes: 5e9, activationBytes: 1e8, totalBytes: 5.1e9 };

describe('memoryVerdict', () => {
  it('says what a build needs when it fits', () => {
    expect(memoryVerdict(vgg16, 8)).toEqual({ fits: true, message: 'Needs about 579 MB (553 MB of float32 weights, 26 MB of activations at once).' });
    expect(memoryVerdict(vgg16, undefined).fits).toBe(true);
  });

  it('refuses more than half of the device memory, saying so and what to change', () => {
    const verdict = memoryVerdict(vgg16, 1);
    expect(verdict.fits).toBe(false);
    expect(verdict.message).toContain("more than half of this device's 1 GB of memory");
    expect(verdict.message).toContain('A lower width');
  });

  it('refuses more than the WASM heap on any backend, and names the tighter limit', () => {
    expect(memoryVerdict(huge, undefined).message).toContain("the 4.3 GB that TensorFlow.js's WASM memory can hold");
    expect(memoryVerdict(huge, 4).message).toContain("half of this device's 4 GB");
    // Half of 8 GiB is 64 KiB more than the WASM heap: the heap is the tighter limit.
    expect(memoryVerdict(huge, 8).message).toContain('WASM memory');
    expect(WASM_HEAP_BYTES).toBe(2 ** 32 - 2 ** 16);
  });
});

describe('formatBytes', () => {
  it('uses decimal units', () => {
    expect([formatBytes(999), formatBytes(553_430_176), formatBytes(1.25e9)]).toEqual(['1 kB', '553 MB', '1.3 GB']);
  });
});
