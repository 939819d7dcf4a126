// Named configurations worth comparing: the published networks and the variants that isolate one
// idea each. The compare view plots them all, so each one has to say what it shows in its label.

import type { NetworkName } from './types';

export interface CatalogEntry {
  /** Stable id, usable in a URL. */
  readonly id: string;
  /** Short enough to print next to a point of a scatter plot. */
  readonly label: string;
  readonly network: NetworkName;
  /** Applied before `options`, as `configure(network, options, preset)` does. */
  readonly preset?: string;
  /** Option overrides as text, keyed as on the command line. */
  readonly options: Readonly<Record<string, string>>;
}

export const catalog: readonly CatalogEntry[] = [
  { id: 'googlenet-paper', label: 'GoogLeNet paper', network: 'googlenet', preset: 'paper', options: {} },
  { id: 'googlenet-torchvision', label: 'GoogLeNet torchvision', network: 'googlenet', preset: 'torchvision', options: {} },
  {
    id: 'googlenet-torchvision-aux',
    label: 'GoogLeNet torchvision + aux',
    network: 'googlenet',
    preset: 'torchvision',
    options: { aux: 'on' },
  },
  { id: 'googlenet-no-reduce', label: 'GoogLeNet no 1x1 reduce', network: 'googlenet', options: { inception: 'no-reduce' } },
  { id: 'googlenet-naive', label: 'GoogLeNet naive (Fig. 2a)', network: 'googlenet', options: { inception: 'naive' } },
  { id: 'googlenet-separable-stem', label: 'GoogLeNet separable stem', network: 'googlenet', options: { stem: 'separable' } },
  { id: 'googlenet-3x3-3x3', label: 'GoogLeNet 3x3-3x3', network: 'googlenet', options: { branch5x5: '3x3-3x3' } },
  { id: 'xception-keras', label: 'Xception Keras', network: 'xception', preset: 'keras', options: {} },
  { id: 'xception-regular', label: 'Xception regular convs', network: 'xception', options: { conv: 'regular' } },
  { id: 'xception-pointwise-first', label: 'Xception pointwise-first', network: 'xception', options: { order: 'pointwise-first' } },
  { id: 'xception-no-residual', label: 'Xception no residual', network: 'xception', options: { residual: 'off' } },
  { id: 'xception-middle-0', label: 'Xception middle=0', network: 'xception', options: { middle: '0' } },
  { id: 'xception-middle-4', label: 'Xception middle=4', network: 'xception', options: { middle: '4' } },
  { id: 'xception-middle-16', label: 'Xception middle=16', network: 'xception', options: { middle: '16' } },
  { id: 'vgg-11', label: 'VGG-11 (A)', network: 'vgg', preset: 'vgg11', options: {} },
  { id: 'vgg-13', label: 'VGG-13 (B)', network: 'vgg', preset: 'vgg13', options: {} },
  { id: 'vgg-16', label: 'VGG-16 (D)', network: 'vgg', preset: 'vgg16', options: {} },
  { id: 'vgg-19', label: 'VGG-19 (E)', network: 'vgg', preset: 'vgg19', options: {} },
  { id: 'vgg-16-bn', label: 'VGG-16 + BatchNorm', network: 'vgg', preset: 'vgg16', options: { bn: 'on' } },
  { id: 'vgg-a-lrn', label: 'VGG-11 + LRN (A-LRN)', network: 'vgg', options: { config: 'A-LRN' } },
  { id: 'vgg-c', label: 'VGG-16 with 1x1s (C)', network: 'vgg', options: { config: 'C' } },
  { id: 'resnet-18', label: 'ResNet-18', network: 'resnet', preset: 'torchvision', options: { depth: '18' } },
  { id: 'resnet-34', label: 'ResNet-34', network: 'resnet', preset: 'torchvision', options: { depth: '34' } },
  { id: 'resnet-50', label: 'ResNet-50', network: 'resnet', preset: 'torchvision', options: {} },
  { id: 'resnet-101', label: 'ResNet-101', network: 'resnet', preset: 'torchvision', options: { depth: '101' } },
  { id: 'resnet-152', label: 'ResNet-152', network: 'resnet', preset: 'torchvision', options: { depth: '152' } },
  { id: 'resnet-50-keras', label: 'ResNet-50 Keras', network: 'resnet', preset: 'keras', options: {} },
  { id: 'resnet-34-plain', label: 'Plain-34 (no shortcuts)', network: 'resnet', preset: 'paper', options: { depth: '34', residual: 'off' } },
  { id: 'resnet-50-preact', label: 'ResNet-50 pre-activation', network: 'resnet', options: { preact: 'on' } },
];

/** The entry with this id, if any. */
export const catalogEntry = (id: string): CatalogEntry | undefined => catalog.find((entry) => entry.id === id);
