// The messages between the page and the training worker. Types only: the page imports this file
// and must never load tfjs. Calls get one `result` or `error`; a run's progress, epochs and end
// arrive as events; pause, resume and stop are messages without an answer.

import type { ConfigText } from '../../model/types';
import type { BackendChoice } from '../backend-types';

/** The datasets the panel offers: the built-in digits, and CIFAR-10 once `npm run data` ran. */
export type DatasetKey = 'digits' | 'cifar10';

export interface StartParams {
  readonly dataset: DatasetKey;
  /** Every option of the network as text (the `small` preset with the variant switches applied). */
  readonly config: ConfigText;
  /** The variant switches that differ from the `small` preset, for the run's name. */
  readonly variant: Readonly<Record<string, string>>;
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  /** Random crop (pad 4) and horizontal flip. */
  readonly augmentation: boolean;
  readonly seed: number;
  readonly backend: BackendChoice;
  /** Train on the first this many training images only (undefined: all). */
  readonly trainLimit?: number;
  /** Validate on the first this many test images only (undefined: all). */
  readonly validationLimit?: number;
}

/** One point of a curve: x in epochs (fractional inside an epoch). */
export interface CurvePoint {
  readonly x: number;
  readonly loss: number;
  readonly accuracy: number;
}

export interface EpochSummary {
  readonly epoch: number;
  /** Less than 1 when the run stopped inside this epoch. */
  readonly fraction: number;
  readonly seconds: number;
  readonly trainLoss: number;
  readonly trainAccuracy: number;
  readonly validationLoss?: number;
  readonly validationAccuracy?: number;
}

export type RunStatus = 'training' | 'completed' | 'stopped' | 'failed' | 'uploaded';

/** A run as stored (IndexedDB) and listed: settings, history and the last validation. */
export interface RunRecord {
  readonly id: string;
  readonly name: string;
  readonly network: string;
  readonly variant: Readonly<Record<string, string>>;
  readonly options: Readonly<Record<string, string>>;
  readonly dataset: DatasetKey;
  readonly datasetName: string;
  readonly classNames: readonly string[];
  readonly trainImages: number;
  readonly validationImages: number;
  readonly settings: Omit<StartParams, 'config' | 'variant' | 'dataset'> | undefined;
  readonly backend?: string;
  readonly params: number;
  readonly macs?: number;
  readonly created: number;
  readonly status: RunStatus;
  readonly error?: string;
  /** Training loss and accuracy, averaged over a few steps at a time. */
  readonly steps: readonly CurvePoint[];
  readonly epochs: readonly EpochSummary[];
  /** confusion[true][predicted] of the last validation. */
  readonly confusion?: readonly (readonly number[])[];
  /** The predicted class of every validation image at the last validation. */
  readonly predictions?: Uint8Array;
  /** Weights are stored (indexeddb://) and can be evaluated, downloaded, reloaded. */
  readonly saved: boolean;
}

export interface Progress {
  readonly runId: string;
  readonly stage: 'loading data' | 'building' | 'training' | 'paused' | 'validating' | 'saving';
  readonly stepsDone: number;
  readonly totalSteps: number;
  readonly imagesPerSecond: number;
  readonly etaSeconds: number;
  readonly loss?: number;
}

/** A tfjs layers model as files: model.json's text and weights.bin's bytes. */
export interface ModelFiles {
  readonly modelJson: string;
  readonly weights: ArrayBuffer;
}

export interface EvaluationResult {
  readonly runId: string;
  readonly accuracy: number;
  readonly loss: number;
  readonly images: number;
  readonly backend: string;
}

/** Every request the worker answers, with its parameters and its result. */
export interface TrainingCalls {
  /** Starts a run; answers at once with the new run (then events follow). */
  start: { params: StartParams; result: RunRecord };
  list: { params: Record<string, never>; result: RunRecord[] };
  delete: { params: { readonly runId: string }; result: { readonly deleted: boolean } };
  /** The run's weights as tfjs model files (model.json names its run in userDefinedMetadata). */
  export: { params: { readonly runId: string }; result: ModelFiles };
  /** Adds a run from model files; `dataset` is used when model.json does not name one. */
  import: { params: ModelFiles & { readonly dataset: DatasetKey; readonly backend: BackendChoice }; result: RunRecord };
  /** Loads a stored run's weights and evaluates them on its validation images. */
  evaluate: { params: { readonly runId: string; readonly backend: BackendChoice }; result: EvaluationResult };
}

/** Worker → page, of the worker's own. */
export type TrainingEvent =
  | { readonly type: 'progress'; readonly progress: Progress }
  /** The active run after a new epoch or curve points: the whole record (small). */
  | { readonly type: 'update'; readonly run: RunRecord }
  /** The run ended: completed, stopped (kept with what it reached) or failed (`run.error`). */
  | { readonly type: 'finished'; readonly run: RunRecord };

/** Control of the active run (a stop or resume without one is ignored). */
export type TrainingControl = 'pause' | 'resume' | 'stop';

/** The training worker's vocabulary (rpc/protocol.ts). */
export interface TrainingProtocol {
  readonly calls: TrainingCalls;
  readonly progress: never;
  readonly events: TrainingEvent;
  readonly messages: { readonly type: TrainingControl };
}
