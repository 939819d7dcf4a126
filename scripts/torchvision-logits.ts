// The evidence issue 17 asks for: torchvision's state dicts, read with our .pth reader, recognised,
// mapped and set into the tfjs model our description builds, give torchvision's logits. It reads
// what scripts/reference/torchvision-outputs.py wrote (seeded resnet18, googlenet and vgg11_bn as float16
// .pth files, two seeded 224×224 images and torch's logits), runs our model on the images prepared
// as the network's `inputs.torchvision` says, and prints the largest logit difference against
// torch as torchvision builds it and against the same torch modules with TensorFlow's "same"
// padding (what our description computes). Not a unit test: it needs the 316 MB of files in /tmp.
//
//   /tmp/venv/bin/python scripts/reference/torchvision-outputs.py /tmp/tv-ref
//   npx tsx scripts/torchvision-logits.ts [/tmp/tv-ref] [wasm|cpu]

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getNetwork } from '../src/model/networks';
import { prepareRgb } from '../src/model/input-preparation';
import { startNodeBackend, type NodeBackend } from '../src/node/tf-node';
import { buildLayersModel } from '../src/runtime/build-layers-model';
import { recogniseTorchvision } from '../src/runtime/import/torchvision-recognise';
import { setTorchvisionWeights, torchvisionWeights } from '../src/runtime/import/torchvision-weights';
import { readTorchStateDict } from '../src/weights/torch-pth';

interface Reference {
  made_by: string;
  images: number[];
  torchvision: number[][];
  tfPadding: number[][];
  auxTorchvision?: number[][][];
  auxTfPadding?: number[][][];
}

const dir = process.argv[2] ?? '/tmp/tv-ref';
const backend = (process.argv[3] ?? 'wasm') as NodeBackend;
const tf = await startNodeBackend(backend);

/** Largest |a − b|, the largest |b|, and on how many rows the arg-max agrees. */
function compare(ours: number[][], theirs: number[][]) {
  let diff = 0;
  let scale = 0;
  let top1 = 0;
  ours.forEach((row, r) => {
    row.forEach((v, i) => {
      diff = Math.max(diff, Math.abs(v - theirs[r][i]));
      scale = Math.max(scale, Math.abs(theirs[r][i]));
    });
    const argmax = (xs: number[]) => xs.indexOf(Math.max(...xs));
    if (argmax(row) === argmax(theirs[r])) top1++;
  });
  return `max |Δlogit| ${diff.toExponential(3)} (largest |logit| ${scale.toFixed(3)}, relative ${(diff / scale).toExponential(2)}); top-1 agrees on ${top1} of ${ours.length}`;
}

for (const name of ['resnet18', 'googlenet', 'vgg11_bn']) {
  if (!existsSync(join(dir, `${name}.pth`))) {
    console.log(`${name}.pth: not in ${dir}, skipped`);
    continue;
  }
  const reference = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Reference;
  const { tensors } = readTorchStateDict(new Uint8Array(readFileSync(join(dir, `${name}.pth`))));
  const found = recogniseTorchvision(tensors);
  console.log(`${name}.pth: ${found.message}`);
  const { configuration } = found;
  const model = buildLayersModel(configuration.model, { init: 'zeros' });
  const written = setTorchvisionWeights(model, torchvisionWeights(tensors, configuration));
  const preparation = getNetwork(configuration.network).inputs.torchvision;
  if (preparation === undefined) throw new Error(`${configuration.network} has no torchvision input preparation`);
  const [h, w] = configuration.model.input;
  const x = tf.tensor4d(prepareRgb(reference.images, preparation), [reference.torchvision.length, h, w, 3]);
  // The outputs (main, then the aux heads) are dense layers with a fused softmax: the logits are their dense step without it.
  const heads = model.outputs.map((output) => output.sourceLayer);
  const features = tf.model({ inputs: model.inputs, outputs: heads.map((l) => l.input as ReturnType<typeof tf.input>) });
  const logits = tf.tidy(() => {
    const outs = features.predict(x);
    return (Array.isArray(outs) ? outs : [outs]).map((f, i) => {
      const [kernel, bias] = heads[i].getWeights();
      return tf.add(tf.matMul(f, kernel), bias).arraySync() as number[][];
    });
  });
  console.log(`  ${written} weights written; input: ${JSON.stringify(preparation)}; backend ${backend}`);
  console.log(`  against torch with TF "same" padding: ${compare(logits[0], reference.tfPadding)}`);
  console.log(`  against torchvision as it is:         ${compare(logits[0], reference.torchvision)}`);
  reference.auxTfPadding?.forEach((aux, i) => {
    console.log(`  aux${i + 1} against torch with TF padding and our 5x5/3 pool: ${compare(logits[i + 1], aux)}`);
    console.log(`  aux${i + 1} against torchvision (adaptive 4×4 pool):           ${compare(logits[i + 1], reference.auxTorchvision?.[i] ?? [])}`);
  });
  x.dispose();
  model.dispose();
}
