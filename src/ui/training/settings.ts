// The training form: its values as typed text, the checks that turn them into a run's settings
// (or into messages naming what is wrong), and the variant switches offered per network.

import { configure, getNetwork, trainableNetworks, tryConfigure, type ChoiceSpec, type NetworkName } from '../../model';
import type { DatasetKey, StartParams } from '../../runtime/training/protocol';
import { RUN_DEFAULTS, variantOf } from '../../runtime/training/run-name';
import type { BackendChoice } from '../../runtime/worker/protocol';

export interface TrainingForm {
  readonly dataset: DatasetKey;
  readonly network: NetworkName;
  /** Variant switches: choice option → value, on top of the network's small preset. */
  readonly variant: Readonly<Record<string, string>>;
  readonly epochs: string;
  readonly batchSize: string;
  readonly learningRate: string;
  readonly augmentation: boolean;
  readonly seed: string;
  /** Empty: all images. */
  readonly trainLimit: string;
  readonly validationLimit: string;
  readonly backend: BackendChoice;
}

export type FormField = 'epochs' | 'batchSize' | 'learningRate' | 'seed' | 'trainLimit' | 'validationLimit' | 'network';

/** The small preset the panel trains (only trainable networks are offered). */
function smallPreset(network: NetworkName): string {
  const preset = getNetwork(network).trainablePreset;
  if (preset === undefined) throw new Error(`${network} has no small preset to train`);
  return preset;
}

/** The networks the panel offers, labelled with their small preset: "GoogLeNet (Inception v1), small (32×32)". */
export const trainingChoices = (): { readonly network: NetworkName; readonly label: string }[] =>
  trainableNetworks().map((def) => {
    const [height, width] = configure(def.name, {}, def.trainablePreset).model.input;
    return { network: def.name, label: `${def.title}, ${def.trainablePreset} (${height}×${width})` };
  });

/** The choice options of a network: its variant switches. */
export const variantSpecs = (network: NetworkName): readonly ChoiceSpec[] =>
  getNetwork(network).specs.filter((spec): spec is ChoiceSpec => spec.kind === 'choice');

/** Every option of the small preset as text. */
export const presetOptions = (network: NetworkName): Readonly<Record<string, string>> => configure(network, {}, smallPreset(network)).optionText;

/** The variant switches of the small network as they start (the preset's values). */
export function defaultVariant(network: NetworkName): Record<string, string> {
  const preset = presetOptions(network);
  return Object.fromEntries(variantSpecs(network).map((spec) => [spec.key, preset[spec.key]]));
}

export function defaultForm(network: NetworkName = trainableNetworks()[0].name): TrainingForm {
  return {
    dataset: 'digits',
    network,
    variant: defaultVariant(network),
    epochs: '5',
    batchSize: '32',
    learningRate: String(RUN_DEFAULTS.learningRate),
    augmentation: false,
    seed: String(RUN_DEFAULTS.seed),
    trainLimit: '',
    validationLimit: '',
    backend: 'auto',
  };
}

function integer(text: string, label: string, min: number, max: number): number | string {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(value)) return `${label} must be a whole number.`;
  if (value < min || value > max) return `${label} must be between ${min.toLocaleString('en-US')} and ${max.toLocaleString('en-US')}.`;
  return value;
}

export interface CheckedForm {
  /** The run's settings when every field is valid. */
  readonly params?: StartParams;
  /** What is wrong, per field. */
  readonly errors: Partial<Record<FormField, string>>;
}

/** Validates the form; the messages say what is allowed. */
export function checkForm(form: TrainingForm): CheckedForm {
  const errors: Partial<Record<FormField, string>> = {};
  const take = (field: FormField, result: number | string): number => {
    if (typeof result === 'string') errors[field] = result;
    return typeof result === 'number' ? result : NaN;
  };
  const epochs = take('epochs', integer(form.epochs, 'Epochs', 1, 200));
  const batchSize = take('batchSize', integer(form.batchSize, 'Batch size', 1, 1024));
  const seed = take('seed', integer(form.seed, 'Seed', 1, 2 ** 31 - 1));
  const lr = Number(form.learningRate.trim());
  if (form.learningRate.trim() === '' || !Number.isFinite(lr)) errors.learningRate = 'Learning rate must be a number, e.g. 0.05.';
  else if (lr <= 0) errors.learningRate = 'Learning rate must be greater than 0.';
  else if (lr > 10) errors.learningRate = 'Learning rate must be at most 10 (0.01–0.1 is usual).';
  const limit = (field: 'trainLimit' | 'validationLimit', label: string) =>
    form[field].trim() === '' ? undefined : take(field, integer(form[field], label, 1, 1_000_000));
  const trainLimit = limit('trainLimit', 'Limit training images');
  const validationLimit = limit('validationLimit', 'Limit validation images');
  const configured = tryConfigure({ network: form.network, text: form.variant }, smallPreset(form.network));
  if (!configured.ok) errors.network = `This variant cannot be built: ${configured.message}`;
  const options = configured.ok ? configured.configuration.optionText : {};
  if (Object.keys(errors).length > 0) return { errors };
  const keys = variantSpecs(form.network).map((spec) => spec.key);
  return {
    errors,
    params: {
      dataset: form.dataset,
      config: { network: form.network, text: options },
      variant: variantOf(options, presetOptions(form.network), keys),
      epochs,
      batchSize,
      learningRate: lr,
      augmentation: form.augmentation,
      seed,
      backend: form.backend,
      ...(trainLimit === undefined ? {} : { trainLimit }),
      ...(validationLimit === undefined ? {} : { validationLimit }),
    },
  };
}
