import type { NetworkName } from '../../model';
import { DATASETS } from '../../runtime/training/datasets';
import type { DatasetKey } from '../../runtime/training/protocol';
import type { BackendChoice } from '../../runtime/worker/protocol';
import { trainingChoices, variantSpecs, type FormField, type TrainingForm as Form } from './settings';

interface TrainingFormProps {
  readonly form: Form;
  readonly errors: Partial<Record<FormField, string>>;
  /** Datasets whose files are there (CIFAR-10 only after `npm run data`). */
  readonly available: ReadonlySet<DatasetKey>;
  readonly onChange: (change: Partial<Form>) => void;
  readonly onNetwork: (network: NetworkName) => void;
  readonly onVariant: (key: string, value: string) => void;
  /** Settings are fixed while a run trains. */
  readonly locked: boolean;
}

const NUMBERS: readonly { field: FormField & keyof Form; label: string; placeholder?: string; help?: string }[] = [
  { field: 'epochs', label: 'Epochs' },
  { field: 'batchSize', label: 'Batch size' },
  { field: 'learningRate', label: 'Learning rate', help: 'Peak, after a short warm-up; then a cosine down to 0.' },
  { field: 'seed', label: 'Seed', help: 'Weights, data order and augmentation.' },
  { field: 'trainLimit', label: 'Limit training images', placeholder: 'all', help: 'The first N, for a quick run.' },
  { field: 'validationLimit', label: 'Limit validation images', placeholder: 'all' },
];

/** Dataset, network, variant switches and the training settings, each with its message. */
export function TrainingForm({ form, errors, available, onChange, onNetwork, onVariant, locked }: TrainingFormProps) {
  return (
    <div className="train-form">
      <div className="train-column">
        <div className="field">
          <label htmlFor="train-dataset">Dataset</label>
          <select id="train-dataset" value={form.dataset} disabled={locked} onChange={(e) => onChange({ dataset: e.target.value as DatasetKey })}>
            {DATASETS.map((d) => (
              <option key={d.key} value={d.key} disabled={!available.has(d.key)}>
                {available.has(d.key) || !d.missingHint ? d.label : `${d.label}: ${d.missingHint}`}
              </option>
            ))}
          </select>
          {DATASETS.filter((d) => d.missingHint && !available.has(d.key)).map((d) => (
            <p key={d.key} className="help">
              {d.label.split(' (')[0]} is not available: {d.missingHint}.
            </p>
          ))}
        </div>
        <div className="field">
          <label htmlFor="train-network">Network</label>
          <select id="train-network" value={form.network} onChange={(e) => onNetwork(e.target.value as NetworkName)}>
            {trainingChoices().map(({ network, label }) => (
              <option key={network} value={network}>
                {label}
              </option>
            ))}
          </select>
          {errors.network && <p className="train-invalid" role="alert">{errors.network}</p>}
        </div>
        </div>
      <fieldset className="train-variant">
        <legend>Variant</legend>
        {variantSpecs(form.network).map((spec) => (
          <div className="field" key={spec.key}>
            <label htmlFor={`train-opt-${spec.key}`}>{spec.key}</label>
            <select id={`train-opt-${spec.key}`} value={form.variant[spec.key]} title={spec.help} onChange={(e) => onVariant(spec.key, e.target.value)}>
              {spec.values.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </div>
        ))}
      </fieldset>
      <fieldset className="train-numbers" disabled={locked}>
        <legend>Training</legend>
        {NUMBERS.map(({ field, label, placeholder, help }) => (
          <div className="field" key={field}>
            <label htmlFor={`train-${field}`}>{label}</label>
            <input
              id={`train-${field}`}
              inputMode="decimal"
              value={form[field] as string}
              placeholder={placeholder}
              aria-invalid={errors[field] !== undefined}
              aria-describedby={errors[field] ? `train-${field}-error` : undefined}
              onChange={(e) => onChange({ [field]: e.target.value })}
            />
            {errors[field] ? (
              <p id={`train-${field}-error`} className="train-invalid" role="alert">
                {errors[field]}
              </p>
            ) : (
              help && <p className="help">{help}</p>
            )}
          </div>
        ))}
        <label className="train-check">
          <input type="checkbox" checked={form.augmentation} onChange={(e) => onChange({ augmentation: e.target.checked })} />
          Augmentation (random crop and flip)
        </label>
        <div className="field">
          <label htmlFor="train-backend">Backend</label>
          <select id="train-backend" value={form.backend} onChange={(e) => onChange({ backend: e.target.value as BackendChoice })}>
            <option value="auto">auto</option>
            <option value="wasm">WASM</option>
            <option value="webgl">WebGL</option>
            <option value="cpu">CPU</option>
          </select>
        </div>
      </fieldset>
    </div>
  );
}
