// The three convolution-gradient kernels tfjs-backend-wasm 4.22 lacks (Conv2DBackpropFilter,
// DepthwiseConv2dNativeBackpropFilter, DepthwiseConv2dNativeBackpropInput), so that training a
// conv net on WASM does not throw. Each is composed from kernels WASM has, called directly as
// kernel functions (as WASM's own kernels call each other), so intermediates never reach the
// engine and are freed with `disposeData`. The filter gradients run as SIMD loops of this
// project's own (wasm-simd.ts) where the module runs and they measured faster. Shapes are NHWC,
// as tfjs-layers uses.

import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
// Registers WASM's own kernels first: Transpose is wrapped, not replaced.
import '@tensorflow/tfjs-backend-wasm';
import { composed, frame, k, type Backend, type ExplicitPadding, type Kernel, type Keep, type WasmHeap } from './wasm-kernel-calls';
import { maxPoolGrad } from './wasm-max-pool-gradient';
import { samplePixels, splitVKernel } from './wasm-copies';
import { fasterTranspose, transposeInto } from './wasm-transpose';
import { fasterFusedBatchNorm, wasmBatchNormKernels } from './wasm-batch-norm';
import { heapOffsets, simdKernels, type SimdKernels } from './wasm-simd';

type Pad = 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;

interface Geometry {
  readonly kh: number;
  readonly kw: number;
  readonly sh: number;
  readonly sw: number;
  readonly oh: number;
  readonly ow: number;
  readonly top: number;
  readonly left: number;
}

function geometry(
  xShape: readonly number[],
  filterShape: readonly number[],
  strides: number | [number, number],
  dilations: number | [number, number],
  pad: Pad,
  dimRoundingMode: 'floor' | 'round' | 'ceil' | undefined,
  depthwise: boolean,
): Geometry {
  const info = tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    strides,
    dilations,
    pad,
    dimRoundingMode,
    depthwise,
  );
  if (info.dilationHeight !== 1 || info.dilationWidth !== 1) {
    throw new Error('Convolution gradients on WASM support dilation 1 only.');
  }
  return {
    kh: info.filterHeight,
    kw: info.filterWidth,
    sh: info.strideHeight,
    sw: info.strideWidth,
    oh: info.outHeight,
    ow: info.outWidth,
    top: info.padInfo.top,
    left: info.padInfo.left,
  };
}

/**
 * The input with the forward conv's padding written out, for the SIMD loops, which read every
 * window whole. Rows and columns past the last window are left in place (the loops never read
 * them): cutting them would copy the tensor.
 */
function paddedInput(backend: Backend, x: TensorInfo, g: Geometry, keep: Keep): TensorInfo {
  const [, h, w] = x.shape;
  const bottom = Math.max(0, (g.oh - 1) * g.sh + g.kh - h - g.top);
  const right = Math.max(0, (g.ow - 1) * g.sw + g.kw - w - g.left);
  if (g.top + bottom + g.left + right === 0) return x;
  const paddings = [[0, 0], [g.top, bottom], [g.left, right], [0, 0]];
  return keep(k.pad(backend, { x }, { paddings, constantValue: 0 }));
}

/**
 * The input framed as the forward conv saw it (its padding), and cut or extended so that the last
 * strided window ends exactly at its edge: height (oh − 1)·sh + kh, width (ow − 1)·sw + kw.
 */
function framedInput(backend: Backend, x: TensorInfo, g: Geometry, keep: Keep) {
  const [, h, w] = x.shape;
  const needH = (g.oh - 1) * g.sh + g.kh;
  const needW = (g.ow - 1) * g.sw + g.kw;
  return frame(backend, x, [g.top, needH - h - g.top, g.left, needW - w - g.left], keep);
}

/**
 * dy spread back over the input grid for the transposed convolution: zeros between rows and
 * columns for a stride above 1, then framed by (k − 1 − pad) so that a stride-1 conv with the
 * flipped filter gives exactly the input's height and width.
 */
function spreadOutputGradient(backend: Backend, dy: TensorInfo, g: Geometry, [n, h, w]: readonly number[], keep: Keep) {
  const channels = dy.shape[3];
  let spread = dy;
  if (g.sh > 1 || g.sw > 1) {
    // [n, oh, 1, ow, 1, c] padded to [n, oh, sh, ow, sw, c] is dy with zeros after each row and column.
    const expanded = keep(k.reshape(backend, { x: dy }, { shape: [n, g.oh, 1, g.ow, 1, channels] }));
    const zeros = [[0, 0], [0, 0], [0, g.sh - 1], [0, 0], [0, g.sw - 1], [0, 0]];
    const dilated = keep(k.pad(backend, { x: expanded }, { paddings: zeros, constantValue: 0 }));
    spread = keep(k.reshape(backend, { x: dilated }, { shape: [n, g.oh * g.sh, g.ow * g.sw, channels] }));
  }
  const top = g.kh - 1 - g.top;
  const left = g.kw - 1 - g.left;
  return frame(backend, spread, [top, h + g.kh - 1 - top - spread.shape[1], left, w + g.kw - 1 - left - spread.shape[2]], keep);
}

