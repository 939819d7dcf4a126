// `npx tsx scripts/keras-h5-compare.ts [DIR]`: keras.applications' Xception, VGG16 and ResNet50 at
// full width (10 classes, seeded, 71×71 and 32×32) as .h5 files written by Keras itself
// (scripts/reference/keras-applications-h5.py, into /tmp/keras-applications-h5/ by default: 84–135 MB
// each, too large to commit), read, recognised and mapped (src/runtime/import/keras-*.ts), set into
// the model buildLayersModel makes, and run on the images Keras ran; prints, per network, the
// largest difference from Keras' outputs (softmax) and from the features before `predictions`,
// absolute and relative to the largest feature.
//
// Our ResNet differs from Keras' ResNet50 in two places that are not the weights, so for it the
// script also runs variants that take them out one at a time:
// - BatchNorm's epsilon: Keras' ResNets use 1.001e-5, our builder torchvision's 1e-5;
// - the stem's padding: Keras pads the 7x7/2 conv by 3 on every side (ZeroPadding2D) and the
//   3x3/2 max pool by 1, our description's `same` padding pads an even input by 2 before and 3
//   after (1 and 1 short before, for the pool: 0 before, 1 after). The variant runs the stem with
//   Keras' padding (pad, valid conv, BN, ReLU, pad, valid pool) and the rest of our network
//   after it, with the same mapped weights.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startNodeBackend } from '../src/node/tf-node';
import { getNetwork } from '../src/model/networks';
import { prepareRgb } from '../src/model/input-preparation';
import type { Layer, Model, Node, Sequence } from '../src/model/types';
import { readKerasWeights } from '../src/weights/keras-h5';
import { buildLayersModel } from '../src/runtime/build-layers-model';
import { recogniseKerasWeights } from '../src/runtime/import/keras-recognise';
import { setKerasWeights } from '../src/runtime/import/keras-set-weights';
import type { MappedLayer } from '../src/runtime/import/keras-match';

const tf = await startNodeBackend(process.env.BACKEND === 'wasm' ? 'wasm' : 'cpu');
const dir = process.argv[2] ?? '/tmp/keras-applications-h5';

interface Expected {
  input: [number, number, number];
  images: string[];
  outputs: number[][];
  featuresLayer: string;
  features: string[];
}

const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));
const floats = (b64: string) => new Float32Array(bytes(b64).slice().buffer);
const maxAbs = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0);
const maxOf = (a: ArrayLike<number>) => Array.from(a).reduce((m, x) => Math.max(m, Math.abs(x)), 0);

/** `model` with every BatchNorm's epsilon set to `epsilon`. */
function withEpsilon(model: Model, epsilon: number): Model {
  const map = (node: Node): Node => {
    if (node.kind === 'sequence') return { ...node, children: node.children.map(map) };
    if (node.kind === 'add' || node.kind === 'concat') return { ...node, branches: node.branches.map((b) => map(b) as Sequence) };
    return node.kind === 'batchNorm' ? { ...node, epsilon } : node;
  };
  return { ...model, root: map(model.root) as Sequence };
}

/** A tfjs model of `model` with `layers`' weights (those it has). */
function built(model: Model, layers: readonly MappedLayer[]) {
  const layersModel = buildLayersModel(model, { init: 'zeros' });
  const names = new Set(layersModel.layers.map((l) => l.name));
  setKerasWeights(layersModel, layers.filter((l) => names.has(l.name)));
  return layersModel;
}

type Forward = (x: ReturnType<typeof tf.tensor4d>) => { out: ReturnType<typeof tf.tensor>; features: ReturnType<typeof tf.tensor> };

/** Our model as it is: outputs and the features (the layer before `predictions`). */
function plain(model: Model, layers: readonly MappedLayer[], featuresLayer: string): Forward {
  const layersModel = built(model, layers);
  const probe = tf.model({ inputs: layersModel.inputs, outputs: [layersModel.outputs[0], layersModel.getLayer(featuresLayer).output as ReturnType<typeof tf.input>] });
  return (x) => {
    const [out, features] = probe.predict(x) as ReturnType<typeof tf.tensor>[];
    return { out, features };
  };
}

