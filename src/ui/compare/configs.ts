// Configurations of the compare view: the catalog as ConfigText, and a short name for any
// configuration (evaluating option text is explore() in ../explore.ts). Pure functions; the components only show what these return.

import { analyze, type Analysis } from '../../analysis/counts';
import {
  OptionError,
  configure,
  defaultConfig,
  formatOptions,
  networks,
  parseOptionValue,
  resolveOptions,
  type ConfigText,
  type OptionSpec,
} from '../../model';
import { catalog, type CatalogEntry } from '../../model/catalog';

/** The options of a configuration spelled out in full, or undefined when they do not parse. */
function canonicalKey(config: ConfigText): string | undefined {
  const def = networks[config.network];
  try {
    return JSON.stringify([def.name, formatOptions(def.specs, resolveOptions(def.name, def.specs, config.text))]);
  } catch (error) {
    if (error instanceof OptionError) return undefined;
    throw error;
  }
}

export interface CatalogItem {
  readonly entry: CatalogEntry;
  readonly config: ConfigText;
  readonly analysis: Analysis;
}

let catalogCache: readonly CatalogItem[] | undefined;

/** Every catalog entry built and counted, once per page load (a few milliseconds). */
export function catalogItems(): readonly CatalogItem[] {
  catalogCache ??= catalog.map((entry) => {
    const configuration = configure(entry.network, entry.options, entry.preset);
    return {
      entry,
      config: { network: configuration.network, text: configuration.optionText },
      analysis: analyze(configuration.model),
    };
  });
  return catalogCache;
}

/** The catalog entry whose options equal these (after parsing, so `224` and `224.0` agree). */
export function catalogMatch(config: ConfigText): CatalogEntry | undefined {
  const key = canonicalKey(config);
  return key === undefined ? undefined : catalogItems().find((item) => canonicalKey(item.config) === key)?.entry;
}

/** A short name: the catalog label, or the network and the options that differ from its default. */
export function describeConfig(config: ConfigText): string {
  const entry = catalogMatch(config);
  if (entry) return entry.label;
  const base = defaultConfig(config.network).text;
  const changed = Object.keys(base)
    .filter((key) => config.text[key] !== undefined && config.text[key] !== base[key])
    .map((key) => `${key}=${config.text[key]}`);
  const name = networks[config.network].shortName;
  return changed.length > 0 ? `${name} ${changed.join(' ')}` : name;
}

/** Whether one option's text is a value its spec accepts (to mark the field that is wrong). */
export function isValidOption(spec: OptionSpec, text: string): boolean {
  try {
    parseOptionValue(spec, text);
    return true;
  } catch (error) {
    if (error instanceof OptionError) return false;
    throw error;
  }
}
