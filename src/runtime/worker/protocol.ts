// The messages between the page and the TensorFlow.js worker. Types only: the page imports this
// file, and must never load tfjs (the worker owns it).

import type { LabInput } from '../../analysis/bottleneck';
import type { ConfigText, NetworkName, Shape } from '../../model/types';
import type { BackendChoice, BackendInfo, BackendName } from '../backend-types';
import type { Request as RpcRequest, Response as RpcResponse } from '../rpc/protocol';

// The page's components import the backends' vocabulary from here, with the rest of the protocol.
export { BACKEND_NAMES, type BackendChoice, type BackendInfo, type BackendName } from '../backend-types';

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
  readonly config: ConfigText;
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

/** The live worker's vocabulary (rpc/protocol.ts): `cancel` stops a queued or running call. */
export interface LiveProtocol {
  readonly calls: Calls;
  readonly progress: Progress;
  readonly events: { readonly type: 'notice'; readonly notice: Notice };
  readonly messages: never;
}

/** Page → worker. */
export type Request = RpcRequest<LiveProtocol>;
/** Worker → page. */
export type Response = RpcResponse<LiveProtocol>;
