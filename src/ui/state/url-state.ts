// The URL holds the whole view. Every field is declared once in FIELDS (key, how to read it, how to
// write it); one loop reads them all and one writes them all. Only values that differ from the
// defaults are written, so a plain visit has a plain URL. A bad value never breaks the page: it
// falls back to the default and says so in a notice.

import { EXTRAS, UNITS } from '../../analysis/ops';
import { contrastConfig, defaultConfig, defaultNetwork, networkNames, networks, parseOptionValue, type ConfigText, type NetworkName } from '../../model';
import { explore } from '../explore';
import type { Encoding, ViewName, ViewState } from './view';

export const VIEWS: readonly ViewName[] = ['graph', 'table', 'compare', 'lab', 'live', 'train', 'classify'];
export const ENCODINGS: readonly Encoding[] = ['macs', 'params'];

/** Prefix of the compared configuration's keys: `vs=<network>&vs.<option>=<value>`. */
const COMPARE_PREFIX = 'vs.';

export { defaultConfig };
/** What the compare view starts with: the idea the network is famous for, switched off. */
export const defaultCompare = contrastConfig;

export function defaultState(network: NetworkName = defaultNetwork().name): ViewState {
  return {
    config: defaultConfig(network),
    expanded: [],
    unit: 'macs',
    extras: [],
    view: 'graph',
    encoding: 'macs',
    compare: defaultCompare(network),
  };
}

interface Field {
  readonly key: string;
  /** Applies the URL's value to the state, or returns why it was ignored. */
  readonly read: (raw: string, state: ViewState) => ViewState | string;
  /** The value to write, or undefined when it is the default. */
  readonly write: (state: ViewState) => string | undefined;
}

const choiceField = <K extends 'view' | 'unit' | 'encoding'>(
  key: string,
  prop: K,
  values: readonly ViewState[K][],
): Field => ({
  key,
  read: (raw, state) =>
    (values as readonly string[]).includes(raw)
      ? { ...state, [prop]: raw }
      : `Ignored ${key}=${raw} from the link; valid values: ${values.join(', ')}.`,
  write: (state) => (state[prop] === defaultState()[prop] ? undefined : String(state[prop])),
});

const EXTRA_KEYS = EXTRAS.map((e) => e.key);

/** Everything but the two configurations, which have a key per option (see readConfig). */
const FIELDS: readonly Field[] = [
  choiceField('view', 'view', VIEWS),
  choiceField('unit', 'unit', UNITS),
  choiceField('enc', 'encoding', ENCODINGS),
  {
    key: 'extras',
    read: (raw, state) => {
      const items = raw.split(',').filter(Boolean);
      const bad = items.filter((item) => !(EXTRA_KEYS as readonly string[]).includes(item));
      const extras = EXTRA_KEYS.filter((key) => items.includes(key));
      return bad.length > 0
        ? `Ignored extras=${raw} from the link; valid extras: ${EXTRA_KEYS.join(', ')}.`
        : { ...state, extras };
    },
    write: (state) => (state.extras.length ? state.extras.join(',') : undefined),
  },
  {
    key: 'sel',
    read: (raw, state) => ({ ...state, selected: raw }),
    write: (state) => state.selected,
  },
  {
    key: 'open',
    read: (raw, state) => ({ ...state, expanded: raw.split(',').filter(Boolean) }),
    write: (state) => (state.expanded.length ? state.expanded.join(',') : undefined),
  },
];

/** Reads a network and its options from `keyOf(spec key)` parameters; bad values become notices. */
function readConfig(
  params: URLSearchParams,
  networkKey: string,
  prefix: string,
  fallback: (network: NetworkName) => ConfigText,
  notices: string[],
  startNetwork: NetworkName = defaultNetwork().name,
): ConfigText {
  const rawNetwork = params.get(networkKey);
  let network = startNetwork;
  if (rawNetwork !== null) {
    if (networkNames.includes(rawNetwork)) network = rawNetwork;
    else notices.push(`Ignored ${networkKey}=${rawNetwork} from the link; valid networks: ${networkNames.join(', ')}.`);
  }
  const base = fallback(network);
  const text: Record<string, string> = { ...base.text };
  for (const spec of networks[network].specs) {
    const raw = params.get(prefix + spec.key);
    if (raw === null) continue;
    try {
      parseOptionValue(spec, raw);
      text[spec.key] = raw;
    } catch (error) {
      notices.push(`${(error as Error).message} (from the link; using ${base.text[spec.key]}).`);
    }
  }
  return { network, text };
}

