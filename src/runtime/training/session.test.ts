import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LabeledImages } from '../../data/dataset';
import { configure } from '../../model/networks';
import { Backends } from '../backends';
import type { Response } from '../rpc/protocol';
import { serve, type WorkerScope } from '../rpc/serve';
import type { RunRecord, StartParams, TrainingControl, TrainingProtocol } from './protocol';
import { memoryRunStore } from './run-store';
import { TrainingSession } from './session';
import { memoryWeights } from './weight-store';

/** Grey 32×32 images of 10 classes: each class a brighter square (learnable, tiny). */
function fakeImages(name: string, count: number): LabeledImages {
  const pixels = new Uint8Array(count * 32 * 32);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % 10;
    pixels.fill(25 * labels[i], i * 1024, (i + 1) * 1024);
  }
  return { name, count, height: 32, width: 32, channels: 1, pixels, labels, classNames: '0123456789'.split('') };
}

/** A very small network: the small GoogLeNet at a sixteenth of its width, one inception module. */
const tiny = configure('googlenet', { width: '0.0625', modules: '3a' }, 'small').optionText;

const params = (change: Partial<StartParams> = {}): StartParams => ({
  dataset: 'digits',
  config: { network: 'googlenet', text: tiny },
  variant: { modules: '3a' },
  epochs: 1,
  batchSize: 8,
  learningRate: 0.05,
  augmentation: false,
  seed: 1,
  backend: 'cpu',
  ...change,
});

type Message = Response<TrainingProtocol>;

/** A session served as the worker serves it, on a scope that stands for the worker's. */
function setup(onEvent: (event: Message, control: (type: TrainingControl) => void) => void = () => {}) {
  const events: Message[] = [];
  let finish: (run: RunRecord) => void = () => {};
  const finished = new Promise<RunRecord>((resolve) => (finish = resolve));
  const answers = new Map<number, (value: unknown) => void>();
  // As the page's messages would: each one handled by the worker's onmessage.
  const send = (message: unknown) => scope.onmessage?.({ data: message } as MessageEvent);
  const control = (type: TrainingControl) => send({ type });
  const post = (event: Message) => {
    events.push(event);
    if (event.type === 'finished') finish(event.run);
    if (event.type === 'result' || event.type === 'error') answers.get(event.id)?.(event);
    onEvent(event, control);
  };
  const scope: WorkerScope<TrainingProtocol> = { onmessage: null, postMessage: post };
  const session = new TrainingSession({
    backends: new Backends({ probe: () => null }),
    store: memoryRunStore(),
    weights: memoryWeights(),
    loadSplit: async (_key, split) => fakeImages(split === 'train' ? 'Fake train' : 'Fake test', split === 'train' ? 32 : 10),
    post,
  });
  serve(session.handlers, { policy: 'concurrent', onMessage: ({ type }) => session.control(type) }, scope);
  let id = 0;
  const call = (message: Record<string, unknown>) =>
    new Promise<Message>((resolve) => {
      answers.set(++id, resolve as (value: unknown) => void);
      send({ ...message, id });
    });
  return { events, finished, call };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// Training on tfjs' CPU backend in Node is slow (seconds per step on this machine): generous timeouts.
describe('TrainingSession', { timeout: 60_000 }, () => {
  it('trains a run to the end, keeps its curves, validation and weights, and evaluates them again', async () => {
    const { finished, call, events } = setup();
    await tf.ready();
    const tensors = tf.memory().numTensors;
    const started = await call({ type: 'start', params: params({ epochs: 2 }) });
    expect(started).toMatchObject({ type: 'result', result: { name: 'googlenet small modules=3a · Fake', status: 'training' } });
    const run = await finished;
    expect(run).toMatchObject({ status: 'completed', saved: true, trainImages: 32, validationImages: 10 });
    expect(run.epochs.map((e) => [e.epoch, e.fraction])).toEqual([[0, 1], [1, 1]]);
    expect(run.steps.at(-1)?.x).toBe(2);
    expect(run.predictions).toHaveLength(10);
    expect(events.some((e) => e.type === 'progress' && e.progress.stage === 'training' && e.progress.totalSteps === 8)).toBe(true);
    const evaluation = await call({ type: 'evaluate', params: { runId: run.id, backend: 'cpu' } });
    expect(evaluation).toMatchObject({ type: 'result', result: { accuracy: run.epochs[1].validationAccuracy, images: 10 } });
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it('stops inside an epoch and keeps the run with what it reached', async () => {
    let asked = false;
    const { finished, call } = setup((event, control) => {
      if (event.type === 'progress' && event.progress.stepsDone === 1 && !asked) {
        asked = true;
        control('stop');
      }
    });
    await call({ type: 'start', params: params() });
    const run = await finished;
    expect(run.status).toBe('stopped');
    expect(run.epochs).toHaveLength(1);
    expect(run.epochs[0].fraction).toBe(0.25);
    expect(run.saved).toBe(true);
  });

  it('pauses between steps and goes on where it was after resume', async () => {
    let paused = 0;
    const { finished, call, events } = setup((event, control) => {
      if (event.type !== 'progress') return;
      if (event.progress.stage === 'training' && event.progress.stepsDone === 1 && paused === 0) control('pause');
      // As the page's message would: in a later task, whenever that comes.
      if (event.progress.stage === 'paused' && paused++ === 0) setTimeout(() => control('resume'));
    });
    await call({ type: 'start', params: params() });
    const run = await finished;
    expect(run.status).toBe('completed');
    const stages = events.flatMap((e) => (e.type === 'progress' && e.progress.stepsDone > 0 ? [`${e.progress.stage} ${e.progress.stepsDone}`] : []));
    expect(stages.slice(0, 4)).toEqual(['training 1', 'paused 1', 'training 1', 'training 2']);
  });

  it('refuses a second run while one trains', async () => {
    const { finished, call } = setup();
    await call({ type: 'start', params: params() });
    const second = await call({ type: 'start', params: params() });
    expect(second).toMatchObject({ type: 'error', error: { message: expect.stringMatching(/is training; stop it first/) } });
    await finished;
  });

  it('ends a diverging run as failed, with the advice to lower the learning rate', async () => {
    const { finished, call } = setup();
    await call({ type: 'start', params: params({ learningRate: 1e30 }) });
    const run = await finished;
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/Try a lower learning rate/);
  });

  it('exports a run as model files and imports them back as a new run', async () => {
    const { finished, call } = setup();
    await call({ type: 'start', params: params() });
    const run = await finished;
    const exported = (await call({ type: 'export', params: { runId: run.id } })) as { result: { modelJson: string; weights: ArrayBuffer } };
    expect(JSON.parse(exported.result.modelJson).userDefinedMetadata.inceptionExplorer.name).toBe(run.name);
    const imported = await call({ type: 'import', params: { ...exported.result, dataset: 'digits', backend: 'cpu' } });
    expect(imported).toMatchObject({
      type: 'result',
      result: { name: `${run.name} (uploaded)`, status: 'uploaded', saved: true, confusion: run.confusion, params: run.params },
    });
    const wrong = await call({ type: 'import', params: { modelJson: exported.result.modelJson, weights: new ArrayBuffer(8), dataset: 'digits', backend: 'cpu' } });
    expect(wrong).toMatchObject({ type: 'error', error: { message: expect.stringMatching(/^weights\.bin has 8 bytes/) } });
  });
});