/** ResNet with Keras' stem padding: the stem by hand, then the rest of our network as built. */
function kerasStem(model: Model, layers: readonly MappedLayer[], featuresLayer: string): Forward {
  const [stem, ...rest] = model.root.children as Sequence[];
  const [conv1, bn1] = stem.children as Layer[];
  if (conv1.kind !== 'conv2d' || bn1.kind !== 'batchNorm') throw new Error('not a ResNet stem');
  const weights = (name: string) => layers.find((l) => l.name === name)!.weights.map((w) => tf.tensor(w.data, [...w.shape]));
  const [kernel, bias] = weights('conv1');
  const [gamma, beta, mean, variance] = weights('bn1');
  const size = (model.input[0] + 6 - 7) / 2 + 1;
  const pooled = Math.floor((size + 2 - 3) / 2) + 1;
  const tail = plain({ ...model, input: [pooled, pooled, conv1.filters], root: { ...model.root, children: rest } }, layers, featuresLayer);
  return (x) => {
    const padded = tf.pad(x, [[0, 0], [3, 3], [3, 3], [0, 0]]);
    let y = tf.add(tf.conv2d(padded, kernel as never, 2, 'valid'), bias);
    y = tf.relu(tf.batchNorm(y, mean, variance, beta, gamma, bn1.epsilon));
    y = tf.maxPool(tf.pad(y, [[0, 0], [1, 1], [1, 1], [0, 0]]) as never, 3, 2, 'valid');
    return tail(y as never);
  };
}

console.log('| network | variant | max abs diff, outputs (softmax) | max abs diff, features | largest feature | relative |');
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const app of ['Xception', 'VGG16', 'ResNet50']) {
  const expected = JSON.parse(readFileSync(join(dir, `${app}-outputs.json`), 'utf8')) as Expected;
  const file = await readKerasWeights(new Uint8Array(readFileSync(join(dir, `${app}.h5`))));
  const found = recogniseKerasWeights(file, { input: expected.input[0] });
  const { network, model } = found.configuration;
  const preparation = getNetwork(network).inputs.keras!;
  const images = expected.images.map((image) => prepareRgb(bytes(image), preparation));
  const x = tf.tensor4d(Float32Array.from(images.flatMap((i) => Array.from(i))), [images.length, ...expected.input]);
  const ourFeatures = network === 'resnet' ? 'avgpool' : expected.featuresLayer;

  const variants: [string, Forward][] = [[`ours (${found.application.name}: ${network} ${Object.entries(found.fromFile).map(([k, v]) => `${k}=${v}`).join(' ')}, input=${expected.input[0]})`, plain(model, found.layers, ourFeatures)]];
  if (network === 'resnet') {
    const keras = withEpsilon(model, 1.001e-5);
    variants.push(['BatchNorm epsilon 1.001e-5 (Keras\')', plain(keras, found.layers, ourFeatures)]);
    variants.push(['Keras\' stem padding', kerasStem(model, found.layers, ourFeatures)]);
    variants.push(['both', kerasStem(keras, found.layers, ourFeatures)]);
  }
  for (const [variant, forward] of variants) {
    const { out, features } = forward(x);
    const outs = out.arraySync() as number[][];
    const feats = features.arraySync() as number[][];
    const dOut = Math.max(...expected.outputs.map((row, i) => maxAbs(outs[i], row)));
    const dFeat = Math.max(...expected.features.map((row, i) => maxAbs(feats[i], floats(row))));
    const largest = Math.max(...expected.features.map((row) => maxOf(floats(row))));
    console.log(`| ${app} | ${variant} | ${dOut.toExponential(2)} | ${dFeat.toExponential(2)} | ${largest.toPrecision(4)} | ${(dFeat / largest).toExponential(2)} |`);
    tf.dispose([out, features]);
  }
  x.dispose();
}
