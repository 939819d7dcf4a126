// tfjs layers-model files (model.json + weights.bin) as the panel downloads and uploads them.
// Pure checks, no tfjs: an upload is validated here first, so a wrong file gets a message naming
// the problem instead of an error from deep inside tfjs.

/** What model.json must hold to be loaded as a layers model. */
export interface ParsedModelFiles {
  readonly modelTopology: object;
  readonly weightSpecs: readonly WeightSpec[];
  readonly weightData: ArrayBuffer;
  /** Our own run metadata, when the files were downloaded from this panel. */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

export interface WeightSpec {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: string;
  readonly quantization?: { readonly dtype: string };
}

/** The key of our metadata in model.json's userDefinedMetadata. */
export const METADATA_KEY = 'inceptionExplorer';

export class ModelFileError extends Error {
  override name = 'ModelFileError';
}

const BYTES: Readonly<Record<string, number>> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

/** Bytes the weights manifest says weights.bin holds. */
export function expectedWeightBytes(specs: readonly WeightSpec[]): number {
  return specs.reduce((sum, spec) => {
    const dtype = spec.quantization?.dtype ?? spec.dtype;
    const size = BYTES[dtype];
    if (size === undefined) throw new ModelFileError(`model.json: weight "${spec.name}" has dtype "${dtype}", which cannot be read.`);
    return sum + size * spec.shape.reduce((a, b) => a * b, 1);
  }, 0);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses and checks model.json against weights.bin; throws ModelFileError naming what is wrong. */
export function parseModelFiles(modelJson: string, weights: ArrayBuffer): ParsedModelFiles {
  let json: unknown;
  try {
    json = JSON.parse(modelJson);
  } catch (error) {
    throw new ModelFileError(`model.json is not JSON (${(error as Error).message}). Choose the model.json of a TensorFlow.js layers model.`);
  }
  if (!isObject(json)) throw new ModelFileError('model.json does not hold an object: it is not a TensorFlow.js model.');
  if (json.format === 'graph-model') {
    throw new ModelFileError('model.json is a TensorFlow.js graph model; only layers models (as this panel downloads them) can be added.');
  }
  if (!isObject(json.modelTopology)) {
    throw new ModelFileError('model.json has no "modelTopology": it is not a TensorFlow.js layers model.');
  }
  const manifest = json.weightsManifest;
  if (!Array.isArray(manifest) || manifest.some((group) => !isObject(group) || !Array.isArray(group.weights))) {
    throw new ModelFileError('model.json has no "weightsManifest" listing the weights.');
  }
  const weightSpecs = (manifest as { weights: WeightSpec[] }[]).flatMap((group) => group.weights);
  const expected = expectedWeightBytes(weightSpecs);
  if (weights.byteLength !== expected) {
    throw new ModelFileError(
      `weights.bin has ${weights.byteLength.toLocaleString('en-US')} bytes, but model.json describes ${expected.toLocaleString('en-US')}: the two files belong to different models.`,
    );
  }
  const user = json.userDefinedMetadata;
  const metadata = isObject(user) && isObject(user[METADATA_KEY]) ? user[METADATA_KEY] : undefined;
  return { modelTopology: json.modelTopology, weightSpecs, weightData: weights, ...(metadata ? { metadata } : {}) };
}

/** model.json's text for a layers model's topology and weights, with our metadata. */
export function modelJsonText(modelTopology: unknown, weightSpecs: readonly WeightSpec[], metadata: Readonly<Record<string, unknown>>): string {
  return JSON.stringify({
    format: 'layers-model',
    generatedBy: 'Inception Explorer',
    convertedBy: null,
    modelTopology,
    weightsManifest: [{ paths: ['weights.bin'], weights: weightSpecs }],
    userDefinedMetadata: { [METADATA_KEY]: metadata },
  });
}