/** Attributes of a stride-1 NHWC conv with explicit padding. */
const stride1 = (pad: ExplicitPadding, dilations: [number, number] = [1, 1]) => ({ strides: [1, 1], pad, dataFormat: 'NHWC', dilations });

interface ConvAttrs {
  strides: [number, number] | number;
  pad: Pad;
  dataFormat?: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  dilations?: [number, number] | number;
}

function assertNhwc(kernel: string, dataFormat: string | undefined): void {
  if (dataFormat === 'NCHW') throw new Error(`${kernel} on WASM supports NHWC only.`);
}

/**
 * dW[i, j, ci, co] = Σ x[n, i + oh·s, j + ow·s, ci] · dy[n, oh, ow, co], computed as one conv:
 * the input transposed to [ci, H, W, n] convolved with dy transposed to [oh, ow, n, co] as the
 * filter, dilated by the stride. The MACs are the forward conv's, and XNNPACK runs them as a GEMM
 * (measured 3–4× faster than a matMul per kernel offset).
 */
const conv2DBackpropFilter: Kernel = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as ConvAttrs & {
    filterShape: [number, number, number, number];
  };
  assertNhwc('Conv2DBackpropFilter', dataFormat);
  return composed(backend, (keep) => {
    const g = geometry(x.shape, filterShape, strides, 1, pad, dimRoundingMode, false);
    const simd = directFilterGradientWins(g, x.shape[0]) ? simdKernels(backend) : null;
    if (simd) return simdConvFilterGradient(simd, backend, x, dy, g, keep);
    if (g.kh === 1 && g.kw === 1 && g.top === 0 && g.left === 0) return pointwiseFilterGradient(backend, x, dy, g, keep);
    // Transposing keeps H and W on axes 1 and 2, so the frame's padding still applies there.
    const framed = framedInput(backend, x, g, keep);
    const input = keep(k.transpose(backend, { x: framed.x }, { perm: [3, 1, 2, 0] }));
    const filter = keep(k.transpose(backend, { x: dy }, { perm: [1, 2, 0, 3] }));
    const conv = keep(k.conv2d(backend, { x: input, filter }, stride1(framed.pad, [g.sh, g.sw])));
    return k.transpose(backend, { x: conv }, { perm: [1, 2, 0, 3] });
  });
};

/**
 * Whether the direct SIMD loop (wasm-kernels/) beats the composed form on XNNPACK. Measured on the
 * filter gradients of both small networks, batch 32: the loop ran at 9–16 GMAC/s, 1.2–4.8× faster
 * (3x3 32→96 at 16×16: 14 ms against 36), except with few output pixels for the weights, where
 * XNNPACK's GEMM wins (32×2×2 pixels, 384→512 channels: 2.3 ms against 1.7).
 */
function directFilterGradientWins(g: Geometry, batch: number): boolean {
  return batch * g.oh * g.ow >= DIRECT_MIN_PIXELS;
}

const DIRECT_MIN_PIXELS = 256;

/** Output pixels per block of the SIMD filter gradient (PIXELS in wasm-kernels/training-kernels.ts): the scratch it needs. */
const PIXEL_BLOCK = 64;

/** The filter gradient as the SIMD loop of wasm-kernels/, on the input padded as the forward conv saw it. */
function simdConvFilterGradient(simd: SimdKernels, backend: Backend, x: TensorInfo, dy: TensorInfo, g: Geometry, keep: Keep): TensorInfo {
  const padded = paddedInput(backend, x, g, keep);
  const [n, h, w, ci] = padded.shape;
  const co = dy.shape[3];
  const heap = backend as unknown as WasmHeap;
  const dw = heap.makeOutput([g.kh, g.kw, ci, co], 'float32');
  const offsets = keep(heap.makeOutput([PIXEL_BLOCK], 'int32'));
  const at = heapOffsets(backend);
  simd.convFilterGradient(at(padded), at(dy), at(dw), at(offsets), n, h, w, ci, co, g.kh, g.kw, g.sh, g.sw, g.oh, g.ow);
  return dw;
}

