import { describe, expect, it } from 'vitest';
import { configure } from '../model/networks';
import { analyze } from './counts';
import { inferenceMemory } from './memory';

const memoryOf = (network: string, options: Record<string, string> = {}, preset?: string) => inferenceMemory(analyze(configure(network, options, preset).model));

describe('inferenceMemory', () => {
  it('VGG-16: 138,357,544 float32 weights, and its first convs at 224×224×64 in and out', () => {
    const memory = memoryOf('vgg');
    expect(memory.weightBytes).toBe(4 * 138_357_544);
    // block1_conv2 reads and writes 224×224×64 (its input is the largest there is).
    expect(memory.activationBytes).toBe(4 * 2 * 224 * 224 * 64);
    expect(memory.totalBytes).toBe(memory.weightBytes + memory.activationBytes);
  });

  it('counts BatchNorm moving statistics as weights too: they are stored', () => {
    expect(memoryOf('resnet').weightBytes).toBe(4 * 25_610_152);
  });
});
