// The command line: `counts` and `export`. Kept apart from process.* so tests can call it.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../analysis/counts';
import { countsReport, layersCsv } from '../analysis/report';
import { catalog } from '../model/catalog';
import { configure, networks, networkNames, trainedInput, type Configuration } from '../model/networks';
import { OptionError, describeValues, formatOptionValue, defaultValue } from '../model/options';
import { ShapeError } from '../model/shapes';
import { countsTable } from './table';

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Bad input from the user: printed without a stack trace, exit code 2. */
class UsageError extends Error {}

const EXIT_OK = 0;
const EXIT_USAGE = 2;

function usage(): string {
  const lines = [
    'Usage: npm run --silent cli -- <command> <model> [options]',
    '',
    'Commands:',
    '  counts <model>   parameters, MACs and formulas per layer and module',
    '  export <model>   the tfjs layers-model JSON (topology and weight manifest) of a configuration',
    '  eval             accuracy of saved weights (--weights DIR with model.json) on a CIFAR-10',
    '                   folder (--data DIR with test_batch.bin): {"accuracy", "n", "perClass"}',
    '  help             this text',
    '',
    'Options:',
    '  --set key=value  set a variant option (repeatable)',
    '  --preset NAME    start from a named set of options',
    '  --input SIZE     input height and width (same as --set input=SIZE)',
    '  --format F       counts: table (default), csv or json; export: tfjs',
    '',
    'Models and their options (first value is the default):',
  ];
  for (const name of networkNames) {
    const def = networks[name];
    lines.push(`  ${name} — ${def.title}; presets: ${Object.keys(def.presets).join(', ')}`);
    for (const spec of def.specs) {
      const values = spec.kind === 'choice' ? spec.values.join(' | ') : `${describeValues(spec)}; default ${formatOptionValue(spec, defaultValue(spec))}`;
      lines.push(`    ${spec.key.padEnd(13)}${values}`);
    }
  }
  // The example is a catalog entry with a preset and a switch, so it stays one that works.
  const example = catalog.find((entry) => entry.preset !== undefined && Object.keys(entry.options).length > 0);
  if (example) {
    const sets = Object.entries(example.options).map(([key, value]) => ` --set ${key}=${value}`).join('');
    lines.push('', `Example: npm run --silent cli -- counts ${example.network} --preset ${example.preset}${sets} --format json`);
  }
  return lines.join('\n') + '\n';
}

/** Indented JSON with short arrays (shapes, option lists) kept on one line. */
function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\[\s+([^[\]{}]*?)\s+\]/g, (_, items: string) => `[${items.split(/,\s+/).join(', ')}]`) + '\n';
}

