import { useEffect, useState } from 'react';
import { loadManifest } from '../../runtime/training/load-dataset';
import type { DatasetKey } from '../../runtime/training/protocol';

/**
 * The datasets whose manifest loads: the built-in digits always, CIFAR-10 once `npm run data`
 * wrote it (a missing file may come back as the dev server's index page, so the JSON is checked).
 */
export function useDatasets(): ReadonlySet<DatasetKey> {
  const [available, setAvailable] = useState<ReadonlySet<DatasetKey>>(() => new Set(['digits']));
  useEffect(() => {
    let live = true;
    loadManifest('cifar10').then(
      (manifest) => live && typeof manifest === 'object' && manifest.splits?.train && setAvailable(new Set(['digits', 'cifar10'])),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return available;
}
