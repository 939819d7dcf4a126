// Where a training step's time goes: the app's own trainer (src/runtime/training/trainer.ts) on
// WASM in Node, under tf.profile, with each kernel's time summed by kernel name. It explains
// bench/training.ts's images/s (which it does not replace: profiling times each kernel on its own
// and adds the engine's bookkeeping). The kernels this project registers for WASM
// (src/runtime/training/wasm-gradients.ts) appear under their own names, e.g. Conv2DBackpropFilter;
// ops with a custom gradient are listed apart, since their time includes their kernels'.
// It then times unprofiled steps with the SIMD kernels (src/runtime/training/wasm-simd.ts) and
// without them (the composed kernels a browser without WebAssembly SIMD runs), alternating, so
// their ratio comes from one run. Writes bench/results/training-profile.json and prints a markdown table per network.
// Run: npm run bench:training-profile [-- --case TEXT] [--steps N] [--batch N]

import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { configure, trainedInput } from '../src/model/networks';
import { startNodeBackend } from '../src/node/tf-node';
import { enableSimdKernels } from '../src/runtime/training/wasm-simd';
import { buildLayersModel } from '../src/runtime/build-layers-model';
import { train, type TrainingConfig } from '../src/runtime/training/trainer';
import { fixed, markdown } from './browser';
import { trainableCases, type TrainableCase } from './cases';
import { syntheticImages } from './training-page/run-case';

const WARMUP_STEPS = 2;
/** Rounds of the SIMD comparison; each times `steps` steps with the SIMD kernels, then without. */
const ROUNDS = 3;

const { values: opts } = parseArgs({
  options: { case: { type: 'string' }, steps: { type: 'string', default: '5' }, batch: { type: 'string', default: '32' } },
});
const steps = Number(opts.steps);
const batchSize = Number(opts.batch);
if (![steps, batchSize].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('Usage: npm run bench:training-profile [-- --case TEXT] [--steps N] [--batch N] (N positive integers)');
  process.exit(2);
}

interface KernelTotal {
  readonly kernel: string;
  /** Per training step. */
  readonly ms: number;
  readonly calls: number;
  readonly share: number;
}

interface NetworkProfile {
  readonly label: string;
  readonly batchSize: number;
  readonly steps: number;
  /** Wall time per step while profiled, and the sum of the kernels' times in it. */
  readonly wallMsPerStep: number;
  readonly kernelMsPerStep: number;
  readonly kernels: readonly KernelTotal[];
  /**
   * Ops with a custom gradient (tf.customGrad: fused conv with bias and ReLU, BatchNorm in
   * training), which tf.profile lists like kernels: their time includes the kernels they ran, so
   * they are kept apart and out of the shares.
   */
  readonly composites: readonly KernelTotal[];
  /** Median unprofiled ms/step with the SIMD kernels and without, from alternating rounds. */
  readonly simdMsPerStep: number;
  readonly composedMsPerStep: number;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function profileNetwork({ network, preset }: TrainableCase): Promise<NetworkProfile> {
  const { model } = configure(network, {}, preset);
  const layersModel = buildLayersModel(model, { seed: 1 });
  const data = syntheticImages(batchSize * (WARMUP_STEPS + steps), 1);
  const config = (maxSteps: number): TrainingConfig => ({
    epochs: 1,
    batchSize,
    learningRate: 0.01,
    augmentation: { crop: 4, flip: true },
    seed: 1,
    maxSteps,
    input: trainedInput(network),
  });
  try {
    await train(layersModel, data, undefined, config(WARMUP_STEPS)); // XNNPACK operators, first allocations.
    const start = performance.now();
    const info = await tf.profile(async () => {
      await train(layersModel, data, undefined, config(steps));
      return [];
    });
    const wallMsPerStep = (performance.now() - start) / steps;
    const timed: Record<'simd' | 'composed', number[]> = { simd: [], composed: [] };
    try {
      for (let round = 0; round <= ROUNDS; round++) {
        for (const mode of ['simd', 'composed'] as const) {
          enableSimdKernels(mode === 'simd');
          const begin = performance.now();
          await train(layersModel, data, undefined, config(round === 0 ? 1 : steps)); // round 0 warms up
          if (round > 0) timed[mode].push((performance.now() - begin) / steps);
        }
      }
    } finally {
      enableSimdKernels(true);
    }
    const byName = new Map<string, { ms: number; calls: number }>();
    for (const k of info.kernels) {
      const total = byName.get(k.name) ?? { ms: 0, calls: 0 };
      total.ms += k.kernelTimeMs as number;
      total.calls++;
      byName.set(k.name, total);
    }
    const isKernel = (name: string) => tf.getKernel(name, 'wasm') !== undefined;
    const entries = [...byName.entries()];
    const kernelMs = entries.filter(([name]) => isKernel(name)).reduce((sum, [, t]) => sum + t.ms, 0);
    const totals = (kernel: boolean) =>
      entries
        .filter(([name]) => isKernel(name) === kernel)
        .map(([name, t]) => ({ kernel: name, ms: t.ms / steps, calls: t.calls / steps, share: t.ms / kernelMs }))
        .sort((a, b) => b.ms - a.ms);
    return {
      label: `${network} ${preset}`,
      batchSize,
      steps,
      wallMsPerStep,
      kernelMsPerStep: kernelMs / steps,
      kernels: totals(true),
      composites: totals(false),
      simdMsPerStep: median(timed.simd),
      composedMsPerStep: median(timed.composed),
    };
  } finally {
    layersModel.dispose();
  }
}

await startNodeBackend('wasm');
const profiles: NetworkProfile[] = [];
// Every network that can be trained here, on its trainablePreset.
for (const trainable of trainableCases().filter((c) => !opts.case || `${c.network} ${c.preset}`.includes(opts.case))) {
  const p = await profileNetwork(trainable);
  profiles.push(p);
  console.log(`\n${p.label}, batch ${p.batchSize}, ${p.steps} steps: ${fixed(p.wallMsPerStep, 0)} ms/step wall, ${fixed(p.kernelMsPerStep, 0)} ms in kernels\n`);
  const rows = p.kernels.filter((k) => k.share >= 0.005).map((k) => [k.kernel, fixed(k.ms, 1), fixed(k.calls, 0), `${fixed(100 * k.share, 1)}%`]);
  console.log(markdown(['kernel', 'ms/step', 'calls/step', 'share'], rows));
  const composites = p.composites.map((k) => `${k.kernel} ${fixed(k.ms, 1)} ms (${fixed(k.calls, 0)} calls)`).join(', ');
  if (composites) console.log(`\nOps with a custom gradient (BatchNorm in training is the "unnamed scope"), their kernels included above: ${composites}`);
  const speedup = p.composedMsPerStep / p.simdMsPerStep;
  console.log(
    `\nUnprofiled, median of ${ROUNDS} alternating rounds: ${fixed(p.simdMsPerStep, 0)} ms/step with the SIMD kernels, ` +
      `${fixed(p.composedMsPerStep, 0)} without (${fixed(speedup, 2)}×)`,
  );
}
const out = resolve(import.meta.dirname, 'results', 'training-profile.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, loadAverageAtStart: loadavg(), profiles }, null, 2)}\n`);
console.log(`\nwrote ${out}`);
