// What the page shows for a network and the text of its options. Pure functions: components only
// format what these return, and the state transitions are testable without a browser.

import { analyze, type Analysis } from '../analysis/counts';
import {
  OptionError,
  ShapeError,
  configure,
  formatOptions,
  networks,
  resolveOptions,
  type Configuration,
  type NetworkDef,
  type NetworkName,
} from '../model';
import { moduleRows, type ModuleRow } from './rows';

/** Option values as the user typed or picked them, keyed as on the command line. */
export type OptionText = Readonly<Record<string, string>>;

/** The whole input of the page: everything else is derived from it. */
export interface ExplorerInput {
  readonly network: NetworkName;
  readonly text: OptionText;
}

export interface Explored {
  readonly ok: true;
  readonly configuration: Configuration;
  readonly analysis: Analysis;
  readonly rows: readonly ModuleRow[];
}

export interface Rejected {
  readonly ok: false;
  readonly message: string;
}

export type Exploration = Explored | Rejected;

/** The option text of a named preset, every option spelled out. */
export function presetText(def: NetworkDef, preset: string): OptionText {
  return formatOptions(def.specs, resolveOptions(def.name, def.specs, def.presets[preset]));
}

/** A network in its default configuration (its first preset). */
export function startInput(network: NetworkName): ExplorerInput {
  const def = networks[network];
  return { network, text: presetText(def, Object.keys(def.presets)[0]) };
}

export function withOption(input: ExplorerInput, key: string, value: string): ExplorerInput {
  return { ...input, text: { ...input.text, [key]: value } };
}

export function withPreset(input: ExplorerInput, preset: string): ExplorerInput {
  return { ...input, text: presetText(networks[input.network], preset) };
}

/** The preset whose options equal the given ones, if any (after parsing, so `224` and `224.0` agree). */
export function matchingPreset(input: ExplorerInput): string | undefined {
  const def = networks[input.network];
  let canonical: OptionText;
  try {
    canonical = formatOptions(def.specs, resolveOptions(def.name, def.specs, input.text));
  } catch (error) {
    if (error instanceof OptionError) return undefined;
    throw error;
  }
  return Object.keys(def.presets).find((preset) => {
    const text = presetText(def, preset);
    return def.specs.every((spec) => text[spec.key] === canonical[spec.key]);
  });
}

/**
 * Builds and counts the configured network. Bad options and impossible shapes come back as a
 * message to show; anything else is a bug and is thrown.
 */
export function explore(input: ExplorerInput): Exploration {
  try {
    const configuration = configure(input.network, input.text);
    const analysis = analyze(configuration.model);
    return { ok: true, configuration, analysis, rows: moduleRows(analysis) };
  } catch (error) {
    if (error instanceof OptionError || error instanceof ShapeError) return { ok: false, message: error.message };
    throw error;
  }
}
