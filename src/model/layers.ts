// Small constructors that keep the builders readable: defaults written once, overrides by name.

import type {
  BatchNorm,
  Conv2D,
  Dense,
  DepthwiseConv2D,
  Node,
  Padding,
  Parallel,
  Pool,
  SeparableConv2D,
  Sequence,
} from './types';

interface ConvArgs {
  stride?: number;
  padding?: Padding;
  useBias?: boolean;
  activation?: 'relu';
}

export const conv2d = (name: string, filters: number, kernel: number, args: ConvArgs = {}): Conv2D => ({
  kind: 'conv2d',
  name,
  filters,
  kernel,
  stride: args.stride ?? 1,
  padding: args.padding ?? 'same',
  useBias: args.useBias ?? true,
  ...(args.activation ? { activation: args.activation } : {}),
});

export const separableConv2d = (
  name: string,
  filters: number,
  kernel: number,
  args: ConvArgs & { depthMultiplier?: number } = {},
): SeparableConv2D => ({
  kind: 'separableConv2d',
  name,
  filters,
  kernel,
  stride: args.stride ?? 1,
  padding: args.padding ?? 'same',
  depthMultiplier: args.depthMultiplier ?? 1,
  useBias: args.useBias ?? true,
  ...(args.activation ? { activation: args.activation } : {}),
});

export const depthwiseConv2d = (
  name: string,
  kernel: number,
  args: Omit<ConvArgs, 'activation'> & { depthMultiplier?: number } = {},
): DepthwiseConv2D => ({
  kind: 'depthwiseConv2d',
  name,
  kernel,
  stride: args.stride ?? 1,
  padding: args.padding ?? 'same',
  depthMultiplier: args.depthMultiplier ?? 1,
  useBias: args.useBias ?? true,
});

/** Keras' default epsilon, also torchvision GoogLeNet's. */
export const batchNorm = (name: string, epsilon = 1e-3): BatchNorm => ({ kind: 'batchNorm', name, epsilon });

export const relu = (name: string) => ({ kind: 'relu', name }) as const;

export const maxPool = (name: string, size: number, stride: number, padding: Padding = 'same'): Pool => ({
  kind: 'maxPool',
  name,
  size,
  stride,
  padding,
});

export const avgPool = (name: string, size: number, stride: number, padding: Padding = 'same'): Pool => ({
  kind: 'avgPool',
  name,
  size,
  stride,
  padding,
});

export const dense = (name: string, units: number, activation?: 'relu' | 'softmax'): Dense => ({
  kind: 'dense',
  name,
  units,
  useBias: true,
  ...(activation ? { activation } : {}),
});

export const sequence = (id: string, children: readonly Node[], tap = false): Sequence =>
  tap ? { kind: 'sequence', id, children, tap } : { kind: 'sequence', id, children };

export const concat = (id: string, joinName: string, branches: readonly Sequence[]): Parallel => ({
  kind: 'concat',
  id,
  joinName,
  branches,
});

export const add = (id: string, joinName: string, branches: readonly Sequence[]): Parallel => ({
  kind: 'add',
  id,
  joinName,
  branches,
});

/** Scales a channel count by a width multiplier; never below one channel. */
export const scaled = (channels: number, width: number): number => Math.max(1, Math.round(channels * width));