const knownKey = (key: string, state: ViewState) =>
  FIELDS.some((f) => f.key === key) ||
  key === 'net' ||
  key === 'vs' ||
  networks[state.config.network].specs.some((s) => s.key === key) ||
  networks[state.compare.network].specs.some((s) => COMPARE_PREFIX + s.key === key);

/** A configuration that cannot be built (e.g. an input too small) is replaced by its defaults. */
function buildable(config: ConfigText, fallback: ConfigText, what: string, notices: string[]): ConfigText {
  const result = explore(config);
  if (result.ok) return config;
  notices.push(`The link's ${what} cannot be built (${result.message}); showing the defaults.`);
  return fallback;
}

export interface ParsedUrl {
  readonly state: ViewState;
  /** What was ignored, in words for the visitor. */
  readonly notices: readonly string[];
}

/** The view a URL's query string describes. Never throws: bad parts are dropped with a notice. */
export function parseUrl(search: string): ParsedUrl {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const parsedConfig = readConfig(params, 'net', '', defaultConfig, notices);
  const config = buildable(parsedConfig, defaultConfig(parsedConfig.network), 'configuration', notices);
  const parsedCompare = readConfig(params, 'vs', COMPARE_PREFIX, defaultCompare, notices, config.network);
  const compare = buildable(parsedCompare, defaultCompare(parsedCompare.network), 'compared configuration', notices);
  let state: ViewState = { ...defaultState(config.network), config, compare };

  for (const field of FIELDS) {
    const raw = params.get(field.key);
    if (raw === null) continue;
    const next = field.read(raw, state);
    if (typeof next === 'string') notices.push(next);
    else state = next;
  }
  for (const key of new Set(params.keys())) {
    if (!knownKey(key, state)) notices.push(`Ignored the unknown setting "${key}" in the link.`);
  }
  return { state: checkIds(state, notices), notices };
}

/** Drops a selection or expanded modules that this configuration does not have. */
function checkIds(state: ViewState, notices: string[]): ViewState {
  const result = explore(state.config);
  if (!result.ok) return state;
  const ids = new Set<string>([...result.analysis.modules.map((m) => m.path), ...result.analysis.layers.map((l) => l.id)]);
  const expanded = state.expanded.filter((path) => ids.has(path));
  if (expanded.length < state.expanded.length) {
    const missing = state.expanded.filter((path) => !ids.has(path));
    notices.push(`Ignored modules this configuration does not have: ${missing.join(', ')}.`);
  }
  if (state.selected !== undefined && !ids.has(state.selected)) {
    notices.push(`The link selects "${state.selected}", which this configuration does not have.`);
    return { ...state, expanded, selected: undefined };
  }
  return { ...state, expanded };
}

/** Keeps `/` and `,` readable in ids and lists. */
const encode = (value: string) => encodeURIComponent(value).replaceAll('%2F', '/').replaceAll('%2C', ',');

function writeConfig(
  config: ConfigText,
  startNetwork: NetworkName,
  fallback: (network: NetworkName) => ConfigText,
  networkKey: string,
  prefix: string,
  out: string[][],
): void {
  if (config.network !== startNetwork) out.push([networkKey, config.network]);
  const defaults = fallback(config.network).text; // what readConfig starts from
  for (const spec of networks[config.network].specs) {
    const value = config.text[spec.key];
    if (value !== undefined && value !== defaults[spec.key]) out.push([prefix + spec.key, value]);
  }
}

/** The query string of a view (`?net=<network>&<option>=<value>`), or '' when everything is default. */
export function toUrl(state: ViewState): string {
  const pairs: string[][] = [];
  writeConfig(state.config, defaultNetwork().name, defaultConfig, 'net', '', pairs);
  writeConfig(state.compare, state.config.network, defaultCompare, 'vs', COMPARE_PREFIX, pairs);
  for (const field of FIELDS) {
    const value = field.write(state);
    if (value !== undefined) pairs.push([field.key, value]);
  }
  return pairs.length ? `?${pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}` : '';
}

