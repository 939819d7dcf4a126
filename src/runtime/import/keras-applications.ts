// The keras.applications models whose .h5 files map onto our networks: every network's `keras`
// field (src/model/networks/contract.ts, KerasModels) says which models Keras has of it, how its
// code orders joins and names layers, which layers are its top (include_top) and what a file's
// shapes decide. Read from the registry at call time, so no network is named here.

import { networkNames, networks, type KerasModels } from '../../model/networks';
import type { KerasLayerWeights } from '../../weights/keras-h5';
import type { KerasLayout } from './keras-match';

export interface KerasApplication extends KerasLayout {
  /** keras.applications' name: `Xception`, `VGG16`. */
  readonly name: string;
  readonly network: string;
  readonly preset: string;
  /** Our layers with weights that include_top=True adds. */
  readonly top: readonly string[];
  /** The options the file's shapes decide (as text), given its layers with weights. */
  readonly optionsFrom: (weighted: readonly KerasLayerWeights[]) => Readonly<Record<string, string>>;
}

/** Every keras.applications model of a registered network, in registry order. */
export function kerasApplications(): KerasApplication[] {
  return networkNames.flatMap((network) => {
    const keras: KerasModels | undefined = networks[network].keras;
    if (keras === undefined) return [];
    return keras.models.map(({ title, preset }) => ({
      name: title,
      network,
      preset,
      joinInputs: keras.joinInputs,
      kerasName: keras.layerName,
      top: keras.top,
      optionsFrom: (weighted: readonly KerasLayerWeights[]) => keras.optionsFrom(weighted.map((layer) => layer.weights.map((w) => w.shape))),
    }));
  });
}

/** The keras.applications model called `name` ("Xception"); throws for one no network has. */
export function kerasApplication(name: string): KerasApplication {
  const all = kerasApplications();
  const found = all.find((application) => application.name === name);
  if (found === undefined) throw new Error(`no network has keras.applications.${name}; they have ${all.map((a) => a.name).join(', ')}`);
  return found;
}
