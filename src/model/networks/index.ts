// The networks and the one way to configure them.
export type { FrameworkModels, KerasModels, NetworkDef, ImagenetWeights, OptionText, WeightSource } from './contract';
export { networks, networkNames, getNetwork, registerNetwork, defaultNetwork, trainableNetworks, imagenetNetworks, trainedInput } from './registry';
export { configure, tryConfigure, presetText, defaultConfig, contrastConfig, classCount, type Configuration, type Configured } from './configure';
