import { describe, expect, it } from 'vitest';
import { CIFAR10_RECORD_BYTES, CifarFormatError, encodeCifar10, parseCifar10 } from './cifar10';

/** Two records: label 3 with red = 1, green = 2, blue = 3 everywhere but pixel 5; label 9 all zeros. */
function records(): Uint8Array {
  const bytes = new Uint8Array(2 * CIFAR10_RECORD_BYTES);
  bytes[0] = 3;
  bytes.fill(1, 1, 1025);
  bytes.fill(2, 1025, 2049);
  bytes.fill(3, 2049, 3073);
  bytes[1 + 5] = 200; // red of pixel 5 (row 0, column 5)
  bytes[CIFAR10_RECORD_BYTES] = 9;
  return bytes;
}

describe('parseCifar10', () => {
  it('reads labels and turns the colour planes into channels-last pixels', () => {
    const data = parseCifar10(records(), 'two.bin');
    expect(data.count).toBe(2);
    expect([data.height, data.width, data.channels]).toEqual([32, 32, 3]);
    expect(Array.from(data.labels)).toEqual([3, 9]);
    expect(Array.from(data.pixels.subarray(0, 6))).toEqual([1, 2, 3, 1, 2, 3]);
    expect(Array.from(data.pixels.subarray(15, 18))).toEqual([200, 2, 3]);
    expect(data.pixels[32 * 32 * 3]).toBe(0);
    expect(data.classNames[3]).toBe('cat');
  });

  it('round-trips through encodeCifar10', () => {
    const bytes = records();
    expect(encodeCifar10(parseCifar10(bytes, 'two.bin'))).toEqual(bytes);
  });

  it('names the file and the problem for bytes that are not records', () => {
    expect(() => parseCifar10(new Uint8Array(100), 'short.bin')).toThrow(CifarFormatError);
    expect(() => parseCifar10(new Uint8Array(100), 'short.bin')).toThrow(/short\.bin: 100 bytes is not a whole number of 3073-byte/);
    expect(() => parseCifar10(new Uint8Array(0), 'empty.bin')).toThrow(/empty\.bin/);
    const bad = records();
    bad[CIFAR10_RECORD_BYTES] = 12;
    expect(() => parseCifar10(bad, 'bad.bin')).toThrow('bad.bin: record 1 has label 12; CIFAR-10 labels are 0 to 9.');
  });
});
