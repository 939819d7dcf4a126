// Which keras.applications network a Keras .h5 file holds, and its weights for our layers. Every
// application is tried as Keras' loader would load the file into it (keras-match.ts: by order,
// every shape checked), with the options the file's shapes decide; the one that takes every
// layer is the answer. A file no application takes is refused with the first mismatch against
// the one it came closest to, and a file that is an application without its top (a `_notop`
// file) is named as such: our networks always have their classifier.

import { configure, type Configuration } from '../../model/networks';
import { OptionError } from '../../model/options';
import { ShapeError } from '../../model/shapes';
import type { KerasWeights } from '../../weights/keras-h5';
import { kerasApplications, type KerasApplication } from './keras-applications';
import { keras2Name } from './keras-names';
import { KerasMismatchError, inDescriptionOrder, kerasTargets, matchKerasWeights, weightedLayers, type KerasMatch, type KerasTarget, type MappedLayer } from './keras-match';

export interface KerasRecognition {
  readonly application: KerasApplication;
  /** Our network, built with the application's preset and the options the file decides. */
  readonly configuration: Configuration;
  /** The options the file decided (classes; VGG's input and fc), as text. */
  readonly fromFile: Readonly<Record<string, string>>;
  /** Every layer of ours with weights and the file's values for it, in our layer order. */
  readonly layers: readonly MappedLayer[];
  /** Layers whose name in the file is neither Keras 3's nor Keras 2's name for them (they load all the same, by order). */
  readonly renamed: readonly { readonly file: string; readonly keras: string }[];
}

export interface RecogniseOptions {
  /** The input size to build at (default: the application's, or VGG's from fc1); the other networks' weights fit any. */
  readonly input?: number;
}

/** One application tried on the file. */
interface Attempt {
  readonly application: KerasApplication;
  readonly fromFile: Readonly<Record<string, string>>;
  readonly configuration: Configuration;
  readonly targets: readonly KerasTarget[];
  readonly match: KerasMatch;
  /** How many of the file's layers with weights carry the Keras name of their partner. */
  readonly names: number;
}

/** Recognises the application a Keras .h5 file holds and maps its weights onto our layers; throws a KerasMismatchError naming the first mismatch. */
export function recogniseKerasWeights(file: KerasWeights, options: RecogniseOptions = {}): KerasRecognition {
  const weighted = weightedLayers(file);
  if (weighted.length === 0) {
    throw new KerasMismatchError(`the file has no layer with weights (its ${file.layers.length} layers: ${file.layers.slice(0, 5).map((l) => l.name).join(', ') || 'none'})`);
  }
  const applications = kerasApplications();
  const attempts = applications.flatMap((application): Attempt[] => {
    const fromFile = application.optionsFrom(weighted);
    const configuration = tryConfiguration(application, options.input === undefined ? fromFile : { ...fromFile, input: String(options.input) });
    if (configuration === undefined) return [];
    const targets = kerasTargets(configuration.model, application);
    const match = matchKerasWeights(file, targets, `Keras' ${application.name}`);
    const names = targets.filter((t, i) => i < weighted.length && isKerasName(weighted[i].name, t.kerasName)).length;
    return [{ application, fromFile, configuration, targets, match, names }];
  });
  for (const { application, fromFile, configuration, targets, match } of attempts) {
    if (!match.ok) continue;
    return {
      application,
      configuration,
      fromFile,
      layers: inDescriptionOrder(configuration.model, match.layers),
      renamed: match.layers.flatMap((layer, i) => (isKerasName(layer.fileName, targets[i].kerasName) ? [] : [{ file: layer.fileName, keras: targets[i].kerasName }])),
    };
  }
  const all = applications.map((a) => a.name).join(', ');
  // The closest: the most layers paired, then the most names agreeing.
  const closest = [...attempts].sort((a, b) => matched(b) - matched(a) || b.names - a.names)[0];
  if (closest === undefined || closest.match.ok) throw new KerasMismatchError(`no Keras application fits the file (${all})`);
  const { application, targets, match } = closest;
  const body = targets.filter((t) => !application.top.includes(t.layer.name)).length;
  if (match.matched === body && weighted.length === body) {
    throw new KerasMismatchError(
      `the file is Keras' ${application.name} without its top (include_top=False, a "_notop" file): it ends after ${targets[body - 1].kerasName}, and the explorer's ${application.name} always has its classifier (${application.top.join(', ')}); use the file with the top`,
    );
  }
  if (match.matched === 0) {
    throw new KerasMismatchError(`no Keras application fits the file (${all}); none takes even its first layer with weights (against ${application.name}: ${match.mismatch})`);
  }
  throw new KerasMismatchError(`no Keras application fits the file (${all}); the closest, ${application.name}, takes the first ${match.matched} of the file's ${weighted.length} layers with weights: ${match.mismatch}`);
}

const matched = ({ match }: Attempt) => (match.ok ? Infinity : match.matched);

function tryConfiguration(application: KerasApplication, overrides: Readonly<Record<string, string>>): Configuration | undefined {
  try {
    return configure(application.network, overrides, application.preset);
  } catch (error) {
    // Options from the file's shapes that no configuration takes (an input too small for the
    // network, a class count out of range): the file is not this application.
    if (error instanceof OptionError || error instanceof ShapeError) return undefined;
    throw error;
  }
}

/** Keras 3's name or Keras 2's, or either after a model-name prefix. */
function isKerasName(fileName: string, keras: string): boolean {
  const last = fileName.slice(fileName.lastIndexOf('/') + 1);
  return last === keras || last === keras2Name(keras);
}
