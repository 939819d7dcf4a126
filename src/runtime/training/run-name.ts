// Run names: one scheme for every run, so a list of runs reads as a list of experiments and two
// runs that differ in anything the form changes by default (variant, learning rate, seed) differ in
// name too.

/** The training form's defaults; a run's name mentions a setting only where it differs from these. */
export const RUN_DEFAULTS = { learningRate: 0.05, seed: 1 } as const;

export interface RunNameParts {
  readonly network: string;
  /** The preset the panel trains the network from (its trainable one: `small`, ResNet's `cifar`). */
  readonly preset: string;
  /** The options that differ from that preset, in the order they are offered. */
  readonly variant: Readonly<Record<string, string>>;
  readonly learningRate: number;
  readonly seed: number;
  readonly datasetName: string;
}

/**
 * `googlenet small · Digits`, `googlenet small inception=no-reduce · Digits`,
 * `resnet cifar lr 0.1 seed 2 · Digits`: the network and its trainable preset (the panel trains
 * nothing else), its switches, then learning rate and seed where not the defaults, then the dataset.
 */
export function runName({ network, preset, variant, learningRate, seed, datasetName }: RunNameParts): string {
  const words = [network, preset, ...Object.entries(variant).map(([key, value]) => `${key}=${value}`)];
  if (learningRate !== RUN_DEFAULTS.learningRate) words.push(`lr ${String(learningRate)}`);
  if (seed !== RUN_DEFAULTS.seed) words.push(`seed ${String(seed)}`);
  return `${words.join(' ')} · ${datasetName}`;
}

/** `name`, or `name (2)`, `name (3)`… when the list already has it. */
export function uniqueName(name: string, taken: readonly string[]): string {
  if (!taken.includes(name)) return name;
  let n = 2;
  while (taken.includes(`${name} (${n})`)) n++;
  return `${name} (${n})`;
}

/** The variant switches of `options` that differ from the preset's values (only keys in `keys`). */
export function variantOf(
  options: Readonly<Record<string, string>>,
  preset: Readonly<Record<string, string>>,
  keys: readonly string[],
): Record<string, string> {
  return Object.fromEntries(keys.filter((key) => options[key] !== undefined && options[key] !== preset[key]).map((key) => [key, options[key]]));
}
