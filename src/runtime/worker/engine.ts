// The worker's logic as a plain class: no DOM and no worker globals, so Vitest runs it in Node on
// the CPU backend. It owns the built model and the cached input; every other tensor is disposed
// before a request returns, also when it fails or is cancelled.

import * as tf from '@tensorflow/tfjs';
import { configure, getNetwork } from '../../model/networks';
import type { ConfigText, Model } from '../../model/types';
import type { BackendChoice, BackendInfo } from '../backend-types';
import type { Backends } from '../backends';
import { buildLayersModel } from '../build-layers-model';
import { CancelToken } from '../rpc/errors';
import type { CallContext } from '../rpc/serve';
import { benchConvs } from './bench-convs';
import { createRunner, passByModule, type Runner } from './execute';
import { featureMap } from './feature-maps';
import { inputKey, inputTensor } from './input';
import { locate } from './locate';
import type {
  ActivationsParams,
  ActivationsResult,
  BenchConvsParams,
  BenchConvsResult,
  BuildParams,
  BuildResult,
  FeatureMap,
  InputSpec,
  MemoryResult,
  ProfileParams,
  ProfileResult,
  Progress,
  RunParams,
  RunResult,
} from './protocol';
import { median, topClasses } from './stats';

/** What a request gets besides its parameters. */
export type RequestContext = CallContext<Progress>;

export interface EngineOptions {
  readonly backends: Backends;
  /** Called when the WebGL context is lost; the host then schedules `recover()`. */
  readonly onContextLost?: () => void;
  readonly now?: () => number;
  /** Lets queued messages (cancel) in between steps; default: a macrotask. */
  readonly pause?: () => Promise<void>;
}

interface Built {
  readonly config: ConfigText;
  readonly seed: number;
  readonly description: Model;
  readonly runner: Runner;
  readonly result: BuildResult;
  /** The first inference after the build, once one ran. */
  firstMs?: number;
}

const DEFAULT_SEED = 1;
/** Waits for a tensor's values: on WebGL this is what makes the GPU finish. */
const settle = async (t: tf.Tensor) => {
  await t.data();
};

/** Builds, runs, profiles and looks inside one network at a time on the active backend. */
export class Engine {
  private choice: BackendChoice = 'auto';
  private info: BackendInfo | undefined;
  private built: Built | undefined;
  private input: { key: string; tensor: tf.Tensor } | undefined;
  private unwatch: () => void = () => {};
  private readonly now: () => number;
  private readonly pause: () => Promise<void>;

  constructor(private readonly options: EngineOptions) {
    this.now = options.now ?? (() => performance.now());
    this.pause = options.pause ?? (() => new Promise((resolve) => setTimeout(resolve, 0)));
  }

  /** Switches backend (the model is disposed: its weights live on the old backend). */
  async setBackend(choice: BackendChoice): Promise<BackendInfo> {
    this.release();
    this.choice = choice;
    return this.activate();
  }

  /** The active backend, started with the automatic choice if none was made. */
  async backendInfo(): Promise<BackendInfo> {
    return this.info ?? this.activate();
  }

  private async activate(): Promise<BackendInfo> {
    this.unwatch();
    this.info = await this.options.backends.activate(this.choice);
    const onLost = this.options.onContextLost;
    this.unwatch = onLost ? this.options.backends.watchContextLoss(onLost) : () => {};
    return this.info;
  }

  /** Configures and builds a network with seeded weights; the previous model is disposed first. */
  async build({ config, seed = DEFAULT_SEED }: BuildParams, { token, progress }: RequestContext): Promise<BuildResult> {
    const backend = (await this.backendInfo()).name;
    progress({ stage: 'configuring', done: 0, total: 2 });
    const { model } = configure(config.network, config.text);
    await this.pause();
    token.check();
    this.release();
    progress({ stage: 'creating layers and drawing weights', done: 1, total: 2 });
    await this.pause();
    token.check();
    const start = this.now();
    const layersModel = buildLayersModel(model, { init: 'random', seed });
    const ms = this.now() - start;
    if (token.cancelled) {
      layersModel.dispose();
      token.check();
    }
    const result: BuildResult = {
      backend,
      network: config.network,
      input: model.input,
      params: layersModel.countParams(),
      layers: layersModel.layers.length,
      seed,
      ms,
    };
    this.built = { config, seed, description: model, runner: createRunner(model, layersModel), result };
    progress({ stage: 'built', done: 2, total: 2 });
    return result;
  }

  /** The first inference after a build (timed once), then `runs` warm ones. */
  async run({ input, runs, budgetMs = Infinity }: RunParams, { token, progress }: RequestContext): Promise<RunResult> {
    const built = this.requireBuilt();
    const x = this.inputFor(input, built);
    const firstMs = await this.warm(built, x);
    const warmMs: number[] = [];
    let top: RunResult['top'] = [];
    const spent = () => warmMs.reduce((sum, ms) => sum + ms, 0);
    for (let i = 0; i < runs && !(i >= 3 && spent() > budgetMs); i++) {
      progress({ stage: 'warm runs', done: i, total: runs });
      await this.pause();
      token.check();
      const start = this.now();
      const ys = built.runner.predict(x);
      try {
        await Promise.all(ys.map(settle));
        warmMs.push(this.now() - start);
        top = topClasses(await ys[0].data(), 3);
      } finally {
        tf.dispose(ys);
      }
    }
    return { backend: built.result.backend, firstMs, warmMs, medianMs: median(warmMs), top };
  }

