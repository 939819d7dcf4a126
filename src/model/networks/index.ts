// The registry of networks: what the CLI, the page and the URL can name.

import { OptionError, formatOptions, resolveOptions, type OptionSpec, type OptionValue } from '../options';
import type { Model, NetworkName } from '../types';
import { googlenet, googlenetOptionSpecs, googlenetPresets } from './googlenet';
import { xception, xceptionOptionSpecs, xceptionPresets } from './xception';

export interface NetworkDef {
  readonly name: NetworkName;
  readonly title: string;
  readonly specs: readonly OptionSpec[];
  /** Named option sets; the first is the default configuration. */
  readonly presets: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly build: (options: Readonly<Record<string, unknown>>) => Model;
}

export const networks: Readonly<Record<NetworkName, NetworkDef>> = {
  googlenet: {
    name: 'googlenet',
    title: 'GoogLeNet (Inception v1)',
    specs: googlenetOptionSpecs,
    presets: googlenetPresets,
    build: googlenet,
  },
  xception: {
    name: 'xception',
    title: 'Xception',
    specs: xceptionOptionSpecs,
    presets: xceptionPresets,
    build: xception,
  },
};

export const networkNames = Object.keys(networks) as NetworkName[];

export function getNetwork(name: string): NetworkDef {
  if (!Object.hasOwn(networks, name)) {
    throw new OptionError(`unknown model "${name}"; valid models: ${networkNames.join(', ')}`);
  }
  return networks[name as NetworkName];
}

export interface Configuration {
  readonly network: NetworkName;
  /** Every option resolved (defaults filled in), as typed values. */
  readonly options: Readonly<Record<string, OptionValue>>;
  /** The same options as text, as on the command line. */
  readonly optionText: Readonly<Record<string, string>>;
  readonly model: Model;
}

/**
 * Resolves a network name, an optional preset and option overrides (text or typed values) into
 * a built model. Every failure is an OptionError (or a ShapeError) whose message lists what is valid.
 */
export function configure(
  name: string,
  overrides: Readonly<Record<string, unknown>> = {},
  preset?: string,
): Configuration {
  const def = getNetwork(name);
  if (preset !== undefined && !Object.hasOwn(def.presets, preset)) {
    throw new OptionError(
      `unknown preset "${preset}" for ${def.name}; valid presets: ${Object.keys(def.presets).join(', ')}`,
    );
  }
  const given = { ...(preset === undefined ? {} : def.presets[preset]), ...overrides };
  const options = resolveOptions(def.name, def.specs, given) as Readonly<Record<string, OptionValue>>;
  return { network: def.name, options, optionText: formatOptions(def.specs, options), model: def.build(options) };
}
