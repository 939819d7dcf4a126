// The messages between the page and the classify worker. Types only: the page imports this file
// and must never load tfjs. Every request gets one `result` or `error`.

import type { ConfigText, NetworkName } from '../../model/types';
import type { BackendChoice, BackendInfo } from '../backend-types';

/** Weights the page can classify with: `shipped:<folder>`, `run:<run id>`, or `imagenet`. */
export type WeightsId = string;

export interface WeightsChoice {
  readonly id: WeightsId;
  /** e.g. "GoogLeNet small · CIFAR-10 (shipped, 79.4%)". */
  readonly label: string;
  readonly network: NetworkName;
}

/** The classifier in use: what it takes, what it answers, where Grad-CAM can look. */
export interface ClassifierInfo {
  readonly id: WeightsId;
  readonly label: string;
  readonly network: NetworkName;
  /** Every option as text (as the sidebar and the CLI write them). */
  readonly options: Readonly<Record<string, string>>;
  /** The network sees inputSize × inputSize RGB, prepared as its weights expect. */
  readonly inputSize: number;
  /** That preparation in words: "scaled to [-1, 1]". */
  readonly preparation: string;
  readonly classNames: readonly string[];
  /** Top-level modules with a spatial output, in network order (Grad-CAM targets). */
  readonly camModules: readonly string[];
  /** The last convolutional block: Grad-CAM's default. */
  readonly defaultCamModule: string;
  readonly backend: BackendInfo;
}

export interface Prediction {
  readonly index: number;
  readonly name: string;
  readonly probability: number;
}

export interface PredictResult {
  /** The five most probable classes (fewer when the network has fewer), most probable first. */
  readonly top: readonly Prediction[];
  /** Time of the forward pass, input upload to probabilities read back. */
  readonly milliseconds: number;
  readonly backend: string;
}

export interface CamResult {
  readonly module: string;
  readonly classIndex: number;
  /** height × width values in [0, 1], row-major: ReLU of the gradient-weighted channel sum, over its max. */
  readonly heat: Float32Array;
  readonly width: number;
  readonly height: number;
  readonly milliseconds: number;
}

/** One picked file (model.json or a weight shard). */
export interface PickedFile {
  readonly name: string;
  readonly data: ArrayBuffer;
}

/** The image as the network sees it: inputSize × inputSize RGB bytes, row-major. */
export interface ImageParams {
  readonly rgb: Uint8Array;
  readonly size: number;
}

export interface ClassifyCalls {
  /** The shipped weights, the runs with saved weights in this browser, and ImageNet once loaded. */
  choices: { params: Record<string, never>; result: WeightsChoice[] };
  /** Loads weights (kept until another choice) on a backend; later calls use them. */
  select: { params: { readonly id: WeightsId; readonly backend: BackendChoice }; result: ClassifierInfo };
  predict: { params: ImageParams; result: PredictResult };
  gradCam: { params: ImageParams & { readonly classIndex: number; readonly module: string }; result: CamResult };
  /**
   * Loads a framework's ImageNet weights (a tfjs layers model: model.json and shards) by layer
   * name into this configuration of a network that takes them, and selects it.
   */
  loadImagenet: {
    params: {
      readonly source: { readonly url: string } | { readonly files: readonly PickedFile[] };
      readonly config: ConfigText;
      readonly backend: BackendChoice;
    };
    result: ClassifierInfo;
  };
}

/** The classify worker's vocabulary (rpc/protocol.ts): calls only. */
export interface ClassifyProtocol {
  readonly calls: ClassifyCalls;
  readonly progress: never;
  readonly events: never;
  readonly messages: never;
}
