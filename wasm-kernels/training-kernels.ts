// Training kernels tfjs-backend-wasm 4.22 lacks or runs slowly, in AssemblyScript compiled to
// WebAssembly SIMD (`npm run build:wasm-kernels`). The module imports tfjs-backend-wasm's own
// memory, so it reads and writes tensors where they lie: every pointer is a byte offset on that
// heap, every tensor float32, channels last. It has no data segment and never allocates (a test
// checks), so instantiating it writes nothing into memory that belongs to tfjs; scratch space is
// a tensor the caller allocates.
//
// Loops run over 4 channels at a time (f32x4) with a scalar tail when the channel count is not a
// multiple of 4. Sums over many pixels are accumulated per block (an image, or BLOCK rows) and
// then added to the total, which keeps float32 rounding close to a pairwise sum.

const F32: usize = 4;
const LANES: i32 = 4;
const BLOCK: i32 = 256;

@inline function zero(ptr: usize, floats: i32): void {
  memory.fill(ptr, 0, <usize>floats * F32);
}

/** to[i] += from[i] for i < count. */
function addInto(to: usize, from: usize, count: i32): void {
  let i = 0;
  for (; i + LANES <= count; i += LANES) {
    const at = <usize>i * F32;
    v128.store(to + at, f32x4.add(v128.load(to + at), v128.load(from + at)));
  }
  for (; i < count; i++) {
    const at = <usize>i * F32;
    store<f32>(to + at, load<f32>(to + at) + load<f32>(from + at));
  }
}

/** acc[i] += a[i]·b[i] for i < count. */
@inline function multiplyAdd(acc: usize, a: usize, b: usize, count: i32): void {
  let i = 0;
  for (; i + LANES <= count; i += LANES) {
    const at = <usize>i * F32;
    v128.store(acc + at, f32x4.add(v128.load(acc + at), f32x4.mul(v128.load(a + at), v128.load(b + at))));
  }
  for (; i < count; i++) {
    const at = <usize>i * F32;
    store<f32>(acc + at, load<f32>(acc + at) + load<f32>(a + at) * load<f32>(b + at));
  }
}

/**
 * The filter gradient of a depthwise conv with channel multiplier 1:
 * dw[i, j, ch] = Σ x[b, oy·sh + i, ox·sw + j, ch] · dy[b, oy, ox, ch].
 * x [n, h, w, c] is already padded as the forward conv saw it, so every window lies inside it.
 * scratch holds kh·kw·c floats (one image's sums).
 */
export function depthwiseFilterGradient(
  x: usize, dy: usize, dw: usize, scratch: usize,
  n: i32, h: i32, w: i32, c: i32, kh: i32, kw: i32, sh: i32, sw: i32, oh: i32, ow: i32,
): void {
  const taps = kh * kw;
  const row = <usize>c * F32;
  zero(dw, taps * c);
  for (let b = 0; b < n; b++) {
    zero(scratch, taps * c);
    const image = x + <usize>b * <usize>h * <usize>w * row;
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++) {
        const grad = dy + ((<usize>b * <usize>oh + <usize>oy) * <usize>ow + <usize>ox) * row;
        const corner = image + (<usize>(oy * sh) * <usize>w + <usize>(ox * sw)) * row;
        if (kh === 3 && kw === 3) {
          windowGradient3x3(corner, grad, scratch, w, c);
        } else {
          for (let i = 0; i < kh; i++) {
            for (let j = 0; j < kw; j++) {
              multiplyAdd(scratch + <usize>(i * kw + j) * row, corner + (<usize>i * <usize>w + <usize>j) * row, grad, c);
            }
          }
        }
      }
    }
    addInto(dw, scratch, taps * c);
  }
}

