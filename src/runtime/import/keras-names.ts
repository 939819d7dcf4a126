// Keras 2 numbered its automatic layer names from 1 (`conv2d_1`), Keras 3 starts with none
// (`conv2d`). Names never decide a mapping (that is by order, keras-match.ts): they name layers in
// messages and show whether a file's names are the ones Keras would write. How Keras names a
// network's own layers is the network's `keras` field (src/model/networks/contract.ts).

/** Keras' automatic layer names, which Keras 2 and Keras 3 number differently. */
const AUTOMATIC = /^(conv2d|batch_normalization|dense|separable_conv2d|depthwise_conv2d|add|activation)(?:_(\d+))?$/;

/** Keras 3's `conv2d`, `conv2d_3` as Keras 2 wrote them (`conv2d_1`, `conv2d_4`); any other name as it is. */
export function keras2Name(keras3: string): string {
  const match = AUTOMATIC.exec(keras3);
  if (!match) return keras3;
  return `${match[1]}_${Number(match[2] ?? 0) + 1}`;
}
