import * as tf from '@tensorflow/tfjs';
import { configure } from './src/model/networks';
import { startNodeBackend } from './src/node/tf-node';
import { buildLayersModel } from './src/runtime/build-layers-model';
import { train } from './src/runtime/training/trainer';
import { syntheticImages } from './bench/training-page/run-case';
await startNodeBackend('wasm');
const net = process.argv[2] ?? 'xception';
const { model } = configure(net as 'xception', {}, 'small');
const m = buildLayersModel(model, { seed: 1 });
const data = syntheticImages(32 * 4, 1);
const cfg = (n: number) => ({ epochs: 1, batchSize: 32, learningRate: 0.01, augmentation: { crop: 4, flip: true }, seed: 1, maxSteps: n });
await train(m, data, undefined, cfg(2));
const info = await tf.profile(async () => { await train(m, data, undefined, cfg(2)); return []; });
const want = new Set(process.argv.slice(3));
const rows = new Map<string, { ms: number; n: number }>();
for (const k of info.kernels) {
  if (!want.has(k.name)) continue;
  const key = `${k.name} in ${JSON.stringify(k.inputShapes)} out ${JSON.stringify(k.outputShapes)}`;
  const r = rows.get(key) ?? { ms: 0, n: 0 };
  r.ms += (k.kernelTimeMs as number) / 2; r.n += 0.5;
  rows.set(key, r);
}
for (const [key, r] of [...rows].sort((a, b) => b[1].ms - a[1].ms)) console.log(r.ms.toFixed(2), r.n, key);