/** A 1x1 conv's dW is xᵀ [ci, M] × dy [M, co]: one matMul (5× faster than the conv form, measured). */
function pointwiseFilterGradient(backend: Backend, x: TensorInfo, dy: TensorInfo, g: Geometry, keep: Keep): TensorInfo {
  const [n, , , ci] = x.shape;
  const co = dy.shape[3];
  const m = n * g.oh * g.ow;
  const sampled = g.sh === 1 && g.sw === 1 ? x : keep(samplePixels(backend, x, g.sh, g.sw, g.oh, g.ow));
  const xT = keep(k.transpose(backend, { x: keep(k.reshape(backend, { x: sampled }, { shape: [m, ci] })) }, { perm: [1, 0] }));
  const dyFlat = keep(k.reshape(backend, { x: dy }, { shape: [m, co] }));
  const product = keep(k.matMul(backend, { a: xT, b: dyFlat }, { transposeA: false, transposeB: false }));
  return k.reshape(backend, { x: product }, { shape: [1, 1, ci, co] });
}

/**
 * dx of a conv: the transposed convolution, a stride-1 conv of the spread dy with the filter
 * flipped and its channel axes swapped. WASM has its own Conv2DBackpropInput, but as a direct loop;
 * this form runs on XNNPACK and measured 5–9× faster, so it replaces it.
 */
const conv2DBackpropInput: Kernel = ({ inputs, backend, attrs }) => {
  const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs as unknown as ConvAttrs & {
    inputShape: [number, number, number, number];
  };
  assertNhwc('Conv2DBackpropInput', dataFormat);
  return composed(backend, (keep) => {
    const g = geometry(inputShape, filter.shape, strides, 1, pad, dimRoundingMode, false);
    const spread = spreadOutputGradient(backend, dy, g, inputShape, keep);
    return k.conv2d(backend, { x: spread.x, filter: keep(flippedSwapped(backend, filter)) }, stride1(spread.pad));
  });
};

/**
 * F'[i, j, co, ci] = F[kh − 1 − i, kw − 1 − j, ci, co]: one [ci, co] transpose per tap, in one
 * pass. WASM's Reverse alone measured 6 ms on a 1x1 filter of 384×512 (where the flip does
 * nothing); with this, that layer's input gradient went from 9.7 to 3.6 ms.
 */
function flippedSwapped(backend: Backend, filter: TensorInfo): TensorInfo {
  const [kh, kw, ci, co] = filter.shape;
  const heap = backend as unknown as WasmHeap;
  const out = heap.makeOutput([kh, kw, co, ci], filter.dtype);
  // Views after the allocation: growing the WASM memory would detach earlier ones.
  const [from, to] = [heap.typedArrayFromHeap(filter), heap.typedArrayFromHeap(out)];
  const tap = ci * co;
  for (let t = 0; t < kh * kw; t++) {
    const source = kh * kw - 1 - t; // (kh − 1 − i)·kw + (kw − 1 − j) for t = i·kw + j
    transposeInto(from.subarray(source * tap, (source + 1) * tap), [ci, co], [1, 0], to.subarray(t * tap, (t + 1) * tap));
  }
  return out;
}

/**
 * dW[i, j, c, m] = Σ x[n, i + oh·s, j + ow·s, c] · dy[n, oh, ow, c·mult + m], computed as one
 * depthwise conv with the batch folded into the channels: input [1, H, W, n·c], dy as the filter
 * [oh, ow, n·c, mult] dilated by the stride; then a sum over n.
 */
const depthwiseBackpropFilter: Kernel = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const { strides, pad, dimRoundingMode, dilations, filterShape } = attrs as unknown as ConvAttrs & {
    filterShape: [number, number, number, number];
  };
  return composed(backend, (keep) => {
    const g = geometry(x.shape, filterShape, strides, dilations ?? 1, pad, dimRoundingMode, true);
    const n = x.shape[0];
    const [c, mult] = [filterShape[2], filterShape[3]];
    const simd = mult === 1 ? simdKernels(backend) : null;
    if (simd) return simdDepthwiseFilterGradient(simd, backend, x, dy, g, keep);
    const framed = framedInput(backend, x, g, keep);
    const batchLast = keep(k.transpose(backend, { x: framed.x }, { perm: [1, 2, 0, 3] }));
    const input = keep(k.reshape(backend, { x: batchLast }, { shape: [1, framed.x.shape[1], framed.x.shape[2], n * c] }));
    const dyBatchLast = keep(k.transpose(backend, { x: dy }, { perm: [1, 2, 0, 3] }));
    const filter = keep(k.reshape(backend, { x: dyBatchLast }, { shape: [g.oh, g.ow, n * c, mult] }));
    const conv = keep(k.depthwise(backend, { x: input, filter }, stride1(framed.pad, [g.sh, g.sw])));
    const perImage = keep(k.reshape(backend, { x: conv }, { shape: [g.kh, g.kw, n, c * mult] }));
    const summed = keep(k.sum(backend, { x: perImage }, { axis: [2], keepDims: false }));
    return k.reshape(backend, { x: summed }, { shape: [g.kh, g.kw, c, mult] });
  });
};

