// The messages between the page and the TensorFlow.js worker. Types only: the page imports this
// file, and must never load tfjs (the worker owns it).

import type { LabInput } from '../../analysis/bottleneck';
import type { NetworkName, Shape } from '../../model/types';

export type BackendName = 'webgl' | 'wasm' | 'cpu';
/** `auto`: WebGL on a hardware renderer, WASM on a software one (SwiftShader, llvmpipe) or without WebGL. */
export type BackendChoice = 'auto' | BackendName;

export const BACKEND_NAMES: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

/** A network and its option values as text, as on the command line (the page's ConfigText). */
export interface NetworkConfig {
  readonly network: NetworkName;
  readonly text: Readonly<Record<string, string>>;
}

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

/** The image a network runs on. Only seeded noise today; `pixels` is the seam for uploaded photos. */
export type InputSpec =
  | { readonly kind: 'random'; readonly seed: number }
  | {
      readonly kind: 'pixels';
      readonly width: number;
      readonly height: number;
      /** RGBA, row-major, as in ImageData; resized to the network's input. */
      readonly data: Uint8ClampedArray;
    };

export interface BuildParams {
  readonly config: NetworkConfig;
  /** Seed of the first kernel (buildLayersModel's); default 1. */
  readonly seed?: number;
}

export interface BuildResult {
  readonly backend: BackendName;
  readonly network: NetworkName;
  readonly input: Shape;
  readonly params: number;
  readonly layers: number;
  readonly seed: number;
  /** Wall time of configure + buildLayersModel (weights drawn and uploaded). */
  readonly ms: number;
}

export interface RunParams {
  readonly input: InputSpec;
  /** Warm runs after the first (their median is reported). */
  readonly runs: number;
  /** Stop early, after at least 3 warm runs, once the warm runs took this long in total. */
  readonly budgetMs?: number;
}

export interface RunResult {
  readonly backend: BackendName;
  /** The first inference after the build (shader compilation, weight upload, allocations). */
  readonly firstMs: number;
  /** This request's warm runs. */
  readonly warmMs: readonly number[];
  readonly medianMs: number;
  /** The highest-scoring outputs of the main head (class index, probability). */
  readonly top: readonly { readonly index: number; readonly probability: number }[];
}

export interface ProfileParams {
  readonly input: InputSpec;
  /** Timed passes after one untimed warm-up pass. */
  readonly runs: number;
}

export interface ModuleTime {
  /** Top-level module path (`inception_3a`). */
  readonly path: string;
  /** Median over the runs. */
  readonly ms: number;
  readonly samples: readonly number[];
}

export interface ProfileResult {
  readonly backend: BackendName;
  readonly runs: number;
  readonly modules: readonly ModuleTime[];
  /** Sum of the module medians. */
  readonly totalMs: number;
}

export interface ActivationsParams {
  readonly input: InputSpec;
  /** A module path (`inception_3a`, `inception_3a/5x5`) or a layer id (`conv1/conv1`). */
  readonly path: string;
  /** At most this many channels per map, the strongest first. */
  readonly maxChannels: number;
}

export interface FeatureMap {
  /** The module, branch or layer whose output this is. */
  readonly path: string;
  readonly height: number;
  readonly width: number;
  /** Channels of the output (more than are shown when limited). */
  readonly channels: number;
  /** Shown channels, strongest mean activation first. */
  readonly shown: readonly { readonly channel: number; readonly mean: number }[];
  /** shown.length images of height × width grey levels, each scaled to its own min..max. */
  readonly pixels: Uint8ClampedArray;
}

export interface ActivationsResult {
  readonly path: string;
  readonly backend: BackendName;
  /** The output of `path`, then (for a module with branches) each branch's. */
  readonly maps: readonly FeatureMap[];
  /** Outputs that are not feature maps (vectors) are listed here with their shape. */
  readonly skipped: readonly { readonly path: string; readonly shape: Shape }[];
}

/** The bottleneck lab's three designs (see analysis/bottleneck.ts), timed over `runs`. */
export interface BenchConvsParams extends LabInput {
  readonly runs?: number;
}

export interface BenchConvsResult {
  readonly backend: BackendName;
  /** Median ms of each design on the active backend. */
  readonly direct: number;
  readonly bottleneck: number;
  readonly separable: number;
}

export interface MemoryResult {
  readonly backend: BackendName;
  readonly numTensors: number;
  readonly numBytes: number;
}

/** Every request the worker answers: its parameters and its result. */
export interface Calls {
  backend: { params: { readonly choice: BackendChoice }; result: BackendInfo };
  build: { params: BuildParams; result: BuildResult };
  run: { params: RunParams; result: RunResult };
  profile: { params: ProfileParams; result: ProfileResult };
  activations: { params: ActivationsParams; result: ActivationsResult };
  benchConvs: { params: BenchConvsParams; result: BenchConvsResult };
  /** Disposes the model (a later run needs a new build). */
  dispose: { params: Record<string, never>; result: MemoryResult };
  memory: { params: Record<string, never>; result: MemoryResult };
  /** Loses the WebGL context on purpose (WEBGL_lose_context), to test recovery. */
  loseContext: { params: Record<string, never>; result: { readonly lost: boolean } };
}

export type CallType = keyof Calls;
export type Params<K extends CallType> = Calls[K]['params'];
export type Result<K extends CallType> = Calls[K]['result'];

export type CallMessage = { [K in CallType]: { readonly type: K; readonly id: number; readonly params: Params<K> } }[CallType];

/** Page → worker. `cancel` stops a queued or running request (it then fails with CancelledError). */
export type Request = CallMessage | { readonly type: 'cancel'; readonly id: number; readonly reason?: string };

/** Error names that travel: the page can tell a cancelled or invalid request from a bug. */
export type ErrorName = 'CancelledError' | 'TimeoutError' | 'OptionError' | 'ShapeError' | 'WorkerError' | 'Error';

export interface WireError {
  readonly name: ErrorName;
  readonly message: string;
}

export interface Progress {
  /** What is happening, in words (`drawing weights`). */
  readonly stage: string;
  readonly done: number;
  readonly total: number;
}

/** Something the worker did on its own: recovering from a lost WebGL context, or failing to. */
export type Notice =
  | {
      readonly kind: 'recovered';
      readonly message: string;
      readonly backend: BackendInfo;
      /** The model rebuilt after recovery, if one was built before. */
      readonly build?: BuildResult;
    }
  | { readonly kind: 'failed'; readonly message: string };

/** Worker → page. */
export type Response =
  | { readonly type: 'result'; readonly id: number; readonly result: unknown }
  | { readonly type: 'error'; readonly id: number; readonly error: WireError }
  | { readonly type: 'progress'; readonly id: number; readonly progress: Progress }
  | { readonly type: 'notice'; readonly notice: Notice };
