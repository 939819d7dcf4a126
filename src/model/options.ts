// Variant options, declared once as a table of specs per network. The CLI, the page's switches and
// the URL all read and validate options through these specs, so they always agree.

/** An option that has an effect only when another option has one of some values. */
export interface Condition {
  readonly key: string;
  readonly values: readonly string[];
}

export interface ChoiceSpec<K extends string = string, V extends string = string> {
  readonly kind: 'choice';
  readonly key: K;
  /** The first value is the default. */
  readonly values: readonly V[];
  readonly help: string;
  /** Without effect otherwise (the page disables it and says why). */
  readonly onlyWhen?: Condition;
}

export interface NumberSpec<K extends string = string> {
  readonly kind: 'number';
  readonly key: K;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  readonly help: string;
}

/** A subset of named items, written `a,b,c` or `all`; the default is all of them. */
export interface SubsetSpec<K extends string = string, V extends string = string> {
  readonly kind: 'subset';
  readonly key: K;
  readonly values: readonly V[];
  readonly help: string;
}

export type OptionSpec = ChoiceSpec | NumberSpec | SubsetSpec;

type ValueOf<S> =
  S extends ChoiceSpec<string, infer V> ? V
  : S extends NumberSpec ? number
  : S extends SubsetSpec<string, infer V> ? readonly V[]
  : never;

/** The resolved options object described by a table of specs. */
export type OptionsOf<T extends readonly OptionSpec[]> = {
  readonly [S in T[number] as S['key']]: ValueOf<S>;
};

export type OptionValue = string | number | readonly string[];

export class OptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OptionError';
  }
}

export const choice = <K extends string, const V extends string>(
  key: K,
  values: readonly [V, ...V[]],
  help: string,
  onlyWhen?: Condition,
): ChoiceSpec<K, V> => (onlyWhen ? { kind: 'choice', key, values, help, onlyWhen } : { kind: 'choice', key, values, help });

/** Whether an option has an effect under the given option text. */
export function isRelevant(spec: OptionSpec, text: Readonly<Record<string, string>>): boolean {
  return spec.kind !== 'choice' || !spec.onlyWhen || spec.onlyWhen.values.includes(text[spec.onlyWhen.key]);
}

export const numeric = <K extends string>(
  key: K,
  range: { default: number; min: number; max: number; integer: boolean },
  help: string,
): NumberSpec<K> => ({ kind: 'number', key, ...range, help });

/** The options every network has, declared once: classes, input size, width multiplier. */
export const classesOption = () => numeric('classes', { default: 1000, min: 1, max: 100000, integer: true }, 'Number of output classes.');

export const inputOption = (size: number) => numeric('input', { default: size, min: 1, max: 2048, integer: true }, 'Input height and width in pixels.');

/** `help` says what the multiplier scales in this network (the classes are never scaled). */
export const widthOption = (help: string) => numeric('width', { default: 1, min: 0.03125, max: 4, integer: false }, help);

export const subset = <K extends string, const V extends string>(
  key: K,
  values: readonly [V, ...V[]],
  help: string,
): SubsetSpec<K, V> => ({ kind: 'subset', key, values, help });

export function defaultValue(spec: OptionSpec): OptionValue {
  switch (spec.kind) {
    case 'choice':
      return spec.values[0];
    case 'number':
      return spec.default;
    case 'subset':
      return spec.values;
  }
}

/** How a value is written on the command line and in the URL. */
export function formatOptionValue(spec: OptionSpec, value: OptionValue): string {
  if (spec.kind === 'subset') {
    const items = value as readonly string[];
    return items.length === spec.values.length ? 'all' : items.join(',');
  }
  return String(value);
}

/** What a spec accepts, for error messages and help text. */
export function describeValues(spec: OptionSpec): string {
  switch (spec.kind) {
    case 'choice':
      return spec.values.join(', ');
    case 'number':
      return `${spec.integer ? 'an integer' : 'a number'} from ${spec.min} to ${spec.max}`;
    case 'subset':
      return `"all" or a comma-separated list of ${spec.values.join(', ')}`;
  }
}

function invalid(spec: OptionSpec, raw: unknown): OptionError {
  return new OptionError(
    `invalid value ${JSON.stringify(raw)} for option "${spec.key}"; valid values: ${describeValues(spec)}`,
  );
}

/** Parses a value given as text (CLI, URL) or checks one given as a typed value. */
export function parseOptionValue(spec: OptionSpec, raw: unknown): OptionValue {
  switch (spec.kind) {
    case 'choice':
      if (typeof raw === 'string' && (spec.values as readonly string[]).includes(raw)) return raw;
      throw invalid(spec, raw);
    case 'number': {
      const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      const ok =
        typeof value === 'number' &&
        Number.isFinite(value) &&
        value >= spec.min &&
        value <= spec.max &&
        (!spec.integer || Number.isInteger(value));
      if (ok) return value;
      throw invalid(spec, raw);
    }
    case 'subset': {
      const items = typeof raw === 'string' ? (raw === 'all' ? spec.values : raw.split(',').map((s) => s.trim())) : raw;
      if (!Array.isArray(items) || items.length === 0) throw invalid(spec, raw);
      const known = new Set<string>(spec.values);
      const bad = items.find((item) => typeof item !== 'string' || !known.has(item));
      if (bad !== undefined) throw invalid(spec, raw);
      const chosen = new Set<unknown>(items);
      return spec.values.filter((v) => chosen.has(v)); // canonical order, duplicates dropped
    }
  }
}

/**
 * Resolves options against their specs: defaults for what is missing, every given value checked.
 * Unknown keys and bad values throw an OptionError that lists what is valid.
 */
export function resolveOptions<T extends readonly OptionSpec[]>(
  network: string,
  specs: T,
  given: Readonly<Record<string, unknown>>,
): OptionsOf<T> {
  const byKey = new Map(specs.map((s) => [s.key, s]));
  for (const key of Object.keys(given)) {
    if (!byKey.has(key)) {
      throw new OptionError(
        `unknown option "${key}" for ${network}; valid options: ${specs.map((s) => s.key).join(', ')}`,
      );
    }
  }
  const resolved: Record<string, OptionValue> = {};
  for (const spec of specs) {
    const raw = given[spec.key];
    resolved[spec.key] = raw === undefined ? defaultValue(spec) : parseOptionValue(spec, raw);
  }
  return resolved as OptionsOf<T>;
}

/** Options as text, keyed as on the command line: `{inception: 'bottleneck', modules: 'all'}`. */
export function formatOptions(specs: readonly OptionSpec[], options: Readonly<Record<string, OptionValue>>): Record<string, string> {
  return Object.fromEntries(specs.map((s) => [s.key, formatOptionValue(s, options[s.key])]));
}
