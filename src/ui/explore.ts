// What the page shows for a configuration. Pure functions: components only format what these
// return, and they are testable without a browser.

import { analyze, type Analysis } from '../analysis/counts';
import { OptionError, formatOptions, networks, presetText, resolveOptions, tryConfigure, type ConfigText, type Configuration } from '../model';

export interface Explored {
  readonly ok: true;
  /** What was asked for, as given. */
  readonly config: ConfigText;
  readonly configuration: Configuration;
  readonly analysis: Analysis;
}

export interface Rejected {
  readonly ok: false;
  readonly config: ConfigText;
  readonly message: string;
}

export type Exploration = Explored | Rejected;

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
 * Builds and counts a configuration, once: the page passes the result down. Bad options and
 * impossible shapes come back as a message to show; anything else is a bug and is thrown.
 */
export function explore(config: ConfigText): Exploration {
  const configured = tryConfigure(config);
  if (!configured.ok) return { ok: false, config, message: configured.message };
  return { ok: true, config, configuration: configured.configuration, analysis: analyze(configured.configuration.model) };
}