/**
 * The same gradient (multiplier 1) as one SIMD loop over dy (wasm-kernels/): measured 8–11× faster
 * (3.5–4.2 GMAC/s) than the composed form, whose depthwise conv with a whole image as its filter
 * runs at about 0.4 GMAC/s.
 * The input is padded as the forward conv saw it, so that every window lies inside it.
 */
function simdDepthwiseFilterGradient(simd: SimdKernels, backend: Backend, x: TensorInfo, dy: TensorInfo, g: Geometry, keep: Keep): TensorInfo {
  const padded = paddedInput(backend, x, g, keep);
  const [n, h, w, c] = padded.shape;
  const heap = backend as unknown as WasmHeap;
  const dw = heap.makeOutput([g.kh, g.kw, c, 1], 'float32');
  const scratch = keep(heap.makeOutput([g.kh * g.kw * c], 'float32'));
  const at = heapOffsets(backend);
  simd.depthwiseFilterGradient(at(padded), at(dy), at(dw), at(scratch), n, h, w, c, g.kh, g.kw, g.sh, g.sw, g.oh, g.ow);
  return dw;
}

/** dx of a depthwise conv: the spread dy, a stride-1 depthwise conv with the filter flipped, summed over the multiplier. */
const depthwiseBackpropInput: Kernel = ({ inputs, backend, attrs }) => {
  const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
  const { strides, pad, dimRoundingMode, dilations, inputShape } = attrs as unknown as ConvAttrs & {
    inputShape: [number, number, number, number];
  };
  return composed(backend, (keep) => {
    const g = geometry(inputShape, filter.shape, strides, dilations ?? 1, pad, dimRoundingMode, true);
    const [n, h, w, c] = inputShape;
    const mult = filter.shape[3];
    const spread = spreadOutputGradient(backend, dy, g, inputShape, keep);
    const flipped = keep(k.reverse(backend, { x: filter }, { dims: [0, 1] }));
    const perChannel = keep(k.reshape(backend, { x: flipped }, { shape: [g.kh, g.kw, c * mult, 1] }));
    const conv = k.depthwise(backend, { x: spread.x, filter: perChannel }, stride1(spread.pad));
    if (mult === 1) return conv;
    const grouped = keep(k.reshape(backend, { x: keep(conv) }, { shape: [n, h, w, c, mult] }));
    return k.sum(backend, { x: grouped }, { axis: [4], keepDims: false });
  });
};

export const wasmGradientKernels: readonly KernelConfig[] = [
  { kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: conv2DBackpropFilter as unknown as KernelFunc },
  { kernelName: 'Conv2DBackpropInput', backendName: 'wasm', kernelFunc: conv2DBackpropInput as unknown as KernelFunc },
  { kernelName: 'DepthwiseConv2dNativeBackpropFilter', backendName: 'wasm', kernelFunc: depthwiseBackpropFilter as unknown as KernelFunc },
  { kernelName: 'DepthwiseConv2dNativeBackpropInput', backendName: 'wasm', kernelFunc: depthwiseBackpropInput as unknown as KernelFunc },
  // Replaces WASM's own, whose gradients are wrong for more than one channel (see wasm-max-pool-gradient.ts).
  { kernelName: 'MaxPoolGrad', backendName: 'wasm', kernelFunc: maxPoolGrad as unknown as KernelFunc },
  // Replaces WASM's own, a generic strided slice per part (see wasm-copies.ts).
  splitVKernel,
  // BatchNorm's training statistics and gradient as SIMD passes (see wasm-batch-norm.ts).
  ...wasmBatchNormKernels,
];

let registered = false;

/**
 * Registers the kernels (once), replacing WASM's slow Conv2DBackpropInput, its wrong MaxPoolGrad,
 * its Transpose with one faster on 2-D permutations (the gradient kernels transpose activations)
 * and its FusedBatchNorm with a SIMD pass.
 */
export function registerWasmGradients(): void {
  if (registered) return;
  registered = true;
  const wasmOwn = (name: string) => {
    const config = tf.getKernel(name, 'wasm');
    if (!config) throw new Error(`The WASM backend has no ${name} kernel.`);
    return config;
  };
  const faster = [fasterTranspose(wasmOwn('Transpose')), fasterFusedBatchNorm(wasmOwn('FusedBatchNorm'))];
  for (const config of [...wasmGradientKernels, ...faster]) {
    if (tf.getKernel(config.kernelName, 'wasm')) tf.unregisterKernel(config.kernelName, 'wasm');
    tf.registerKernel(config);
  }
}
