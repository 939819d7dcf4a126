// Whether a configuration can run live here: its memory (analysis/memory.ts) against what the
// backend and the device can hold. Pure; the panel passes navigator.deviceMemory in.

import type { InferenceMemory } from '../../analysis/memory';

/** tfjs-backend-wasm's heap can grow to 4 GiB less one 64 KiB page (emscripten's getHeapMax). */
export const WASM_HEAP_BYTES = 4_294_901_760;

const GB = 1e9;
const MB = 1e6;

/** `553 MB`, `1.2 GB`: decimal units, as browsers and operating systems show sizes. */
export function formatBytes(bytes: number): string {
  if (bytes >= GB) return `${(bytes / GB).toFixed(1)} GB`;
  if (bytes >= MB) return `${Math.round(bytes / MB)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

export interface MemoryVerdict {
  readonly fits: boolean;
  /** What the build needs, in words; when it does not fit, also why and what to do. */
  readonly message: string;
}

/**
 * Every backend is held to the WASM heap's limit: WASM cannot go past it, and WebGL textures on
 * most GPUs hold less. `deviceMemoryGb` is navigator.deviceMemory (Chromium: the device's RAM in
 * GB, rounded down to a power of two, at most 8; undefined elsewhere): a tab cannot count on more
 * than half of it.
 */
export function memoryVerdict(memory: InferenceMemory, deviceMemoryGb: number | undefined): MemoryVerdict {
  const needs = `about ${formatBytes(memory.totalBytes)} (${formatBytes(memory.weightBytes)} of float32 weights, ${formatBytes(memory.activationBytes)} of activations at once)`;
  const limits = [{ bytes: WASM_HEAP_BYTES, what: "the 4.3 GB that TensorFlow.js's WASM memory can hold" }];
  if (deviceMemoryGb !== undefined && deviceMemoryGb > 0) {
    limits.push({ bytes: (deviceMemoryGb * 2 ** 30) / 2, what: `half of this device's ${deviceMemoryGb} GB of memory` });
  }
  const over = limits.filter((limit) => memory.totalBytes > limit.bytes).sort((a, b) => a.bytes - b.bytes)[0];
  if (!over) return { fits: true, message: `Needs ${needs}.` };
  return {
    fits: false,
    message: `Not built: it needs ${needs}, more than ${over.what}. A lower width, fewer classes or a smaller input makes it fit; its counts stay exact either way.`,
  };
}
