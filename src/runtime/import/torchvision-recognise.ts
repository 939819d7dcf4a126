// Which network and configuration a torchvision state dict is, from its keys and shapes alone:
// every model torchvision publishes of a network we have (the `torchvision` field of its
// definition: GoogLeNet with and without its aux heads, ResNet-18 to -152, VGG-11 to -19 with and
// without BatchNorm) is laid out as torchvision would name it, and the one whose keys and shapes
// all match is the file's. No match names what is
// wrong: the first keys of a network we do not have, or the first difference from the closest.

import { configure, networks, type Configuration } from '../../model/networks';
import type { TensorMap } from '../../weights/state-dict';
import { WeightFileError } from '../../weights/weight-file-error';
import { torchvisionLayout, torchvisionNetworks } from './torchvision-names';

/** A configuration torchvision publishes weights for. */
interface Candidate {
  /** torchvision's name: "resnet50", "vgg16_bn", "googlenet". */
  readonly title: string;
  readonly network: string;
  readonly preset: string;
  readonly overrides: Readonly<Record<string, string>>;
}

/** Every model torchvision publishes of a network we have (each network's `torchvision` field). */
const candidates = (): Candidate[] =>
  torchvisionNetworks().flatMap((network) => (networks[network].torchvision?.models ?? []).map((model) => ({ ...model, network })));

/** What a state dict was found to be. */
export interface Recognised {
  /** torchvision's name for it: "resnet50". */
  readonly title: string;
  readonly preset: string;
  /** The options set on top of the preset (the aux heads, the depth, BatchNorm, a class count other than 1000). */
  readonly overrides: Readonly<Record<string, string>>;
  readonly configuration: Configuration;
  /** The `num_batches_tracked` counters, which hold no weights. */
  readonly ignored: readonly string[];
  /** In words: `torchvision's resnet50: resnet, preset torchvision, depth=50 (102 tensors; 20 num_batches_tracked ignored)`. */
  readonly message: string;
}

const shapeText = (shape: readonly number[]) => `[${shape.join(', ')}]`;
const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((n, i) => n === b[i]);
const isCounter = (key: string) => key === 'num_batches_tracked' || key.endsWith('.num_batches_tracked');

interface Comparison {
  readonly candidate: Candidate;
  readonly configuration: Configuration;
  readonly common: number;
  /** The first difference, in the file's order (then the expected keys the file lacks). */
  readonly first?: string;
  readonly differences: number;
}

/** The class count a candidate's head has in the file, when it is not 1000 (a fine-tuned network). */
function classOverride(candidate: Candidate, shapes: ReadonlyMap<string, readonly number[]>): Record<string, string> {
  const head = torchvisionLayout(configure(candidate.network, candidate.overrides, candidate.preset)).filter((l) => l.kind === 'dense' && !l.layer.startsWith('aux')).at(-1);
  const shape = head && shapes.get(head.keys[0][0]);
  return shape && shape.length === 2 && shape[0] !== 1000 && shape[0] >= 1 ? { classes: String(shape[0]) } : {};
}

function compare(candidate: Candidate, shapes: ReadonlyMap<string, readonly number[]>): Comparison {
  const overrides = { ...candidate.overrides, ...classOverride(candidate, shapes) };
  const configuration = configure(candidate.network, overrides, candidate.preset);
  const expected = new Map(torchvisionLayout(configuration).flatMap((l) => l.keys));
  let common = 0;
  let differences = 0;
  let first: string | undefined;
  const note = (text: string) => {
    differences++;
    first ??= text;
  };
  for (const [key, shape] of shapes) {
    const want = expected.get(key);
    if (want === undefined) note(`the file has "${key}" ${shapeText(shape)}, which torchvision's ${candidate.title} does not have`);
    else if (!sameShape(shape, want)) note(`"${key}" is ${shapeText(shape)} in the file, ${shapeText(want)} in torchvision's ${candidate.title}`);
    else common++;
  }
  for (const [key, want] of expected) if (!shapes.has(key)) note(`the file has no "${key}" (${shapeText(want)} in torchvision's ${candidate.title})`);
  return { candidate: { ...candidate, overrides }, configuration, common, first, differences };
}

/** The torchvision network and configuration whose keys and shapes are exactly the file's; a WeightFileError naming the first mismatch if none is. */
export function recogniseTorchvision(tensors: TensorMap): Recognised {
  const ignored = [...tensors.keys()].filter(isCounter);
  const shapes = new Map([...tensors].filter(([key]) => !isCounter(key)).map(([key, t]) => [key, t.shape] as const));
  if (shapes.size === 0) throw new WeightFileError('the state dict holds only num_batches_tracked counters, no weights');
  const comparisons = candidates().map((c) => compare(c, shapes));
  const match = comparisons.find((c) => c.differences === 0);
  if (match) {
    const { candidate, configuration } = match;
    const options = Object.entries(candidate.overrides).map(([k, v]) => `${k}=${v}`).join(' ');
    const counters = ignored.length > 0 ? `; ${ignored.length} num_batches_tracked ignored` : '';
    return {
      title: candidate.title,
      preset: candidate.preset,
      overrides: candidate.overrides,
      configuration,
      ignored,
      message: `torchvision's ${candidate.title}: ${candidate.network}, preset ${candidate.preset}, ${options} (${shapes.size} tensors${counters})`,
    };
  }
  const closest = comparisons.reduce((best, c) => (c.common > best.common || (c.common === best.common && c.differences < best.differences) ? c : best));
  const keys = [...shapes.keys()];
  const firstKeys = `${keys.slice(0, 5).map((k) => `"${k}"`).join(', ')}${keys.length > 5 ? ', …' : ''}`;
  const known = [...new Set(candidates().map((c) => c.title.split(' ')[0]))].join(', ');
  // Fewer than half the keys in common: not a near miss of ours, a network we do not have.
  if (closest.common * 2 < shapes.size) {
    throw new WeightFileError(`a state dict of a network the explorer does not have: its ${keys.length.toLocaleString('en-US')} tensors start ${firstKeys}; torchvision's ${known} are recognised`);
  }
  throw new WeightFileError(
    `the shapes fit no configuration: closest is torchvision's ${closest.candidate.title} (${closest.common.toLocaleString('en-US')} of ${shapes.size.toLocaleString('en-US')} tensors fit, ${closest.differences.toLocaleString('en-US')} differ); first mismatch: ${closest.first ?? ''}`,
  );
}