  /**
   * Time per top-level module, median over `runs` passes after an untimed one. Each module's
   * output is read before the next module starts, so asynchronous backends (WebGL) finish its work
   * inside its own span.
   */
  async profile({ input, runs }: ProfileParams, { token, progress }: RequestContext): Promise<ProfileResult> {
    const built = this.requireBuilt();
    const x = this.inputFor(input, built);
    await this.warm(built, x);
    const between = async () => {
      await this.pause();
      token.check();
    };
    const samples: number[][] = built.runner.modules.map(() => []);
    for (let pass = 0; pass <= runs; pass++) {
      progress({ stage: pass === 0 ? 'warm-up pass' : 'timed passes', done: pass, total: runs + 1 });
      await between();
      const { ms } = await passByModule(built.runner, x, { sync: settle, between, now: this.now });
      if (pass > 0) ms.forEach((m, i) => samples[i].push(m));
    }
    const modules = built.runner.modules.map((path, i) => ({ path, ms: median(samples[i]), samples: samples[i] }));
    return { backend: built.result.backend, runs, modules, totalMs: modules.reduce((sum, m) => sum + m.ms, 0) };
  }

  /** Feature maps of a module (and of each of its branches) or of a layer, for the input. */
  async activations({ input, path, maxChannels }: ActivationsParams, { token }: RequestContext): Promise<ActivationsResult> {
    const built = this.requireBuilt();
    const target = locate(built.description, path);
    const x = this.inputFor(input, built);
    await this.warm(built, x);
    await this.pause();
    token.check();
    const keep = [path, ...target.branches];
    const { kept } = await passByModule(built.runner, x, {
      keep: new Set(keep),
      last: target.index,
      between: async () => {
        await this.pause();
        token.check();
      },
    });
    try {
      const maps: FeatureMap[] = [];
      const skipped: { path: string; shape: number[] }[] = [];
      for (const id of keep) {
        const t = kept[id];
        if (t.rank === 4) maps.push(await featureMap(id, t, maxChannels));
        else skipped.push({ path: id, shape: t.shape.slice(1) });
      }
      return { path, backend: built.result.backend, maps, skipped };
    } finally {
      tf.dispose(Object.values(kept));
    }
  }

  /** The bottleneck lab's three designs timed on the active backend. */
  async benchConvs(params: BenchConvsParams, { token }: RequestContext): Promise<BenchConvsResult> {
    const backend = (await this.backendInfo()).name;
    const times = await benchConvs(params, { now: this.now, between: async () => {
      await this.pause();
      token.check();
    } });
    return { backend, ...times };
  }

  /** Disposes the model and the cached input. */
  dispose(): MemoryResult {
    this.release();
    return this.memory();
  }

  memory(): MemoryResult {
    const { numTensors, numBytes } = tf.memory();
    return { backend: this.options.backends.current, numTensors, numBytes };
  }

  loseContext(): boolean {
    return this.options.backends.loseContext();
  }

  /**
   * After a lost WebGL context: a fresh WebGL backend, else the fallback chain (WASM), and the
   * model rebuilt if there was one. Returns what happened, for the page.
   */
  async recover(): Promise<{ message: string; backend: BackendInfo; build?: BuildResult }> {
    const previous = this.built;
    this.release();
    this.options.backends.resetWebGL();
    let backend = await this.activate();
    const rebuild = async () =>
      previous
        ? this.build(
            { config: previous.config, seed: previous.seed },
            { token: new CancelToken(), progress: () => {} },
          )
        : undefined;
    let build: BuildResult | undefined;
    try {
      build = await rebuild();
    } catch {
      // The new context failed too: leave WebGL for WASM.
      this.release();
      this.choice = 'wasm';
      backend = await this.activate();
      build = await rebuild();
    }
    const what = previous ? ' and the model was rebuilt' : '';
    const message =
      backend.name === 'webgl'
        ? `The WebGL context was lost; a new one was created${what}.`
        : `The WebGL context was lost; switched to ${backend.name.toUpperCase()}${what}.`;
    return { message, backend, ...(build ? { build } : {}) };
  }

  private requireBuilt(): Built {
    if (!this.built) throw new Error('no model is built yet: send a build request first');
    return this.built;
  }

  /** The input tensor for a spec, cached (one at a time) because the same input is run again and again. */
  private inputFor(spec: InputSpec, built: Built): tf.Tensor {
    const preparation = getNetwork(built.config.network).inputs.explorer;
    const key = `${inputKey(spec)}@${built.description.input.join('x')}@${JSON.stringify(preparation)}`;
    if (this.input?.key !== key) {
      this.input?.tensor.dispose();
      this.input = { key, tensor: inputTensor(spec, built.description.input, preparation) };
    }
    return this.input.tensor;
  }

  /** Times the first inference after a build (once); later calls return that time. */
  private async warm(built: Built, x: tf.Tensor): Promise<number> {
    if (built.firstMs === undefined) {
      const start = this.now();
      const ys = built.runner.predict(x);
      try {
        await Promise.all(ys.map(settle));
      } finally {
        tf.dispose(ys);
      }
      built.firstMs = this.now() - start;
    }
    return built.firstMs;
  }

  private release(): void {
    this.built?.runner.dispose();
    this.built = undefined;
    this.input?.tensor.dispose();
    this.input = undefined;
  }
}
