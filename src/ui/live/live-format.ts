// Numbers of the live panel, in words and units (pure).

import type { BackendInfo, BackendName } from '../../runtime/worker/protocol';

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * Every text formatMs can produce: digits (with thousands commas), an optional fraction, a unit.
 * The browser tests read timings with it, so they accept any value, fast machine or slow.
 */
export const DURATION_PATTERN = String.raw`\d{1,3}(?:,\d{3})*(?:\.\d+)? (?:ms|s)`;

/** 3.214 → "3.21 ms", 45.33 → "45.3 ms", 1234.5 → "1,235 ms", 12345 → "12.3 s", 123456 → "123 s". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  // Digits are chosen by the rounded value, so 99.97 reads "100 ms", not "100.0 ms".
  if (Number(ms.toFixed(2)) < 10) return `${ms.toFixed(2)} ms`;
  if (Number(ms.toFixed(1)) < 100) return `${ms.toFixed(1)} ms`;
  if (Math.round(ms) < 10_000) return `${count.format(ms)} ms`;
  const seconds = ms / 1000;
  return Number(seconds.toFixed(1)) < 100 ? `${seconds.toFixed(1)} s` : `${count.format(seconds)} s`;
}

/** How many times faster `b` is than `a` ("3.2× faster than direct"), or slower: never "0.8× faster". */
export function speedup(aMs: number, bMs: number, what: string): string {
  if (!(aMs > 0 && bMs > 0)) return '';
  return bMs <= aMs ? `${(aMs / bMs).toFixed(1)}× faster than ${what}` : `${(bMs / aMs).toFixed(1)}× slower than ${what}`;
}

export const BACKEND_LABELS: Readonly<Record<BackendName, string>> = { webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };

/** How the backend runs: `SIMD, 2 threads`, `software renderer`, `plain JavaScript`. */
export function backendDetails(info: BackendInfo): string {
  switch (info.name) {
    case 'wasm': {
      const { simd = false, threads = 1 } = info.wasm ?? {};
      const pool =
        threads > 1 ? `${threads} threads` : info.isolated ? '1 thread (tfjs sizes its pool to half the cores)' : '1 thread';
      return `${simd ? 'SIMD' : 'no SIMD'}, ${pool}`;
    }
    case 'webgl':
      return info.software ? 'software renderer, no GPU' : 'GPU';
    case 'cpu':
      return 'plain JavaScript';
  }
}
