// One run of the training panel on top of the shared trainer: pause, resume and stop between
// steps, curve points, progress for the page, and the weights saved after every epoch and at the
// end, so a stopped or failed run keeps what it reached.

import type * as tf from '@tensorflow/tfjs';
import type { LabeledImages } from '../../data/dataset';
import { trainedInput } from '../../model/networks';
import { StepAverager, windowFor } from './curve-points';
import type { Progress, RunRecord, StartParams } from './protocol';
import { DivergenceError, train, type EpochResult } from './trainer';

/** The page's wishes for the active run, changed by its messages. */
export interface RunControl {
  paused: boolean;
  stopping: boolean;
  /** Set while paused: resolves the pause. */
  resume?: () => void;
}

export interface RunSink {
  /** The run changed (a curve point, an epoch, its end). */
  readonly update: (change: Partial<RunRecord>) => void;
  readonly report: (progress: Omit<Progress, 'runId'>) => void;
  /** Saves the weights (and the record). */
  readonly save: () => Promise<void>;
}

/** A macrotask: on WASM a step's promises resolve as microtasks, which would starve the messages. */
const yieldToMessages = () => new Promise((resolve) => setTimeout(resolve, 0));

const epochSummary = (result: EpochResult) => ({
  epoch: result.epoch,
  fraction: result.fraction,
  seconds: result.seconds,
  trainLoss: result.trainLoss,
  trainAccuracy: result.trainAccuracy,
  validationLoss: result.validation?.loss,
  validationAccuracy: result.validation?.accuracy,
});

/** Trains `model` as `params` says; ends with the run's status (and error) set through `sink`. */
export async function trainRun(
  model: tf.LayersModel,
  data: LabeledImages,
  validation: LabeledImages,
  params: StartParams,
  control: RunControl,
  sink: RunSink,
  current: () => RunRecord,
): Promise<void> {
  const stepsPerEpoch = Math.ceil(data.count / params.batchSize);
  const averager = new StepAverager(windowFor(stepsPerEpoch));
  let last: Omit<Progress, 'runId' | 'stage'> = { stepsDone: 0, totalSteps: stepsPerEpoch * params.epochs, imagesPerSecond: 0, etaSeconds: 0 };
  let savedAt = -1;
  try {
    const outcome = await train(
      model,
      data,
      validation,
      {
        epochs: params.epochs,
        batchSize: params.batchSize,
        learningRate: params.learningRate,
        seed: params.seed,
        input: trainedInput(params.config.network),
        augmentation: params.augmentation ? { crop: 4, flip: true } : { crop: 0, flip: false },
      },
      {
        shouldStop: async () => {
          await yieldToMessages();
          if (control.paused && !control.stopping) {
            sink.report({ stage: 'paused', ...last });
            await new Promise<void>((resolve) => (control.resume = resolve));
            control.resume = undefined;
            // Said at once, not after the next step: the page shows "paused" until it hears otherwise.
            if (!control.stopping) sink.report({ stage: 'training', ...last });
          }
          if (control.stopping) sink.report({ stage: 'validating', ...last });
          return control.stopping;
        },
        onStep: (p) => {
          last = { stepsDone: p.stepsDone, totalSteps: p.totalSteps, imagesPerSecond: p.imagesPerSecond, etaSeconds: p.etaSeconds, loss: p.loss };
          const endOfEpoch = p.step === p.stepsPerEpoch;
          sink.report({ stage: endOfEpoch ? 'validating' : 'training', ...last });
          const point = averager.add(p.epoch + p.step / p.stepsPerEpoch, p.loss, p.accuracy, endOfEpoch);
          if (point) sink.update({ steps: [...current().steps, point] });
        },
        onEpoch: async (result) => {
          const v = result.validation;
          sink.update({
            epochs: [...current().epochs, epochSummary(result)],
            ...(v ? { confusion: v.confusion, predictions: v.predictions } : {}),
          });
          sink.report({ stage: 'saving', ...last });
          await sink.save();
          savedAt = last.stepsDone;
        },
      },
    );
    if (savedAt !== last.stepsDone) await sink.save();
    sink.update({ status: outcome });
  } catch (error) {
    const message = error instanceof DivergenceError ? error.message : `Training failed: ${error instanceof Error ? error.message : String(error)}`;
    sink.update({ status: 'failed', error: message });
  }
}
