// What a weights reader returns: named tensors in the file's order, as plain typed arrays, so the
// mapper, the worker and Node use them alike.

/** The element types a tensor can have in a file (the types torch's storages name). */
export type TensorDType = 'float64' | 'float32' | 'float16' | 'bfloat16' | 'int64' | 'int32' | 'int16' | 'int8' | 'uint8' | 'bool';

/** A tensor's values, row-major. float16 and bfloat16 arrive as Float32Array (exactly: every
 * half and bfloat16 value is a float32), bool as Uint8Array (0 or 1). */
export type TensorData = Float64Array | Float32Array | BigInt64Array | Int32Array | Int16Array | Int8Array | Uint8Array;

/** One named array of a weights file: its shape, its dtype in the file, its values in row-major order. */
export interface WeightTensor {
  shape: number[];
  dtype: TensorDType;
  data: TensorData;
}

/** The tensors of a file by key, in the file's order. */
export type TensorMap = Map<string, WeightTensor>;

/** A state dict as read from a file. */
export interface StateDict {
  tensors: TensorMap;
  /** Set when the file is a training checkpoint: the key its state dict was under ("state_dict", "model"). */
  wasCheckpoint?: string;
}

/** How much a reader may allocate, and how it reports progress. */
export interface ReadOptions {
  /** The largest file, and the most bytes a reader unpacks from it (default 1 GiB). */
  maxBytes?: number;
  /** Called as tensors are made: bytes of tensor data done so far, of the total. */
  onProgress?: (doneBytes: number, totalBytes: number) => void;
}

/** 1 GiB: above torchvision's largest ImageNet file (vgg19_bn, 548 MB), below what a tab can hold twice. */
export const DEFAULT_MAX_BYTES = 1024 ** 3;
