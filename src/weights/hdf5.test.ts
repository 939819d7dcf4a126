// readFloat32 reads a dataset in slices of whole rows the same as in one piece (VGG16's 411 MB fc1
// kernel is read 16 MiB at a time, so the WASM heap never has to hold it whole).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Dataset, readFloat32, withHdf5File } from './hdf5.ts';

const bytes = new Uint8Array(readFileSync(new URL('./fixtures/keras3-weights.h5', import.meta.url)));

describe('readFloat32', () => {
  it('conv2d/kernel (3×3×2×3, rows of 18 values = 72 bytes) in slices of 2 rows equals it read whole', async () => {
    const { whole, sliced, reads } = await withHdf5File(bytes, (file) => {
      const dataset = file.get('conv2d/conv2d/kernel');
      if (!(dataset instanceof Dataset)) throw new Error('no dataset conv2d/conv2d/kernel');
      const reads: number[] = [];
      const sliced = readFloat32(dataset, [3, 3, 2, 3], (n) => reads.push(n), 150);
      return { whole: dataset.value, sliced, reads };
    });
    expect(reads).toEqual([2 * 72, 72]);
    expect(sliced).toEqual(whole);
    expect(sliced).toHaveLength(54);
  });
});
