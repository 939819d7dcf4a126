// The fast inference path: BatchNorm folded, bias and ReLU fused, module by module.
export { compileFastModel } from './fast-model';
export type { FastModel, FastStep, FastStepResult, ModuleRun, PredictModulesOptions } from './types';
