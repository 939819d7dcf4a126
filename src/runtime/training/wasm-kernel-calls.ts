// Kernels of the WASM backend called directly as kernel functions (as WASM's own kernels call
// each other), for gradient kernels composed from them: intermediates never reach the engine and
// are freed with `disposeData`. Shapes are NHWC, as tfjs-layers uses.

import * as tf from '@tensorflow/tfjs';
import type { DataType, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';

export type Backend = tf.KernelBackend;

/** The parts of tfjs-backend-wasm's BackendWasm that kernels written in JavaScript use. */
export interface WasmHeap {
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  /** A view of a tensor's data in the WASM heap; made after every allocation (growing the heap detaches views). */
  typedArrayFromHeap(t: TensorInfo): Float32Array | Int32Array | Uint8Array;
}

/** A kernel function of the WASM backend, called directly. */
export function wasmKernel(name: string): (backend: Backend, inputs: Record<string, TensorInfo>, attrs?: object) => TensorInfo {
  return (backend, inputs, attrs = {}) => {
    const config = tf.getKernel(name, 'wasm');
    if (!config) throw new Error(`The WASM backend has no ${name} kernel.`);
    return config.kernelFunc({ inputs, backend, attrs: attrs as NamedAttrMap }) as TensorInfo;
  };
}

export const k = {
  reshape: wasmKernel('Reshape'),
  transpose: wasmKernel('Transpose'),
  pad: wasmKernel('PadV2'),
  slice: wasmKernel('Slice'),
  sum: wasmKernel('Sum'),
  matMul: wasmKernel('BatchMatMul'),
  conv2d: wasmKernel('Conv2D'),
  reverse: wasmKernel('Reverse'),
  depthwise: wasmKernel('DepthwiseConv2dNative'),
};

/** A kernel function as the WASM backend calls it. */
export type Kernel = (args: { inputs: Record<string, TensorInfo>; backend: Backend; attrs: NamedAttrMap }) => TensorInfo;

export type Keep = <T extends TensorInfo>(t: T) => T;

/** Runs `body` with a tracker; every intermediate it registers is freed afterwards, the result kept. */
export function composed(backend: Backend, body: (keep: Keep) => TensorInfo): TensorInfo {
  const made: TensorInfo[] = [];
  const result = body((t) => {
    made.push(t);
    return t;
  });
  // Reshapes share their input's data and hold a reference, so each kept info releases one.
  for (const t of made) if (t !== result) backend.disposeData(t.dataId);
  return result;
}

/** Pads (positive) or crops (negative) the two spatial axes of an NHWC tensor. */
export function padOrCrop(
  backend: Backend,
  x: TensorInfo,
  [top, bottom, left, right]: readonly [number, number, number, number],
  keep: Keep,
): TensorInfo {
  let out = x;
  const [n, h, w, c] = x.shape;
  const cropTop = Math.max(0, -top);
  const cropBottom = Math.max(0, -bottom);
  const cropLeft = Math.max(0, -left);
  const cropRight = Math.max(0, -right);
  if (cropTop + cropBottom + cropLeft + cropRight > 0) {
    out = keep(
      k.slice(backend, { x: out }, { begin: [0, cropTop, cropLeft, 0], size: [n, h - cropTop - cropBottom, w - cropLeft - cropRight, c] }),
    );
  }
  const padding = [Math.max(0, top), Math.max(0, bottom), Math.max(0, left), Math.max(0, right)];
  if (padding.some((p) => p > 0)) {
    const paddings = [
      [0, 0],
      [padding[0], padding[1]],
      [padding[2], padding[3]],
      [0, 0],
    ];
    out = keep(k.pad(backend, { x: out }, { paddings, constantValue: 0 }));
  }
  return out;
}
