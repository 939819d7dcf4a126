// `npm run train -- --model <name> [--preset NAME] [--set key=value] --data DIR --epochs N --out DIR`:
// trains a network on CIFAR-10 in Node with the WASM backend and the browser's own training code,
// printing progress, and saves model.json, weights.bin and training.json after every epoch.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../analysis/counts';
import { classCount, configure, getNetwork, trainableNetworks, trainedInput } from '../model/networks';
import { readCifarFolder } from '../node/cifar-folder';
import { loadModelFiles, saveModelFiles } from '../node/model-files';
import { startNodeBackend, type NodeBackend } from '../node/tf-node';
import { buildLayersModel } from '../runtime/build-layers-model';
import { RECALIBRATION_IMAGES, train, type EpochResult } from '../runtime/training/trainer';

const usage = () => `Usage: npm run train -- --model ${trainableNetworks().map((def) => def.name).join('|')} [--preset NAME] [--set key=value ...]
                      --data DIR --epochs N --out DIR
                      [--batch 64] [--lr 0.05] [--seed 1] [--no-augment] [--backend wasm|cpu] [--max-steps N]
                      [--init DIR]

Trains on a folder in CIFAR-10's binary layout (data_batch_N.bin for training, test_batch.bin
for the accuracy after each epoch) and saves a tfjs layers model in --out after every epoch.
Without --preset, the network's small trainable preset is used (${trainableNetworks().map((def) => `${def.name}: ${def.trainablePreset}`).join(', ')}).
--init DIR starts from the weights saved in DIR (same network and options) instead of fresh ones:
a long training can go on in steps, each with its own warm-up and cosine schedule. Before each
test, BatchNorm's moving statistics are recomputed from ${RECALIBRATION_IMAGES} training images (saved so, too).
A run whose loss becomes NaN or stays far above its start stops with exit code 1 and says to
lower --lr.`;

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n\n${usage()}\n`);
  process.exit(2);
}

function number(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) fail(`--${name} takes a positive number, got "${value}"`);
  return parsed;
}

const duration = (seconds: number) =>
  seconds >= 3600
    ? `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`
    : `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;

