// What the page shows for a configuration. Pure functions: components only format what these
// return, and they are testable without a browser.

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
} from '../model';
import type { ConfigText } from './state/view';

export interface Explored {
  readonly ok: true;
  readonly configuration: Configuration;
  readonly analysis: Analysis;
}

export interface Rejected {
  readonly ok: false;
  readonly message: string;
}

export type Exploration = Explored | Rejected;

/** The option text of a named preset, every option spelled out. */
export function presetText(def: NetworkDef, preset: string): ConfigText['text'] {
  return formatOptions(def.specs, resolveOptions(def.name, def.specs, def.presets[preset]));
}

/** The preset whose options equal the given ones, if any (after parsing, so `224` and `224.0` agree). */
export function matchingPreset(config: ConfigText): string | undefined {
  const def = networks[config.network];
  let canonical: ConfigText['text'];
  try {
    canonical = formatOptions(def.specs, resolveOptions(def.name, def.specs, config.text));
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
 * Builds and counts a configuration. Bad options and impossible shapes come back as a message to
 * show; anything else is a bug and is thrown.
 */
export function explore(config: ConfigText): Exploration {
  try {
    const configuration = configure(config.network, config.text);
    return { ok: true, configuration, analysis: analyze(configuration.model) };
  } catch (error) {
    if (error instanceof OptionError || error instanceof ShapeError) return { ok: false, message: error.message };
    throw error;
  }
}
