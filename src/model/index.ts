// The public surface of the model description (pure TypeScript: no DOM, no tfjs).
export * from './types';
export * from './shapes';
export * from './options';
export * from './input-preparation';
export * from './networks';
export { googlenet, googlenetOptionSpecs, googlenetPresets, type GoogLeNetOptions } from './networks/googlenet';
export { xception, xceptionOptionSpecs, xceptionPresets, type XceptionOptions } from './networks/xception';