/** One output pixel's share of a 3x3 filter gradient, its dy loaded once per 4 channels. */
@inline function windowGradient3x3(corner: usize, grad: usize, acc: usize, w: i32, c: i32): void {
  const pixel = <usize>c * F32;
  const line = <usize>w * pixel;
  const tap = pixel; // taps are laid out [3, 3, c], so tap t starts t·c floats into acc
  let ch = 0;
  for (; ch + LANES <= c; ch += LANES) {
    const at = <usize>ch * F32;
    const g = v128.load(grad + at);
    const a = acc + at;
    const top = corner + at;
    const middle = top + line;
    const bottom = middle + line;
    v128.store(a, f32x4.add(v128.load(a), f32x4.mul(v128.load(top), g)));
    v128.store(a + tap, f32x4.add(v128.load(a + tap), f32x4.mul(v128.load(top + pixel), g)));
    v128.store(a + 2 * tap, f32x4.add(v128.load(a + 2 * tap), f32x4.mul(v128.load(top + 2 * pixel), g)));
    v128.store(a + 3 * tap, f32x4.add(v128.load(a + 3 * tap), f32x4.mul(v128.load(middle), g)));
    v128.store(a + 4 * tap, f32x4.add(v128.load(a + 4 * tap), f32x4.mul(v128.load(middle + pixel), g)));
    v128.store(a + 5 * tap, f32x4.add(v128.load(a + 5 * tap), f32x4.mul(v128.load(middle + 2 * pixel), g)));
    v128.store(a + 6 * tap, f32x4.add(v128.load(a + 6 * tap), f32x4.mul(v128.load(bottom), g)));
    v128.store(a + 7 * tap, f32x4.add(v128.load(a + 7 * tap), f32x4.mul(v128.load(bottom + pixel), g)));
    v128.store(a + 8 * tap, f32x4.add(v128.load(a + 8 * tap), f32x4.mul(v128.load(bottom + 2 * pixel), g)));
  }
  for (; ch < c; ch++) {
    const at = <usize>ch * F32;
    const g = load<f32>(grad + at);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const a = acc + <usize>(i * 3 + j) * tap + at;
        store<f32>(a, load<f32>(a) + load<f32>(corner + <usize>i * line + <usize>j * pixel + at) * g);
      }
    }
  }
}

/** mean[ch] and (biased) variance[ch] of x [m, c] over its m rows, in two passes. scratch: c floats. */
export function batchNormStatistics(x: usize, m: i32, c: i32, mean: usize, variance: usize, scratch: usize): void {
  const inverseCount = <f32>1 / <f32>m;
  columnSums(x, m, c, 0, mean, scratch);
  scaleInPlace(mean, c, inverseCount);
  columnSums(x, m, c, mean, variance, scratch);
  scaleInPlace(variance, c, inverseCount);
}

/** sums[ch] = Σ x[r, ch] over the m rows of x [m, c]; with a `center`, Σ (x[r, ch] − center[ch])². */
function columnSums(x: usize, m: i32, c: i32, center: usize, sums: usize, scratch: usize): void {
  const row = <usize>c * F32;
  zero(sums, c);
  for (let first = 0; first < m; first += BLOCK) {
    const last = min(first + BLOCK, m);
    zero(scratch, c);
    for (let r = first; r < last; r++) {
      if (center === 0) addInto(scratch, x + <usize>r * row, c);
      else squaredDeviationInto(scratch, x + <usize>r * row, center, c);
    }
    addInto(sums, scratch, c);
  }
}

/** acc[ch] += (values[ch] − center[ch])². */
@inline function squaredDeviationInto(acc: usize, values: usize, center: usize, c: i32): void {
  let ch = 0;
  for (; ch + LANES <= c; ch += LANES) {
    const at = <usize>ch * F32;
    const d = f32x4.sub(v128.load(values + at), v128.load(center + at));
    v128.store(acc + at, f32x4.add(v128.load(acc + at), f32x4.mul(d, d)));
  }
  for (; ch < c; ch++) {
    const at = <usize>ch * F32;
    const d = load<f32>(values + at) - load<f32>(center + at);
    store<f32>(acc + at, load<f32>(acc + at) + d * d);
  }
}

function scaleInPlace(v: usize, count: i32, factor: f32): void {
  for (let i = 0; i < count; i++) store<f32>(v + <usize>i * F32, load<f32>(v + <usize>i * F32) * factor);
}

