// The networks the CLI, the page and the URL can name, in the order they are offered (the first is
// the default). Adding a network: its builder file with its NetworkDef, and one line here.

import type { InputPreparation } from '../input-preparation';
import { OptionError } from '../options';
import type { NetworkName } from '../types';
import type { NetworkDef } from './contract';
import { googlenetNetwork } from './googlenet';
import { xceptionNetwork } from './xception';
import { resnetNetwork } from './resnet';
import { vggNetwork } from './vgg';

const registered: NetworkDef[] = [googlenetNetwork, xceptionNetwork, vggNetwork, resnetNetwork];

/** Every network by name. Read at call time: `registerNetwork` adds to it. */
export const networks: Record<NetworkName, NetworkDef> = {};
/** Network names in registry order. */
export const networkNames: NetworkName[] = [];

/**
 * Adds a network (the registry above calls it for the built-in ones; tests add their own, and
 * remove it with the function returned).
 */
export function registerNetwork(def: NetworkDef): () => void {
  if (Object.hasOwn(networks, def.name)) throw new Error(`a network called "${def.name}" is already registered`);
  networks[def.name] = def;
  networkNames.push(def.name);
  return () => {
    delete networks[def.name];
    networkNames.splice(networkNames.indexOf(def.name), 1);
  };
}

for (const def of registered) registerNetwork(def);

export function getNetwork(name: string): NetworkDef {
  if (!Object.hasOwn(networks, name)) {
    throw new OptionError(`unknown model "${name}"; valid models: ${networkNames.join(', ')}`);
  }
  return networks[name];
}

/** The network the page and the CLI start with. */
export const defaultNetwork = (): NetworkDef => networks[networkNames[0]];

/** The networks with a small preset the Train tab and `npm run train` can train. */
export const trainableNetworks = (): NetworkDef[] => networkNames.map((name) => networks[name]).filter((def) => def.trainablePreset !== undefined);

/** The networks that can take ImageNet weights from a framework. */
export const imagenetNetworks = (): NetworkDef[] => networkNames.map((name) => networks[name]).filter((def) => def.imagenet !== undefined);

/**
 * How this app prepares images for weights it trained: the network's own preparation, or, when
 * the network is not a registered one (weights saved without their training.json, a model built
 * elsewhere), the one every trainable network shares; if they differ, the network must be named.
 */
export function trainedInput(network?: string): InputPreparation {
  if (network !== undefined && Object.hasOwn(networks, network)) return networks[network].inputs.explorer;
  const distinct = new Set(trainableNetworks().map((def) => JSON.stringify(def.inputs.explorer)));
  if (distinct.size !== 1) throw new OptionError('the networks trained here prepare their inputs differently: say which network these weights are for');
  return trainableNetworks()[0].inputs.explorer;
}
