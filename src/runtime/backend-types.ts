// The backends' vocabulary, shared by the page and every worker. Types and constants only, no
// tfjs: the page imports this file.

export type BackendName = 'webgl' | 'wasm' | 'cpu';
/** `auto`: WebGL on a hardware renderer, WASM on a software one (SwiftShader, llvmpipe) or without WebGL. */
export type BackendChoice = 'auto' | BackendName;

export const BACKEND_NAMES: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

export interface BackendInfo {
  /** The backend in use. */
  readonly name: BackendName;
  /** What was asked for. */
  readonly choice: BackendChoice;
  /** WebGL's UNMASKED_RENDERER string, or null when WebGL is unavailable. */
  readonly renderer: string | null;
  /** The renderer is a software rasterizer (SwiftShader, llvmpipe…). */
  readonly software: boolean;
  /** Why the backend differs from what was asked for, or what to expect of it. */
  readonly note?: string;
  /** WASM only: SIMD instructions and the number of threads in XNNPACK's pool (1 = no threads). */
  readonly wasm?: { readonly simd: boolean; readonly threads: number };
  /** The worker is cross-origin isolated (SharedArrayBuffer, hence WASM threads, available). */
  readonly isolated: boolean;
}
