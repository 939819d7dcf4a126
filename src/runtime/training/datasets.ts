// Where the training datasets are served (image-set form, see data/image-set.ts). No tfjs: the
// page reads this too, to offer the datasets and to draw validation images.

import type { DatasetKey } from './protocol';

export interface DatasetSource {
  readonly key: DatasetKey;
  readonly label: string;
  /** Folder of manifest.json, train.bin and test.bin, from the site's root. */
  readonly base: string;
  /** Shown when the dataset is not there. */
  readonly missingHint?: string;
}

export const DATASETS: readonly DatasetSource[] = [
  { key: 'digits', label: 'Digits (built in, 32×32 grey)', base: '/datasets/digits/' },
  { key: 'cifar10', label: 'CIFAR-10 (32×32 colour)', base: '/data/cifar10/', missingHint: 'run npm run data -- --from DIR' },
];

export function datasetSource(key: DatasetKey): DatasetSource {
  const source = DATASETS.find((d) => d.key === key);
  if (!source) throw new Error(`unknown dataset "${key}"`);
  return source;
}
