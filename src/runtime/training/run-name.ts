// Run names: network, variant and dataset, so a list of runs reads as a list of experiments.

/** `googlenet bn=off · Digits`; the unchanged small network is `googlenet small · Digits`. */
export function runName(network: string, variant: Readonly<Record<string, string>>, datasetName: string): string {
  const switches = Object.entries(variant).map(([key, value]) => `${key}=${value}`);
  return `${network} ${switches.length > 0 ? switches.join(' ') : 'small'} · ${datasetName}`;
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
