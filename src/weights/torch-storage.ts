// Torch's storages and tensors as the pickle names them, and the step from a storage's raw
// little-endian bytes to a tensor's own row-major typed array (views, offsets and strides
// applied; float16 and bfloat16 widened to float32).

import type { TensorData, TensorDType, WeightTensor } from './state-dict.ts';
import { WeightFileError } from './weight-file-error.ts';

/** A `torch.<X>Storage` class: the element type and size it stands for. */
export interface StorageType {
  name: string;
  dtype: TensorDType;
  bytes: number;
}

const STORAGE_TYPES: Record<string, [TensorDType, number]> = {
  FloatStorage: ['float32', 4], HalfStorage: ['float16', 2], BFloat16Storage: ['bfloat16', 2],
  DoubleStorage: ['float64', 8], LongStorage: ['int64', 8], IntStorage: ['int32', 4],
  ShortStorage: ['int16', 2], CharStorage: ['int8', 1], ByteStorage: ['uint8', 1], BoolStorage: ['bool', 1],
};

/** The storage type `torch.<name>`, or undefined for one this reader does not know. */
export function storageType(name: string): StorageType | undefined {
  const known = Object.hasOwn(STORAGE_TYPES, name) ? STORAGE_TYPES[name] : undefined;
  return known && { name: `torch.${name}`, dtype: known[0], bytes: known[1] };
}

/** Every storage type this reader knows, for messages. */
export const STORAGE_TYPE_NAMES = Object.keys(STORAGE_TYPES).map((n) => `torch.${n}`);

/** A persistent id's storage: which data record, its type, and the elements this reference spans. */
export interface StorageRef {
  key: string;
  type: StorageType;
  /** Elements before this reference starts (a legacy storage view), and how many it holds. */
  elementOffset: number;
  numel: number;
}

/** A tensor as `_rebuild_tensor(_v2)` describes it: where its elements are in a storage. */
export class TensorRef {
  constructor(
    readonly storage: StorageRef,
    readonly offset: number,
    readonly shape: readonly number[],
    readonly stride: readonly number[],
  ) {}
}

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Bytes of tensor data a reference makes: numel × element size. */
export function tensorBytes(ref: TensorRef): number {
  return ref.shape.reduce((a, b) => a * b, 1) * ref.storage.type.bytes;
}

/** The tensor `key` refers to, made from its storage's bytes (`storageBytes`: the whole data record). */
export function materialise(key: string, ref: TensorRef, storageBytes: Uint8Array): WeightTensor {
  if (!LITTLE_ENDIAN_HOST) throw new Error('the .pth reader needs a little-endian machine');
  const { shape, stride, offset, storage } = ref;
  const numel = shape.reduce((a, b) => a * b, 1);
  const extent = numel === 0 ? 0 : offset + shape.reduce((s, n, i) => s + (n - 1) * stride[i], 0) + 1;
  const where = `tensor "${key}" (shape [${shape.join(', ')}], strides [${stride.join(', ')}], offset ${offset})`;
  if (extent > storage.numel) {
    throw new WeightFileError(`${where} needs ${extent.toLocaleString('en-US')} elements of storage "${storage.key}", which has ${storage.numel.toLocaleString('en-US')}`);
  }
  const size = storage.type.bytes;
  const first = (storage.elementOffset + offset) * size;
  const last = (storage.elementOffset + extent) * size;
  if (numel > 0 && last > storageBytes.length) {
    throw new WeightFileError(`${where}: storage "${storage.key}" holds ${storageBytes.length.toLocaleString('en-US')} bytes, the tensor needs ${last.toLocaleString('en-US')}: the file is damaged or truncated`);
  }
  // slice() copies into a new, aligned buffer: the tensor owns its values, the file can go.
  const region = decode(storage.type.dtype, storageBytes.slice(first, numel > 0 ? last : first).buffer);
  const contiguous = shape.every((_, i) => shape[i] === 1 || stride[i] === shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const data = contiguous ? region.subarray(0, numel) : gather(region, shape, stride, numel);
  return { shape: [...shape], dtype: storage.type.dtype, data };
}

function decode(dtype: TensorDType, buffer: ArrayBuffer): TensorData {
  switch (dtype) {
    case 'float32': return new Float32Array(buffer);
    case 'float64': return new Float64Array(buffer);
    case 'int64': return new BigInt64Array(buffer);
    case 'int32': return new Int32Array(buffer);
    case 'int16': return new Int16Array(buffer);
    case 'int8': return new Int8Array(buffer);
    case 'uint8': case 'bool': return new Uint8Array(buffer);
    case 'float16': return widen(new Uint16Array(buffer), halfBits);
    case 'bfloat16': return widen(new Uint16Array(buffer), (b) => b << 16);
  }
}

function widen(halves: Uint16Array, bits: (h: number) => number): Float32Array {
  const out = new Uint32Array(halves.length);
  for (let i = 0; i < halves.length; i++) out[i] = bits(halves[i]);
  return new Float32Array(out.buffer);
}

/** The float32 bit pattern of an IEEE half (every half is exactly a float32). */
function halfBits(h: number): number {
  const sign = (h & 0x8000) << 16;
  const e = (h >> 10) & 0x1f;
  let m = h & 0x3ff;
  if (e === 0x1f) return sign | 0x7f800000 | (m << 13); // infinity, NaN
  if (e !== 0) return sign | ((e + 112) << 23) | (m << 13);
  if (m === 0) return sign; // ±0
  let exp = 113; // a subnormal half is a normal float32: shift the leading 1 out
  while (!(m & 0x400)) {
    m <<= 1;
    exp--;
  }
  return sign | (exp << 23) | ((m & 0x3ff) << 13);
}

/** The elements of a strided view, in row-major order. */
function gather(src: TensorData, shape: readonly number[], stride: readonly number[], numel: number): TensorData {
  const out = new (src.constructor as new (n: number) => TensorData)(numel) as unknown as { [i: number]: unknown };
  const from = src as unknown as { [i: number]: unknown };
  const index = shape.map(() => 0);
  let s = 0;
  for (let i = 0; i < numel; i++) {
    out[i] = from[s];
    for (let d = shape.length - 1; d >= 0; d--) {
      index[d]++;
      s += stride[d];
      if (index[d] < shape[d]) break;
      s -= stride[d] * shape[d];
      index[d] = 0;
    }
  }
  return out as unknown as TensorData;
}
