// TensorFlow.js backends for the worker: which renderer WebGL would run on, which backend to use
// (WebGL on a GPU, WASM on a software rasterizer), WASM binaries served by the app, and recovery
// from a lost WebGL context. Runs where tfjs runs (the worker, or Node for tests), never on the page.

import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import type { BackendChoice, BackendInfo, BackendName } from './backend-types';

/** URLs of tfjs-backend-wasm's three binaries (plain, SIMD, threads + SIMD), served by the app. */
export type WasmPaths = Readonly<
  Record<'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm', string>
>;

/** Renderers that rasterize on the CPU: WebGL works there but is slower than WASM. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|lavapipe|softpipe|software|basic render driver|mesa offscreen/i;

export const isSoftwareRenderer = (renderer: string): boolean => SOFTWARE_RENDERER.test(renderer);

/** `ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device…))` → `SwiftShader`, for short notes. */
export function rendererShortName(renderer: string): string {
  return renderer.match(SOFTWARE_RENDERER)?.[0] ?? renderer;
}

/**
 * The UNMASKED_RENDERER_WEBGL string of a throwaway WebGL context (OffscreenCanvas, so it works in
 * a worker), or null without WebGL. The context is released at once.
 */
export function probeRenderer(): string | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return renderer;
  } catch {
    return null;
  }
}

/** The backend a choice resolves to on a renderer, and what to tell the user about it. */
export function resolveChoice(choice: BackendChoice, renderer: string | null): { name: BackendName; note?: string } {
  const software = renderer !== null && isSoftwareRenderer(renderer);
  if (choice === 'auto') {
    if (renderer === null) return { name: 'wasm', note: 'WebGL is not available here, so WASM was chosen.' };
    if (software) {
      return {
        name: 'wasm',
        note: `WebGL here runs on ${rendererShortName(renderer)}, a software rasterizer (no GPU), which is slower than WASM, so WASM was chosen. Choose WebGL to compare.`,
      };
    }
    return { name: 'webgl' };
  }
  if (choice === 'webgl' && software) {
    return {
      name: 'webgl',
      note: `WebGL here runs on ${rendererShortName(renderer)}, a software rasterizer: expect it to be several times slower than WASM.`,
    };
  }
  return { name: choice };
}

/** The order to try when a backend cannot start. */
const FALLBACK: Readonly<Record<BackendName, BackendName | undefined>> = { webgl: 'wasm', wasm: 'cpu', cpu: undefined };

export interface BackendSetup {
  /** Where the WASM binaries are; without it (Node) tfjs finds them itself. */
  readonly wasmPaths?: WasmPaths;
  /** Probes the WebGL renderer; default: probeRenderer. Tests pass a fixed answer. */
  readonly probe?: () => string | null;
}

/** The active tfjs backend: chosen, started (with fallbacks), described, and recovered after context loss. */
export class Backends {
  private renderer: string | null | undefined;
  private readonly probe: () => string | null;

  constructor(setup: BackendSetup = {}) {
    this.probe = setup.probe ?? probeRenderer;
    if (setup.wasmPaths) setWasmPaths(setup.wasmPaths);
    // tfjs asks for failIfMajorPerformanceCaveat unless this is set, so WebGL on SwiftShader would
    // not start at all; the choice between WebGL and WASM is made here instead.
    tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  }

  /** The backend in use (tfjs' name). */
  get current(): BackendName {
    return tf.getBackend() as BackendName;
  }

  /** Starts the backend a choice resolves to, falling back (WebGL → WASM → CPU) when one cannot start. */
  async activate(choice: BackendChoice): Promise<BackendInfo> {
    this.renderer ??= this.probe();
    const resolved = resolveChoice(choice, this.renderer);
    let name: BackendName | undefined = resolved.name;
    const failures: string[] = [];
    while (name !== undefined) {
      const failure = await this.start(name);
      if (failure === undefined) break;
      failures.push(`${name} could not start (${failure})`);
      name = FALLBACK[name];
    }
    if (name === undefined) throw new Error(`no TensorFlow.js backend could start: ${failures.join('; ')}`);
    const note = failures.length > 0 ? `${failures.join('; ')}, so ${name} is used.` : resolved.note;
    return this.describe(choice, note);
  }

  /** What the active backend is, for the page. */
  async describe(choice: BackendChoice, note?: string): Promise<BackendInfo> {
    const name = this.current;
    const renderer = this.renderer ?? null;
    const wasm =
      name === 'wasm'
        ? { simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT') as boolean, threads: getThreadsCount() }
        : undefined;
    return {
      name,
      choice,
      renderer,
      software: renderer !== null && isSoftwareRenderer(renderer),
      isolated: typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated,
      ...(note === undefined ? {} : { note }),
      ...(wasm ? { wasm } : {}),
    };
  }

  /** Starts a backend; returns why it failed, or undefined. */
  private async start(name: BackendName): Promise<string | undefined> {
    try {
      if (name === 'webgl' && this.renderer === null) return 'no WebGL';
      return (await tf.setBackend(name)) ? undefined : 'initialisation failed';
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  /** The WebGL context of the active WebGL backend, if that is the active one. */
  private gl(): WebGLRenderingContext | undefined {
    if (this.current !== 'webgl') return undefined;
    return (tf.backend() as MathBackendWebGL).gpgpu.gl;
  }

  /** Calls `onLost` when the active WebGL backend's context is lost; returns the unsubscribe. */
  watchContextLoss(onLost: () => void): () => void {
    const canvas = this.gl()?.canvas;
    if (!canvas) return () => {};
    canvas.addEventListener('webglcontextlost', onLost);
    return () => canvas.removeEventListener('webglcontextlost', onLost);
  }

  /** Loses the WebGL context on purpose (WEBGL_lose_context); false when not on WebGL. */
  loseContext(): boolean {
    const ext = this.gl()?.getExtension('WEBGL_lose_context');
    if (!ext) return false;
    ext.loseContext();
    return true;
  }

  /**
   * Replaces the WebGL backend after its context was lost: tfjs keeps one backend instance per
   * name, so the dead one is removed and a fresh one (with a new context) registered.
   */
  resetWebGL(): void {
    if (tf.findBackend('webgl') !== null) {
      try {
        tf.removeBackend('webgl');
      } catch {
        // Disposing a backend whose context is gone can throw; the instance is dropped anyway.
      }
    }
    tf.registerBackend('webgl', () => new MathBackendWebGL(), 2);
  }
}
