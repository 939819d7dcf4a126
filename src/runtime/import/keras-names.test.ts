// Keras 2's numbering of Keras' automatic layer names, against Keras 3's.

import { describe, expect, it } from 'vitest';
import { keras2Name } from './keras-names';

describe('keras2Name', () => {
  it('numbers automatic names from 1 as Keras 2 did, and leaves given names alone', () => {
    expect(['conv2d', 'conv2d_3', 'batch_normalization', 'batch_normalization_2', 'add_11', 'block1_conv1', 'predictions', 'conv2d_x'].map(keras2Name)).toEqual([
      'conv2d_1',
      'conv2d_4',
      'batch_normalization_1',
      'batch_normalization_3',
      'add_12',
      'block1_conv1',
      'predictions',
      'conv2d_x',
    ]);
  });
});