/** out = (x − mean[ch])·scale[ch] + shift[ch] + along[ch]·more, over the m rows of x [m, c] (more may be 0). */
function centeredAffineRows(
  x: usize, more: usize, m: i32, c: i32, mean: usize, scale: usize, shift: usize, along: usize, out: usize,
): void {
  const row = <usize>c * F32;
  for (let r = 0; r < m; r++) {
    const offset = <usize>r * row;
    let ch = 0;
    for (; ch + LANES <= c; ch += LANES) {
      const at = <usize>ch * F32;
      let v = f32x4.add(f32x4.mul(f32x4.sub(v128.load(x + offset + at), v128.load(mean + at)), v128.load(scale + at)), v128.load(shift + at));
      if (more !== 0) v = f32x4.add(v, f32x4.mul(v128.load(more + offset + at), v128.load(along + at)));
      v128.store(out + offset + at, v);
    }
    for (; ch < c; ch++) {
      const at = <usize>ch * F32;
      let v = (load<f32>(x + offset + at) - load<f32>(mean + at)) * load<f32>(scale + at) + load<f32>(shift + at);
      if (more !== 0) v += load<f32>(more + offset + at) * load<f32>(along + at);
      store<f32>(out + offset + at, v);
    }
  }
}

@inline function reciprocalDeviation(variance: usize, at: usize, epsilon: f32): f32 {
  return <f32>1 / sqrt<f32>(load<f32>(variance + at) + epsilon);
}

/**
 * y = γ·(x − μ)/√(σ² + ε) + β over x [m, c], as (x − μ)·scale + β with scale = γ/√(σ² + ε) per
 * channel (tf.batchNorm's arithmetic). scratch: c floats.
 */
export function batchNormForward(
  x: usize, m: i32, c: i32, mean: usize, variance: usize, gamma: usize, beta: usize, epsilon: f32, y: usize, scratch: usize,
): void {
  for (let ch = 0; ch < c; ch++) {
    const at = <usize>ch * F32;
    store<f32>(scratch + at, load<f32>(gamma + at) * reciprocalDeviation(variance, at, epsilon));
  }
  centeredAffineRows(x, 0, m, c, mean, scratch, beta, 0, y);
}

/**
 * The gradient of batchNormForward with the batch's own statistics (Ioffe & Szegedy 2015, section
 * 3), in two passes: dβ = Σ dy and Σ dy·(x − μ) (blocked), then
 * dx = γ·r·(dy − dβ/m − (x − μ)·r²·Σdy(x − μ)/m), r = 1/√(σ² + ε), dγ = r·Σ dy·(x − μ).
 * scratch: 4c floats.
 */
export function batchNormGradient(
  x: usize, dy: usize, m: i32, c: i32, mean: usize, variance: usize, gamma: usize, epsilon: f32,
  dx: usize, dgamma: usize, dbeta: usize, scratch: usize,
): void {
  const row = <usize>c * F32;
  const blockDy = scratch;
  const blockDyCentered = scratch + row;
  zero(dbeta, c);
  zero(dgamma, c);
  for (let first = 0; first < m; first += BLOCK) {
    const last = min(first + BLOCK, m);
    zero(scratch, 2 * c);
    for (let r = first; r < last; r++) {
      const offset = <usize>r * row;
      addInto(blockDy, dy + offset, c);
      centeredProductInto(blockDyCentered, dy + offset, x + offset, mean, c);
    }
    addInto(dbeta, blockDy, c);
    addInto(dgamma, blockDyCentered, c);
  }
  // dx = (x − μ)·B + C + dy·A with A = γr, B = −γr³·Σdy(x − μ)/m, C = −γr·Σdy/m.
  const a = scratch;
  const b = scratch + row;
  const shift = scratch + 2 * row;
  const inverseCount = <f32>1 / <f32>m;
  for (let ch = 0; ch < c; ch++) {
    const at = <usize>ch * F32;
    const r = reciprocalDeviation(variance, at, epsilon);
    const gr = load<f32>(gamma + at) * r;
    const sumDyCentered = load<f32>(dgamma + at);
    store<f32>(a + at, gr);
    store<f32>(b + at, -gr * r * r * sumDyCentered * inverseCount);
    store<f32>(shift + at, -gr * load<f32>(dbeta + at) * inverseCount);
    store<f32>(dgamma + at, sumDyCentered * r);
  }
  centeredAffineRows(x, dy, m, c, mean, b, shift, a, dx);
}

