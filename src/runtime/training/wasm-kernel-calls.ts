// Kernels of the WASM backend called directly as kernel functions (as WASM's own kernels call
// each other), for gradient kernels composed from them: intermediates never reach the engine and
// are freed with `disposeData`. Shapes are NHWC, as tfjs-layers uses.

import * as tf from '@tensorflow/tfjs';
import type { DataType, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';

export type Backend = tf.KernelBackend;

/** A tensor's data as a view of the WASM heap. */
export type HeapArray = Float32Array | Int32Array | Uint8Array;

/** The parts of tfjs-backend-wasm's BackendWasm that kernels written in JavaScript use. */
export interface WasmHeap {
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  /** A view of a tensor's data in the WASM heap; made after every allocation (growing the heap detaches views). */
  typedArrayFromHeap(t: TensorInfo): HeapArray;
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

/** Explicit zero padding of an NHWC conv's input: [[0, 0], [top, bottom], [left, right], [0, 0]]. */
export type ExplicitPadding = [[0, 0], [number, number], [number, number], [0, 0]];

/**
 * An NHWC tensor with sides added (positive) or cut (negative) on its two spatial axes, for a
 * conv: cuts are made here, additions become the conv's explicit padding, which XNNPACK applies
 * without copying the tensor.
 */
export function frame(
  backend: Backend,
  x: TensorInfo,
  [top, bottom, left, right]: readonly [number, number, number, number],
  keep: Keep,
): { x: TensorInfo; pad: ExplicitPadding } {
  let cropped = x;
  const [n, h, w, c] = x.shape;
  const [cutTop, cutBottom, cutLeft, cutRight] = [top, bottom, left, right].map((side) => Math.max(0, -side));
  if (cutTop + cutBottom + cutLeft + cutRight > 0) {
    cropped = keep(
      k.slice(backend, { x }, { begin: [0, cutTop, cutLeft, 0], size: [n, h - cutTop - cutBottom, w - cutLeft - cutRight, c] }),
    );
  }
  const add = (side: number) => Math.max(0, side);
  return { x: cropped, pad: [[0, 0], [add(top), add(bottom)], [add(left), add(right)], [0, 0]] };
}
