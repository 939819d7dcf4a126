// Bounds-checked readers for file headers. Out of range they return NaN, never throw: the
// sniffer reads whatever a user drops, and a short or garbage file must give "unknown", not a crash.

export const u8 = (b: Uint8Array, at: number): number => (at >= 0 && at < b.length ? b[at] : NaN);

export const u16be = (b: Uint8Array, at: number): number => u8(b, at) * 256 + u8(b, at + 1);
export const u16le = (b: Uint8Array, at: number): number => u8(b, at) + u8(b, at + 1) * 256;
export const u24le = (b: Uint8Array, at: number): number => u16le(b, at) + u8(b, at + 2) * 65536;
export const u32be = (b: Uint8Array, at: number): number => u16be(b, at) * 65536 + u16be(b, at + 2);
export const u32le = (b: Uint8Array, at: number): number => u16le(b, at) + u16le(b, at + 2) * 65536;

/** The bytes at `at` read as Latin-1 characters ('' past the end). */
export function ascii(b: Uint8Array, at: number, length: number): string {
  let text = '';
  for (let i = at; i < at + length && i < b.length; i++) text += String.fromCharCode(b[i]);
  return text;
}

/** True when `b` holds exactly these byte values starting at `at`. */
export function bytesAt(b: Uint8Array, at: number, expected: readonly number[]): boolean {
  return expected.every((value, i) => b[at + i] === value);
}

/** Width and height when both are positive whole numbers, else undefined. */
export function size(width: number, height: number): { width: number; height: number } | undefined {
  const valid = (n: number) => Number.isInteger(n) && n > 0;
  return valid(width) && valid(height) ? { width, height } : undefined;
}
