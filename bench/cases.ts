// The configurations a benchmark measures are data, in bench/cases/*.json; this reads them and
// checks them on load, so that a network, preset, option or value that does not exist fails
// before anything is timed, with the valid ones in the message. "Every trainable network" is
// not data: it comes from the registry (trainableCases).

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configure, getNetwork, trainableNetworks, type OptionText } from '../src/model/networks';
import type { NetworkName } from '../src/model/types';

/** One configuration, as `configure(network, options, preset)` takes it. */
export interface CaseConfig {
  readonly network: NetworkName;
  readonly preset?: string;
  readonly options: OptionText;
}

/** A network that can be trained here, with its small preset (the Train tab's). */
export interface TrainableCase {
  readonly network: NetworkName;
  readonly preset: string;
}

/** Every trainable network in registry order, each with its trainablePreset. */
export const trainableCases = (): TrainableCase[] =>
  trainableNetworks().flatMap((def) => (def.trainablePreset === undefined ? [] : [{ network: def.name, preset: def.trainablePreset }]));

/** The parsed JSON of bench/cases/<file>, and where it is for messages. */
export function readCases(file: string): { json: unknown; at: string } {
  const path = resolve(import.meta.dirname, 'cases', file);
  return { json: JSON.parse(readFileSync(path, 'utf8')) as unknown, at: `bench/cases/${file}` };
}

function fail(at: string, message: string): never {
  throw new Error(`${at}: ${message}`);
}

/** An object; with `allowed`, one whose keys are all among them (a misspelt key fails, it is not ignored). */
export function objectAt(value: unknown, at: string, allowed?: readonly string[]): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(at, `expected an object, got ${JSON.stringify(value)}`);
  for (const key of Object.keys(value)) {
    if (allowed && !allowed.includes(key)) fail(at, `unknown key "${key}"; valid keys: ${allowed.join(', ')}`);
  }
  return value as Record<string, unknown>;
}

export function listAt(value: unknown, at: string): readonly unknown[] {
  if (!Array.isArray(value)) fail(at, `expected an array, got ${JSON.stringify(value)}`);
  return value;
}

export function textAt(value: unknown, at: string): string {
  if (typeof value !== 'string') fail(at, `expected a string, got ${JSON.stringify(value)}`);
  return value;
}

export function numberAt(value: unknown, at: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(at, `expected a number, got ${JSON.stringify(value)}`);
  return value;
}

export function booleanAt(value: unknown, at: string): boolean {
  if (typeof value !== 'boolean') fail(at, `expected true or false, got ${JSON.stringify(value)}`);
  return value;
}

/** A registered network's name; an unknown one fails with the valid names. */
export function networkAt(value: unknown, at: string): NetworkName {
  const name = textAt(value, at);
  try {
    return getNetwork(name).name;
  } catch (error) {
    return fail(at, error instanceof Error ? error.message : String(error));
  }
}

/** Configures it, so that an unknown preset, option or value (or impossible shapes) fails here. */
export function checkConfig(config: CaseConfig, at: string): void {
  try {
    configure(config.network, config.options, config.preset);
  } catch (error) {
    fail(at, error instanceof Error ? error.message : String(error));
  }
}

/**
 * `{ "network", "preset"?, "options" }`, checked by configuring it; `extraKeys` are the caller's
 * own (it reads them from the object itself).
 */
export function caseConfigAt(value: unknown, at: string, extraKeys: readonly string[] = []): CaseConfig {
  const entry = objectAt(value, at, ['network', 'preset', 'options', ...extraKeys]);
  const network = networkAt(entry.network, `${at}.network`);
  const options: Record<string, string> = {};
  for (const [key, v] of Object.entries(objectAt(entry.options, `${at}.options`))) options[key] = textAt(v, `${at}.options.${key}`);
  const config: CaseConfig = entry.preset === undefined ? { network, options } : { network, preset: textAt(entry.preset, `${at}.preset`), options };
  checkConfig(config, at);
  return config;
}
