import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../data/batches';
import { simplifyPermutation, transposeInto } from './wasm-transpose';

/** out[i₀…] = x[…] the obvious way: one output index at a time. */
function naiveTranspose(x: Float32Array, shape: readonly number[], perm: readonly number[]): Float32Array {
  const outShape = perm.map((a) => shape[a]);
  const strides = shape.map((_, a) => shape.slice(a + 1).reduce((p, n) => p * n, 1));
  const out = new Float32Array(x.length);
  const index = new Array<number>(shape.length).fill(0);
  for (let o = 0; o < out.length; o++) {
    let rest = o;
    for (let a = outShape.length - 1; a >= 0; a--) {
      index[a] = rest % outShape[a];
      rest = Math.floor(rest / outShape[a]);
    }
    out[o] = x[perm.reduce((at, inAxis, a) => at + index[a] * strides[inAxis], 0)];
  }
  return out;
}

function permutations(n: number): number[][] {
  if (n === 1) return [[0]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]));
}

describe('transposeInto', () => {
  const random = seededRandom(3);
  const shapes = [[5], [7, 33], [40, 3], [2, 3, 4], [1, 35, 2], [3, 1, 5, 37], [2, 6, 7, 3], [4, 1, 1, 9], [2, 3, 1, 4, 2]];
  for (const shape of shapes) {
    it(`matches a one-index-at-a-time transpose for every permutation of ${shape.join('×')}`, () => {
      const x = Float32Array.from({ length: shape.reduce((p, n) => p * n, 1) }, () => random());
      for (const perm of permutations(shape.length)) {
        const out = new Float32Array(x.length);
        transposeInto(x, shape, perm, out);
        expect(Array.from(out), perm.join(',')).toEqual(Array.from(naiveTranspose(x, shape, perm)));
      }
    });
  }

  it('transposes an int32 tensor and an empty one', () => {
    const out = new Int32Array(6);
    transposeInto(Int32Array.from([1, 2, 3, 4, 5, 6]), [2, 3], [1, 0], out);
    expect(Array.from(out)).toEqual([1, 4, 2, 5, 3, 6]);
    expect(() => transposeInto(new Float32Array(0), [0, 3], [1, 0], new Float32Array(0))).not.toThrow();
  });
});

describe('simplifyPermutation', () => {
  it('drops axes of size 1 and merges axes that stay neighbours', () => {
    // NHWC → CHWN: H and W stay together.
    expect(simplifyPermutation([32, 16, 16, 96], [3, 1, 2, 0])).toEqual({ shape: [32, 256, 96], perm: [2, 1, 0] });
    // NHWC → HWNC: a swap of [N] and [H·W] with C carried along.
    expect(simplifyPermutation([32, 16, 16, 96], [1, 2, 0, 3])).toEqual({ shape: [32, 256, 96], perm: [1, 0, 2] });
    expect(simplifyPermutation([1, 8, 1, 4], [3, 2, 1, 0])).toEqual({ shape: [8, 4], perm: [1, 0] });
    expect(simplifyPermutation([2, 3, 4], [0, 1, 2])).toEqual({ shape: [24], perm: [0] });
    expect(simplifyPermutation([1, 1], [1, 0])).toEqual({ shape: [1], perm: [0] });
  });
});
