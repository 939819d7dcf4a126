// readTorchStateDict on .pth files torch itself wrote (scripts/reference/torch-state-dicts.py):
// both layouts read back every key, shape, dtype and value torch wrote; a checkpoint is found and
// said so; every bad file (malicious, cut short at any byte, a zip bomb, an unknown storage type,
// a storage too short, not a .pth at all) gets its message.
import { readFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import expected from './fixtures/torch-state-dicts.json';
import type { StateDict } from './state-dict.ts';
import { readTorchStateDict } from './torch-pth.ts';
import { WeightFileError } from './weight-file-error.ts';

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
}

/** The tensors as the JSON writes them: float values as numbers (float32s), int64 as decimal strings. */
function plain(sd: StateDict) {
  return [...sd.tensors].map(([key, t]) => ({
    key,
    shape: t.shape,
    dtype: t.dtype,
    values: t.data instanceof BigInt64Array ? Array.from(t.data, String) : Array.from(t.data),
  }));
}

/** The message readTorchStateDict refuses `bytes` with (and that it is a WeightFileError). */
function refusal(bytes: Uint8Array, options?: { maxBytes?: number }): string {
  try {
    readTorchStateDict(bytes, options);
  } catch (e) {
    expect(e).toBeInstanceOf(WeightFileError);
    return (e as Error).message;
  }
  throw new Error('the file was read');
}

/** Bytes of a string of characters 0–255 (pickle opcodes, ASCII text). */
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
};
/** A pickle string (BINUNICODE). */
const str = (s: string) => {
  const b = ascii(s);
  return concat(Uint8Array.of(0x58, b.length & 0xff, b.length >> 8, 0, 0), b);
};
/** A torch ≥ 1.6 .pth holding this data.pkl (and the fixture's data records, if given). */
const zipWith = (pickle: Uint8Array, data: Record<string, Uint8Array> = {}) =>
  zipSync({ 'x/data.pkl': pickle, 'x/byteorder': ascii('little'), ...Object.fromEntries(Object.entries(data).map(([k, v]) => [`x/data/${k}`, v])) }, { level: 0 });

/** Replaces the first occurrence of `from` in `bytes` by `to` (lengths may differ). */
function replace(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const needle = ascii(from);
  for (let i = 0; i + needle.length <= bytes.length; i++) {
    if (needle.every((b, j) => bytes[i + j] === b)) return concat(bytes.subarray(0, i), ascii(to), bytes.subarray(i + needle.length));
  }
  throw new Error(`"${from}" is not in the file`);
}

