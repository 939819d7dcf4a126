// Numbers of the live panel, in words and units (pure).

import type { BackendInfo, BackendName } from '../../runtime/worker/protocol';

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 3.214 → "3.21 ms", 45.33 → "45.3 ms", 1234.5 → "1,235 ms". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${count.format(ms)} ms`;
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
