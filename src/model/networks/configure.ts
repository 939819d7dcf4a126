// From a network name and option text to a built model: the one path every consumer takes.

import { OptionError, formatOptions, resolveOptions, type OptionValue } from '../options';
import { ShapeError, inferShapes } from '../shapes';
import type { ConfigText, Model, NetworkName } from '../types';
import type { NetworkDef, OptionText } from './contract';
import { getNetwork } from './registry';

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
export function configure(name: string, overrides: Readonly<Record<string, unknown>> = {}, preset?: string): Configuration {
  const def = getNetwork(name);
  if (preset !== undefined && !Object.hasOwn(def.presets, preset)) {
    throw new OptionError(`unknown preset "${preset}" for ${def.name}; valid presets: ${Object.keys(def.presets).join(', ')}`);
  }
  const given = { ...(preset === undefined ? {} : def.presets[preset]), ...overrides };
  const options = resolveOptions(def.name, def.specs, given) as Readonly<Record<string, OptionValue>>;
  const built = def.build(options);
  // The shapes are checked here, so that a configuration that comes back can be counted and built.
  inferShapes(built);
  return { network: def.name, options, optionText: formatOptions(def.specs, options), model: { ...built, source: { network: def.name, options } } };
}

export type Configured =
  | { readonly ok: true; readonly configuration: Configuration }
  | { readonly ok: false; readonly message: string };

/**
 * `configure` for input a person typed: bad options and impossible shapes come back as their
 * message to show; anything else is a bug and is thrown.
 */
export function tryConfigure(config: ConfigText, preset?: string): Configured {
  try {
    return { ok: true, configuration: configure(config.network, config.text, preset) };
  } catch (error) {
    if (error instanceof OptionError || error instanceof ShapeError) return { ok: false, message: error.message };
    throw error;
  }
}

/** The option text of a named preset, every option spelled out. */
export function presetText(def: NetworkDef, preset: string): OptionText {
  return formatOptions(def.specs, resolveOptions(def.name, def.specs, def.presets[preset]));
}

/** A network's default configuration, every key spelled out. */
export function defaultConfig(network: NetworkName): ConfigText {
  const def = getNetwork(network);
  return { network: def.name, text: presetText(def, def.defaultPreset) };
}

/** What the compare view starts against: the default with the network's famous idea switched off. */
export function contrastConfig(network: NetworkName): ConfigText {
  const base = defaultConfig(network);
  return { network: base.network, text: { ...base.text, ...getNetwork(network).contrast } };
}

/** The number of classes: the width of the model's (main) output. */
export const classCount = (model: Model): number => inferShapes(model).output.at(-1) ?? 0;