function parseSets(sets: readonly string[]): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const set of sets) {
    const eq = set.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set takes key=value, got "${set}"`);
    overrides[set.slice(0, eq)] = set.slice(eq + 1);
  }
  return overrides;
}

function parse(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      set: { type: 'string', multiple: true, default: [] },
      preset: { type: 'string' },
      input: { type: 'string' },
      format: { type: 'string' },
      weights: { type: 'string' },
      data: { type: 'string' },
      backend: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  return { values, positionals };
}

function configuration(model: string | undefined, values: ReturnType<typeof parse>['values']): Configuration {
  if (model === undefined) throw new UsageError(`missing model; valid models: ${networkNames.join(', ')}`);
  const overrides = parseSets(values.set ?? []);
  if (values.input !== undefined) overrides.input = values.input;
  return configure(model, overrides, values.preset);
}

function choose<T extends string>(what: string, value: string | undefined, valid: readonly T[]): T {
  const chosen = value ?? valid[0];
  if (!(valid as readonly string[]).includes(chosen)) {
    throw new UsageError(`invalid ${what} "${chosen}"; valid: ${valid.join(', ')}`);
  }
  return chosen as T;
}

function counts(config: Configuration, format: string | undefined, io: Io): void {
  const analysis = analyze(config.model);
  switch (choose('format', format, ['table', 'csv', 'json'] as const)) {
    case 'table': {
      const options = Object.entries(config.optionText)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      io.out(countsTable(analysis, networks[config.network].title, `options: ${options}`));
      return;
    }
    case 'csv':
      io.out(layersCsv(analysis));
      return;
    case 'json':
      io.out(prettyJson(countsReport(analysis, config.options)));
      return;
  }
}

async function exportModel(config: Configuration, format: string | undefined, io: Io): Promise<void> {
  choose('format', format, ['tfjs'] as const);
  analyze(config.model); // shape errors are reported before tfjs is even loaded
  // tfjs is loaded only here: `counts` stays instant.
  const [tf, { exportLayersModelJson }] = await Promise.all([import('@tensorflow/tfjs'), import('../runtime/export-tfjs')]);
  tf.enableProdMode(); // no "install tfjs-node" banner on stderr: it cannot be installed here

  io.out(prettyJson(await exportLayersModelJson(config.model)));
}

async function evaluateWeights(values: ReturnType<typeof parse>['values'], io: Io): Promise<void> {
  if (values.weights === undefined) throw new UsageError('eval needs --weights DIR (a folder with model.json and its weights)');
  if (values.data === undefined) throw new UsageError('eval needs --data DIR (a folder in CIFAR-10\'s binary layout with test_batch.bin)');
  const backend = choose('backend', values.backend, ['wasm', 'cpu'] as const);
  if (!existsSync(join(values.weights, 'model.json'))) throw new UsageError(`${values.weights} has no model.json`);
  // tfjs is loaded only here, as for export.
  const [{ readCifarFolder, DataFolderError }, { loadModelFiles, savedNetwork }, { startNodeBackend }, { evaluate }] = await Promise.all([
    import('../node/cifar-folder'),
    import('../node/model-files'),
    import('../node/tf-node'),
    import('../runtime/training/trainer'),
  ]);
  let test;
  try {
    test = readCifarFolder(values.data, 'test');
  } catch (error) {
    if (error instanceof DataFolderError || (error as Error).name === 'CifarFormatError') throw new UsageError((error as Error).message);
    throw error;
  }
  await startNodeBackend(backend);
  const model = await loadModelFiles(values.weights);
  const [, height, width] = model.inputs[0].shape;
  if (height !== test.height || width !== test.width) {
    throw new UsageError(`the model in ${values.weights} takes ${height}×${width} images; ${values.data} has ${test.height}×${test.width}`);
  }
  const network = savedNetwork(values.weights);
  if (network !== undefined && !Object.hasOwn(networks, network)) throw new UsageError(`${values.weights} holds weights of "${network}", which is not a network here; valid: ${networkNames.join(', ')}`);
  const result = await evaluate(model, test, trainedInput(network));
  io.out(JSON.stringify({ accuracy: result.accuracy, n: test.count, perClass: result.perClass }) + '\n');
}

/** Runs one CLI invocation and returns its exit code. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  try {
    const { values, positionals } = parse(argv);
    const [command, model, ...extra] = positionals;
    if (values.help || command === undefined || command === 'help') {
      io.out(usage());
      return command === undefined && !values.help ? EXIT_USAGE : EXIT_OK;
    }
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    switch (command) {
      case 'counts':
        counts(configuration(model, values), values.format, io);
        return EXIT_OK;
      case 'export':
        await exportModel(configuration(model, values), values.format, io);
        return EXIT_OK;
      case 'eval':
        if (model !== undefined) throw new UsageError(`unexpected argument "${model}"; eval takes --weights DIR --data DIR`);
        await evaluateWeights(values, io);
        return EXIT_OK;
      default:
        throw new UsageError(`unknown command "${command}"; valid commands: counts, export, eval, help`);
    }
  } catch (error) {
    const userError =
      error instanceof UsageError ||
      error instanceof OptionError ||
      error instanceof ShapeError ||
      (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
    if (!userError) throw error;
    io.err(`error: ${(error as Error).message}\nRun "npm run --silent cli -- help" for usage.\n`);
    return EXIT_USAGE;
  }
}