/** acc[ch] += dy[ch]·(x[ch] − mean[ch]). */
@inline function centeredProductInto(acc: usize, dy: usize, x: usize, mean: usize, c: i32): void {
  let ch = 0;
  for (; ch + LANES <= c; ch += LANES) {
    const at = <usize>ch * F32;
    const d = f32x4.sub(v128.load(x + at), v128.load(mean + at));
    v128.store(acc + at, f32x4.add(v128.load(acc + at), f32x4.mul(v128.load(dy + at), d)));
  }
  for (; ch < c; ch++) {
    const at = <usize>ch * F32;
    store<f32>(acc + at, load<f32>(acc + at) + load<f32>(dy + at) * (load<f32>(x + at) - load<f32>(mean + at)));
  }
}

/**
 * The gradient of a max pool: each window's dy goes to the window's first position, in row-major
 * order, that holds the forward output's value (its maximum, bit for bit). A NaN maximum matches
 * nothing and passes no gradient. x and dx [n, h, w, c], y and dy [n, oh, ow, c]; windows start at
 * (oy·sh − top, ox·sw − left) and are cut at the input's edges.
 */
export function maxPoolGradient(
  x: usize, y: usize, dy: usize, dx: usize,
  n: i32, h: i32, w: i32, c: i32, kh: i32, kw: i32, sh: i32, sw: i32, oh: i32, ow: i32, top: i32, left: i32,
): void {
  const pixel = <usize>c * F32;
  zero(dx, n * h * w * c);
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < oh; oy++) {
      const i0 = max(0, oy * sh - top);
      const i1 = min(h, oy * sh - top + kh);
      for (let ox = 0; ox < ow; ox++) {
        const j0 = max(0, ox * sw - left);
        const j1 = min(w, ox * sw - left + kw);
        const out = ((<usize>b * <usize>oh + <usize>oy) * <usize>ow + <usize>ox) * pixel;
        const corner = ((<usize>b * <usize>h + <usize>i0) * <usize>w + <usize>j0) * pixel;
        const line = <usize>w * pixel;
        let ch = 0;
        for (; ch + LANES <= c; ch += LANES) {
          const at = <usize>ch * F32;
          const maximum = v128.load(y + out + at);
          const grad = v128.load(dy + out + at);
          let pending = i32x4.splat(-1); // lanes whose maximum has not been found yet
          // Without branches inside a row (a lane's maximum is anywhere, so they mispredict):
          // lanes without a hit add +0.
          for (let i = i0; i < i1 && v128.any_true(pending); i++) {
            let p = corner + <usize>(i - i0) * line + at;
            for (let j = j0; j < j1; j++, p += pixel) {
              const hit = v128.and(f32x4.eq(v128.load(x + p), maximum), pending);
              v128.store(dx + p, f32x4.add(v128.load(dx + p), v128.and(grad, hit)));
              pending = v128.andnot(pending, hit);
            }
          }
        }
        for (; ch < c; ch++) {
          const at = <usize>ch * F32;
          const maximum = load<f32>(y + out + at);
          let found = false;
          for (let i = i0; i < i1 && !found; i++) {
            let p = corner + <usize>(i - i0) * line + at;
            for (let j = j0; j < j1; j++, p += pixel) {
              if (load<f32>(x + p) === maximum) {
                store<f32>(dx + p, load<f32>(dx + p) + load<f32>(dy + out + at));
                found = true;
                break;
              }
            }
          }
        }
      }
    }
  }
}

/** Output pixels per block of convFilterGradient: their dy rows stay in cache across all taps and input channels. */
const PIXELS: i32 = 64;