describe('readTorchStateDict on the files torch wrote', () => {
  it.each(['tiny-zip.pth', 'tiny-legacy.pth', 'tiny-2017.pth'])('%s: every key, shape, dtype and value as torch wrote them', (name) => {
    const sd = readTorchStateDict(fixture(name));
    expect(sd.wasCheckpoint).toBeUndefined();
    expect(plain(sd)).toEqual(expected.keys);
  });

  it('the zip and the legacy stream (v2 and 2017 _rebuild_tensor) read to the same tensors', () => {
    const zip = readTorchStateDict(fixture('tiny-zip.pth'));
    expect(readTorchStateDict(fixture('tiny-legacy.pth'))).toEqual(zip);
    expect(readTorchStateDict(fixture('tiny-2017.pth'))).toEqual(zip);
  });

  it('views come out as their own row-major values: a transpose, a slice at an offset, float16/bfloat16 widened, int64 exact', () => {
    const { tensors } = readTorchStateDict(fixture('tiny-zip.pth'));
    const fc = tensors.get('fc.weight')!.data as Float32Array; // [2, 4]
    const t = tensors.get('extra.fc_weight_t')!; // fc.weight.t(): the same storage, strides (1, 4)
    expect(t.shape).toEqual([4, 2]);
    expect(Array.from(t.data as Float32Array)).toEqual([0, 1, 2, 3].flatMap((i) => [fc[i], fc[4 + i]]));
    const bias = tensors.get('conv.bias')!.data as Float32Array;
    expect(Array.from(tensors.get('extra.conv_bias_tail')!.data as Float32Array)).toEqual(Array.from(bias.subarray(1)));
    expect(tensors.get('extra.half')).toMatchObject({ dtype: 'float16', shape: [2, 3] });
    expect(tensors.get('extra.half')!.data).toBeInstanceOf(Float32Array);
    expect(Object.is((tensors.get('extra.half')!.data as Float32Array)[5], -0)).toBe(true);
    expect(tensors.get('extra.int64')!.data).toEqual(BigInt64Array.of(-(2n ** 40n), 0n, 2n ** 53n + 1n));
  });

  it('keeps num_batches_tracked (an int64 scalar, shape [])', () => {
    const { tensors } = readTorchStateDict(fixture('tiny-legacy.pth'));
    expect(tensors.get('bn.num_batches_tracked')).toEqual({ shape: [], dtype: 'int64', data: BigInt64Array.of(7n) });
  });

  it.each([
    ['checkpoint-zip.pth', 'state_dict'],
    ['checkpoint-legacy.pth', 'model'],
  ])('%s is a training checkpoint: its state dict is read, and the key is said (%s)', (name, key) => {
    const sd = readTorchStateDict(fixture(name));
    expect(sd.wasCheckpoint).toBe(key);
    expect(plain(sd)).toEqual(expected.keys);
  });

  it('storage-views-legacy.pth: torch < 1.0 storage views (a view at element 2 of a root storage, a tensor at offset 1 in it)', () => {
    expect(plain(readTorchStateDict(fixture('storage-views-legacy.pth')))).toEqual(expected.storage_views);
  });

  it('Python 2 str keys (SHORT_BINSTRING), as files pickled by Python 2 have them', () => {
    const py2 = replace(fixture('tiny-legacy.pth'), '\x58\x0b\x00\x00\x00conv.weight', '\x55\x0bconv.weight');
    expect(plain(readTorchStateDict(py2))).toEqual(expected.keys);
  });

  it('reports progress in bytes of tensor data, up to the total', () => {
    const calls: [number, number][] = [];
    readTorchStateDict(fixture('tiny-zip.pth'), { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toHaveLength(expected.keys.length);
    // float32: conv 108 + 4, BN 4·4, fc 8 + 2, the transpose 8, the slice 3 (4 bytes each);
    // num_batches_tracked and 3 int64 (8 bytes each); 6 float16 and 3 bfloat16 (2 bytes each)
    const total = (108 + 4 + 16 + 8 + 2 + 8 + 3) * 4 + (1 + 3) * 8 + (6 + 3) * 2;
    expect(calls.at(-1)).toEqual([total, total]);
    expect(calls.every(([done], i) => i === 0 || done > calls[i - 1][0])).toBe(true);
  });
});

describe('readTorchStateDict refuses what a state dict never holds', () => {
  const osSystem = /^the pickle names the Python global "os\.system", which is not on the allow-list of a state dict \(collections\.OrderedDict, torch\._utils\._rebuild_tensor_v2, .*\); refused, and nothing in the file was run$/;

  it.each(['malicious-legacy.pth', 'malicious-zip.pth'])('%s (os.system by GLOBAL + REDUCE) is refused naming the global', (name) => {
    expect(refusal(fixture(name))).toMatch(osSystem);
  });

  it('builtins.eval by STACK_GLOBAL and __builtin__.getattr by GLOBAL, inside a state dict, are refused by name', () => {
    // {'w': builtins.eval('1')}, protocol 4 style
    const evalPickle = concat(Uint8Array.of(0x80, 4, 0x7d), str('w'), Uint8Array.of(0x8c, 8), ascii('builtins'), Uint8Array.of(0x8c, 4), ascii('eval'), Uint8Array.of(0x93), str('1'), ascii('\x85Rs.'));
    expect(refusal(zipWith(evalPickle))).toMatch(/^the pickle names the Python global "builtins\.eval", which is not on the allow-list/);
    const getattr = concat(ascii('\x80\x02}'), str('w'), ascii('c__builtin__\ngetattr\n'), str('os'), str('system'), ascii('\x86Rs.'));
    expect(refusal(zipWith(getattr))).toMatch(/^the pickle names the Python global "__builtin__\.getattr"/);
  });

  it('a tensor whose strides repeat one stored float into more than the limit is refused before it is made', () => {
    // {'w': _rebuild_tensor_v2(storage of 1 float, 0, (100000, 100000), (0, 0), False, OrderedDict())}
    const int = (v: number) => concat(ascii('J'), new Uint8Array(Int32Array.of(v).buffer));
    const pickle = concat(
      ascii('\x80\x02}'), str('w'), ascii('ctorch._utils\n_rebuild_tensor_v2\n(('), str('storage'), ascii('ctorch\nFloatStorage\n'), str('0'), str('cpu'),
      ascii('K\x01tQK\x00'), int(100_000), int(100_000), ascii('\x86K\x00K\x00\x86\x89ccollections\nOrderedDict\n)RtRs.'),
    );
    expect(refusal(zipWith(pickle, { 0: new Uint8Array(4) }))).toBe('the tensors would take 40,000,000,000 bytes, over the limit of 1,073,741,824 bytes');
  });

  it('a whole pickled model (torch.save(model)) is refused naming its class, with what to save instead', () => {
    expect(refusal(fixture('whole-model-zip.pth'))).toMatch(
      /^the pickle names the Python global "torch\.nn\.modules\.container\.Sequential" \(a whole pickled model\? torch\.save\(model\.state_dict\(\)\) writes what is read here\), which is not on the allow-list/,
    );
  });

  it('an unknown storage type is refused by name, listing the known ones', () => {
    const bytes = replace(fixture('tiny-legacy.pth'), 'torch\nFloatStorage\n', 'torch\nComplexFloatStorage\n');
    expect(refusal(bytes)).toBe(
      'unknown storage type torch.ComplexFloatStorage; this reader knows torch.FloatStorage, torch.HalfStorage, torch.BFloat16Storage, torch.DoubleStorage, torch.LongStorage, torch.IntStorage, torch.ShortStorage, torch.CharStorage, torch.ByteStorage, torch.BoolStorage',
    );
  });

  it('a dict that is neither a state dict nor a checkpoint names its first non-tensor key', () => {
    const pickle = concat(ascii('\x80\x02}('), str('epoch'), ascii('K\x03'), str('arch'), str('tiny'), ascii('u.'));
    expect(refusal(zipWith(pickle))).toBe('not a state dict: "epoch" holds a number, not a tensor, and there is no dict of tensors under "state_dict", "model", "model_state_dict" (keys: epoch, arch)');
    expect(refusal(zipWith(ascii('\x80\x02]q\x00.')))).toBe('the file holds a list, not a state dict (a dict of tensors)');
    expect(refusal(zipWith(ascii('\x80\x02}.')))).toBe('the state dict is empty');
  });
});

describe('readTorchStateDict on damaged files', () => {
  it.each(['tiny-zip.pth', 'tiny-legacy.pth'])('%s cut short at every byte: a WeightFileError each time, never a crash or a hang', (name) => {
    const bytes = fixture(name);
    const messages = new Set<string>();
    for (let length = 1; length < bytes.length; length++) messages.add(refusal(bytes.subarray(0, length)).replace(/[\d,]+/g, 'N'));
    for (const m of messages) expect(m).toMatch(/truncated|damaged/);
  });

  it('names the place a legacy file ends', () => {
    const bytes = fixture('tiny-legacy.pth');
    expect(refusal(bytes.subarray(0, 12))).toBe('the file ends at byte 12 inside a pickle (the opcode at byte 2 needs 10 more bytes): it is truncated');
    expect(refusal(bytes.subarray(0, bytes.length - 1))).toMatch(/^the file ends at byte [\d,]+, inside the 24 bytes of storage "\d+" \(12 of 12\): it is truncated$/);
    expect(refusal(fixture('tiny-zip.pth').subarray(0, 3000))).toMatch(/^the zip cannot be read \(.*\): the file is damaged or truncated$/);
  });

  it('a storage record shorter than its tensor needs is refused naming the tensor', () => {
    const files = unzipSync(fixture('tiny-zip.pth'));
    files['tiny-zip/data/0'] = files['tiny-zip/data/0'].subarray(0, 400); // conv.weight: 108 floats, 432 bytes
    expect(refusal(zipSync(files, { level: 0 }))).toBe(
      'tensor "conv.weight" (shape [4, 3, 3, 3], strides [27, 9, 3, 1], offset 0): storage "0" holds 400 bytes, the tensor needs 432: the file is damaged or truncated',
    );
  });

  it('not a .pth at all: empty, text, a PNG, a pickle of something else, over the size limit', () => {
    expect(refusal(new Uint8Array())).toBe('the file is empty');
    expect(refusal(ascii('<!DOCTYPE html>'))).toBe('not a PyTorch .pth file: it starts with the bytes 3c 21 44 4f, neither a zip (torch ≥ 1.6) nor a pickle (older torch)');
    expect(refusal(ascii('PK'))).toBe('the file is only 2 bytes, the start of a zip: it is truncated');
    expect(refusal(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 13, 10))).toMatch(/^not a PyTorch \.pth file: it starts with the bytes 89 50 4e 47,/);
    expect(refusal(ascii('\x80\x02K\x05.'))).toBe("a pickle, but not a .pth file: it does not start with torch's magic number (a number)");
    expect(refusal(zipSync({ 'notes.txt': ascii('hi') }))).toBe('the zip has no <name>/data.pkl: it is not a file torch.save wrote');
    expect(refusal(fixture('tiny-zip.pth'), { maxBytes: 4096 })).toBe('the file is 5,137 bytes, over the limit of 4,096 bytes');
  });
});

describe('readTorchStateDict refuses zip bombs before unpacking them', () => {
  const MiB = 1024 * 1024;
  /** Sets a zip entry's declared uncompressed size, in its local header and its central-directory record. */
  function declare(zip: Uint8Array, size: number): Uint8Array {
    const out = zip.slice();
    const view = new DataView(out.buffer);
    for (let i = 0; i + 4 <= out.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
      if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
    }
    return out;
  }

  it('an entry that declares more than the limit: 64 MiB of zeros deflated to a few KB, limit 16 MiB', () => {
    const bomb = zipSync({ 'x/data.pkl': [new Uint8Array(64 * MiB), { level: 9 }] });
    expect(bomb.length).toBeLessThan(100_000);
    expect(refusal(bomb, { maxBytes: 16 * MiB })).toBe('zip entry "x/data.pkl" unpacks to 67,108,864 bytes, over the limit of 16,777,216 bytes');
  });

  it('an entry declaring 4 GiB − 1 is refused at the default limit (1 GiB) without allocating it', () => {
    const bomb = declare(zipSync({ 'x/data.pkl': [new Uint8Array(1000), { level: 9 }] }), 0xffffffff);
    expect(refusal(bomb)).toBe('zip entry "x/data.pkl" unpacks to 4,294,967,295 bytes, over the limit of 1,073,741,824 bytes');
  });

  it('entries each under the limit that add up to more', () => {
    const part = new Uint8Array(6 * MiB);
    const bomb = zipSync({ 'x/data.pkl': [part, { level: 9 }], 'x/data/0': [part, { level: 9 }], 'x/data/1': [part, { level: 9 }] });
    expect(refusal(bomb, { maxBytes: 16 * MiB })).toBe('the zip\'s entries unpack to more than 16,777,216 bytes (the limit) by "x/data/1"');
  });

  it('an entry that expands past what it declares is cut at its declared size (64 bytes of 16 MiB), and refused', () => {
    const liar = declare(zipSync({ 'x/data.pkl': [new Uint8Array(16 * MiB), { level: 9 }] }), 64);
    expect(refusal(liar)).toBe('bad pickle at byte 0: opcode 0x00 is not one a PyTorch state dict uses');
  });
});