/** The weights saved in `dir`, checked to be the configured network's. */
async function startingWeights(dir: string, description: Parameters<typeof buildLayersModel>[0]) {
  const model = await loadModelFiles(dir).catch((error: Error) => fail(`--init ${dir}: ${error.message}`));
  const expected = buildLayersModel(description, { init: 'zeros' });
  // By layer name and shape: tfjs suffixes the variable names of a second model built in a session.
  const shapes = (m: typeof model) => m.layers.map((l) => `${l.name} ${l.weights.map((w) => w.shape.join('×')).join(' ')}`).join('\n');
  if (shapes(model) !== shapes(expected)) fail(`--init ${dir}: its weights are not those of the configured network (check --model, --preset and --set)`);
  expected.dispose();
  return model;
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        model: { type: 'string' },
        preset: { type: 'string' },
        set: { type: 'string', multiple: true, default: [] },
        data: { type: 'string' },
        epochs: { type: 'string' },
        out: { type: 'string' },
        batch: { type: 'string' },
        lr: { type: 'string' },
        seed: { type: 'string' },
        'no-augment': { type: 'boolean', default: false },
        backend: { type: 'string', default: 'wasm' },
        'max-steps': { type: 'string' },
        init: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    fail((error as Error).message);
  }
  if (args.help) {
    process.stdout.write(`${usage()}\n`);
    return;
  }
  if (!args.model) fail('missing --model');
  if (!args.data) fail('missing --data');
  if (!args.out) fail('missing --out');
  const backend = args.backend as NodeBackend;
  if (backend !== 'wasm' && backend !== 'cpu') fail(`--backend takes wasm or cpu, got "${args.backend}"`);
  const overrides = Object.fromEntries(
    (args.set ?? []).map((set) => {
      const eq = set.indexOf('=');
      if (eq <= 0) fail(`--set takes key=value, got "${set}"`);
      return [set.slice(0, eq), set.slice(eq + 1)];
    }),
  );
  let config, preset;
  try {
    preset = args.preset ?? getNetwork(args.model).trainablePreset;
    config = configure(args.model, overrides, preset);
  } catch (error) {
    fail((error as Error).message);
  }
  if (preset === undefined) fail(`${args.model} has no small preset to train; give one with --preset`);
  const epochs = number(args.epochs, 'epochs', 10);
  const batchSize = number(args.batch, 'batch', 64);
  const learningRate = number(args.lr, 'lr', 0.05);
  const seed = number(args.seed, 'seed', 1);
  const maxSteps = args['max-steps'] === undefined ? undefined : number(args['max-steps'], 'max-steps', 1);

  let data, test;
  try {
    data = readCifarFolder(args.data, 'train');
    test = readCifarFolder(args.data, 'test');
  } catch (error) {
    fail((error as Error).message);
  }
  const [height, width] = config.model.input;
  const classes = classCount(config.model);
  if (height !== data.height || width !== data.width || classes !== data.classNames.length) {
    fail(`the model takes ${height}×${width} images and ${classes} classes; the data has ${data.height}×${data.width} and ${data.classNames.length}`);
  }

  const tf = await startNodeBackend(backend);
  const totals = analyze(config.model).totals;
  const model = args.init ? await startingWeights(args.init, config.model) : buildLayersModel(config.model, { seed });
  const options = Object.entries(config.optionText).map(([k, v]) => `${k}=${v}`).join(' ');
  console.log(`${config.network} (${options})`);
  console.log(`${totals.params.toLocaleString('en-US')} params, ${totals.macs.toLocaleString('en-US')} MACs per image; backend ${tf.getBackend()}`);
  console.log(`${data.count.toLocaleString('en-US')} training images, ${test.count.toLocaleString('en-US')} test images; ${epochs} epochs of batch ${batchSize}, peak learning rate ${learningRate}`);

  const started = Date.now();
  const history: (Omit<EpochResult, 'validation'> & { testLoss?: number; testAccuracy?: number })[] = [];
  const command = `npm run train -- ${process.argv.slice(2).join(' ')}`;
  let lastPrint = 0;
  const outcome = await train(
    model,
    data,
    test,
    {
      epochs,
      batchSize,
      learningRate,
      seed,
      maxSteps,
      input: trainedInput(config.network),
      augmentation: args['no-augment'] ? { crop: 0, flip: false } : { crop: 4, flip: true },
    },
    {
      onStep: (p) => {
        const now = Date.now();
        if (now - lastPrint < 2000 && p.step !== p.stepsPerEpoch) return;
        lastPrint = now;
        const bar = '#'.repeat(Math.round((20 * p.step) / p.stepsPerEpoch)).padEnd(20, '.');
        process.stdout.write(
          `\repoch ${p.epoch + 1}/${epochs} [${bar}] ${p.step}/${p.stepsPerEpoch} loss ${p.loss.toFixed(3)} lr ${p.learningRate.toFixed(4)} ${p.imagesPerSecond.toFixed(1)} img/s eta ${duration(p.etaSeconds)}  `,
        );
      },
      onEpoch: async (result) => {
        const { validation, ...rest } = result;
        history.push({ ...rest, testLoss: validation?.loss, testAccuracy: validation?.accuracy });
        process.stdout.write('\n');
        console.log(
          `epoch ${result.epoch + 1}: train loss ${result.trainLoss.toFixed(3)} acc ${(100 * result.trainAccuracy).toFixed(2)}%, test loss ${validation?.loss.toFixed(3)} acc ${(100 * (validation?.accuracy ?? 0)).toFixed(2)}%, ${duration(result.seconds)}`,
        );
        await saveModelFiles(model, args.out!);
        const summary = {
          network: config.network,
          preset,
          options: config.optionText,
          params: totals.params,
          macs: totals.macs,
          data: { train: data.count, test: test.count, classNames: data.classNames },
          preprocessing: 'RGB bytes scaled to [-1, 1] (x / 127.5 - 1), 32x32, channels last',
          training: { epochs, batchSize, learningRate, seed, augmentation: !args['no-augment'], batchNormRecalibrationImages: RECALIBRATION_IMAGES, backend: tf.getBackend(), command },
          wallSeconds: (Date.now() - started) / 1000,
          testAccuracy: validation?.accuracy,
          perClass: validation?.perClass,
          history,
        };
        writeFileSync(join(args.out!, 'training.json'), JSON.stringify(summary, null, 2) + '\n');
      },
    },
  );
  console.log(`${outcome}: ${duration((Date.now() - started) / 1000)} in all; saved to ${args.out}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