/**
 * The filter gradient of a conv: dw[i, j, ci, co] = Σ x[b, oy·sh + i, ox·sw + j, ci] · dy[b, oy, ox, co].
 * x [n, h, w, ci] is already padded as the forward conv saw it, so every window lies inside it.
 * For each block of output pixels, each (tap, input channel) row of dw takes the block's
 * contributions 16 output channels at a time in registers: one x value broadcast against dy.
 * offsets: scratch for PIXELS u32s (each pixel's window corner in x).
 */
export function convFilterGradient(
  x: usize, dy: usize, dw: usize, offsets: usize,
  n: i32, h: i32, w: i32, ci: i32, co: i32, kh: i32, kw: i32, sh: i32, sw: i32, oh: i32, ow: i32,
): void {
  const total = n * oh * ow;
  const dyPixel = <usize>co * F32;
  zero(dw, kh * kw * ci * co);
  for (let first = 0; first < total; first += PIXELS) {
    const count = min(PIXELS, total - first);
    for (let q = 0; q < count; q++) {
      const p = first + q;
      const ox = p % ow;
      const oy = (p / ow) % oh;
      const b = p / (ow * oh);
      store<u32>(offsets + (<usize>q << 2), <u32>(((b * h + oy * sh) * w + ox * sw) * ci) << 2);
    }
    const dyBlock = dy + <usize>first * dyPixel;
    for (let i = 0; i < kh; i++) {
      for (let j = 0; j < kw; j++) {
        const tapX = x + <usize>((i * w + j) * ci) * F32;
        const tapW = dw + <usize>((i * kw + j) * ci) * dyPixel;
        for (let c = 0; c < ci; c++) {
          const xc = tapX + <usize>c * F32;
          const row = tapW + <usize>c * dyPixel;
          let o = 0;
          for (; o + 16 <= co; o += 16) outerProduct16(xc, offsets, dyBlock + <usize>o * F32, dyPixel, count, row + <usize>o * F32);
          for (; o + LANES <= co; o += LANES) outerProduct4(xc, offsets, dyBlock + <usize>o * F32, dyPixel, count, row + <usize>o * F32);
          for (; o < co; o++) outerProduct1(xc, offsets, dyBlock + <usize>o * F32, dyPixel, count, row + <usize>o * F32);
        }
      }
    }
  }
}

@inline function xAt(xc: usize, offsets: usize, q: i32): f32 {
  return load<f32>(xc + <usize>load<u32>(offsets + (<usize>q << 2)));
}

/** out[0..16) += Σ_q x[q]·dy[q, 0..16), in four registers. */
@inline function outerProduct16(xc: usize, offsets: usize, d: usize, dyPixel: usize, count: i32, out: usize): void {
  let a0 = v128.load(out);
  let a1 = v128.load(out, 16);
  let a2 = v128.load(out, 32);
  let a3 = v128.load(out, 48);
  for (let q = 0; q < count; q++, d += dyPixel) {
    const v = f32x4.splat(xAt(xc, offsets, q));
    a0 = f32x4.add(a0, f32x4.mul(v, v128.load(d)));
    a1 = f32x4.add(a1, f32x4.mul(v, v128.load(d, 16)));
    a2 = f32x4.add(a2, f32x4.mul(v, v128.load(d, 32)));
    a3 = f32x4.add(a3, f32x4.mul(v, v128.load(d, 48)));
  }
  v128.store(out, a0);
  v128.store(out, a1, 16);
  v128.store(out, a2, 32);
  v128.store(out, a3, 48);
}

@inline function outerProduct4(xc: usize, offsets: usize, d: usize, dyPixel: usize, count: i32, out: usize): void {
  let a = v128.load(out);
  for (let q = 0; q < count; q++, d += dyPixel) a = f32x4.add(a, f32x4.mul(f32x4.splat(xAt(xc, offsets, q)), v128.load(d)));
  v128.store(out, a);
}

@inline function outerProduct1(xc: usize, offsets: usize, d: usize, dyPixel: usize, count: i32, out: usize): void {
  let a = load<f32>(out);
  for (let q = 0; q < count; q++, d += dyPixel) a += xAt(xc, offsets, q) * load<f32>(d);
  store<f32>(out, a);
}
