// Counting, formulas and comparisons (pure TypeScript: no DOM, no tfjs).
export * from './counts';
export * from './diff';
export * from './format';
export { layerCost, type LayerCost } from './layer-cost';
export * from './report';
export * from './ops';
