// The reader of PyTorch .pth state dicts, in both layouts torch.save has written: the zip of
// torch ≥ 1.6 (`<name>/data.pkl`, one `<name>/data/<key>` record per storage) and the single
// stream before it (the 2017–2019 torchvision files: magic number, protocol, sys_info, the pickled
// object, the storage keys, then each storage's element count and bytes). Pure TypeScript: the
// classify worker and the CLI read files alike.

import { unpickle, type PickleHooks } from './pickle.ts';
import { DEFAULT_MAX_BYTES, type ReadOptions, type StateDict, type TensorMap } from './state-dict.ts';
import { describe, torchHooks } from './torch-globals.ts';
import { materialise, tensorBytes, TensorRef, type StorageRef } from './torch-storage.ts';
import { WeightFileError } from './weight-file-error.ts';
import { isZip, readZipEntries, zipEntryNames } from './zip.ts';

const MAGIC_NUMBER = 0x1950a86a20f9469cfc6cn;
const PROTOCOL_VERSION = 1001;
/** The keys a training checkpoint keeps its state dict under, in the order they are tried. */
const CHECKPOINT_KEYS = ['state_dict', 'model', 'model_state_dict'];

const n = (v: number) => v.toLocaleString('en-US');

/** The state dict of a .pth file; a checkpoint's state dict, saying under which key (`wasCheckpoint`). */
export function readTorchStateDict(bytes: Uint8Array, options: ReadOptions = {}): StateDict {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) throw new WeightFileError('the file is empty');
  if (bytes.length > maxBytes) throw new WeightFileError(`the file is ${n(bytes.length)} bytes, over the limit of ${n(maxBytes)} bytes`);
  const storages = new Map<string, StorageRef>();
  const hooks = torchHooks((ref) => {
    if (!storages.has(ref.key)) storages.set(ref.key, ref);
  });
  let read: { object: unknown; data: (key: string) => Uint8Array | undefined };
  if (isZip(bytes)) read = readZip(bytes, hooks, maxBytes);
  else if (bytes[0] === 0x80) read = readLegacy(bytes, hooks, storages);
  else if (bytes.length < 4 && [...bytes].every((b, i) => b === 'PK\x03\x04'.charCodeAt(i))) {
    throw new WeightFileError(`the file is only ${bytes.length} byte${bytes.length === 1 ? '' : 's'}, the start of a zip: it is truncated`);
  } else {
    const start = [...bytes.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new WeightFileError(`not a PyTorch .pth file: it starts with the bytes ${start}, neither a zip (torch ≥ 1.6) nor a pickle (older torch)`);
  }
  const { dict, wasCheckpoint } = pickStateDict(read.object);
  const total = [...dict.values()].reduce((s, ref) => s + tensorBytes(ref), 0);
  // Strides can repeat elements (stride 0), so a few stored bytes could make a huge tensor.
  if (total > maxBytes) throw new WeightFileError(`the tensors would take ${n(total)} bytes, over the limit of ${n(maxBytes)} bytes`);
  const tensors: TensorMap = new Map();
  let done = 0;
  for (const [key, ref] of dict) {
    const data = read.data(ref.storage.key);
    if (data === undefined) throw new WeightFileError(`tensor "${key}": the file has no data for its storage "${ref.storage.key}"`);
    tensors.set(key, materialise(key, ref, data));
    done += tensorBytes(ref);
    options.onProgress?.(done, total);
  }
  return wasCheckpoint === undefined ? { tensors } : { tensors, wasCheckpoint };
}

function readZip(bytes: Uint8Array, hooks: PickleHooks, maxBytes: number) {
  const pkl = zipEntryNames(bytes).filter((name) => /^[^/]+\/data\.pkl$/.test(name));
  if (pkl.length !== 1) {
    throw new WeightFileError(pkl.length === 0 ? 'the zip has no <name>/data.pkl: it is not a file torch.save wrote' : `the zip has ${pkl.length} data.pkl files, torch.save writes one`);
  }
  const prefix = pkl[0].slice(0, -'data.pkl'.length);
  const entries = readZipEntries(bytes, (name) => name === pkl[0] || name === `${prefix}byteorder` || name.startsWith(`${prefix}data/`), maxBytes);
  const order = entries.get(`${prefix}byteorder`);
  if (order !== undefined && new TextDecoder().decode(order) !== 'little') {
    throw new WeightFileError(`the file's byte order is "${new TextDecoder().decode(order).slice(0, 10)}"; only little-endian files are read`);
  }
  const pickle = entries.get(pkl[0]) as Uint8Array;
  const { value, end } = unpickle(pickle, 0, hooks);
  if (end !== pickle.length) throw new WeightFileError(`${pkl[0]} has ${n(pickle.length - end)} bytes after its pickle`);
  return { object: value, data: (key: string) => entries.get(`${prefix}data/${key}`) };
}

function readLegacy(bytes: Uint8Array, hooks: PickleHooks, storages: Map<string, StorageRef>) {
  let pos = 0;
  const next = () => {
    const { value, end } = unpickle(bytes, pos, hooks);
    pos = end;
    return value;
  };
  const magic = next();
  if (magic !== MAGIC_NUMBER) throw new WeightFileError(`a pickle, but not a .pth file: it does not start with torch's magic number (${describe(magic)})`);
  const protocol = next();
  if (protocol !== PROTOCOL_VERSION) throw new WeightFileError(`torch serialization protocol ${String(protocol)}; only ${PROTOCOL_VERSION} is read`);
  const sysInfo = next();
  if (!(sysInfo instanceof Map) || sysInfo.get('little_endian') !== true) throw new WeightFileError('the file was written big-endian; only little-endian files are read');
  const object = next();
  const keys = next();
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) throw new WeightFileError('the list of storage keys after the pickle is not a list of strings');
  const data = new Map<string, Uint8Array>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  keys.forEach((key: string, i) => {
    const ref = storages.get(key);
    if (ref === undefined) throw new WeightFileError(`storage "${key}" is listed but no tensor uses it`);
    const where = `storage "${key}" (${i + 1} of ${keys.length})`;
    if (pos + 8 > bytes.length) throw new WeightFileError(`the file ends at byte ${n(bytes.length)}, before the size of ${where}: it is truncated`);
    const count = view.getBigInt64(pos, true);
    if (count < 0n || count > BigInt(bytes.length)) throw new WeightFileError(`${where} claims ${count} elements, more than the file holds`);
    const size = Number(count) * ref.type.bytes;
    pos += 8;
    if (pos + size > bytes.length) throw new WeightFileError(`the file ends at byte ${n(bytes.length)}, inside the ${n(size)} bytes of ${where}: it is truncated`);
    data.set(key, bytes.subarray(pos, pos + size));
    pos += size;
  });
  return { object, data: (key: string) => data.get(key) };
}

/** The state dict of the file's object: itself, or a checkpoint's "state_dict" / "model". */
function pickStateDict(object: unknown): { dict: Map<string, TensorRef>; wasCheckpoint?: string } {
  if (!(object instanceof Map)) throw new WeightFileError(`the file holds ${describe(object)}, not a state dict (a dict of tensors)`);
  if (object.size === 0) throw new WeightFileError('the state dict is empty');
  const firstNonTensor = (d: Map<unknown, unknown>) => [...d].find(([k, v]) => typeof k !== 'string' || !(v instanceof TensorRef));
  const bad = firstNonTensor(object);
  if (bad === undefined) return { dict: object as Map<string, TensorRef> };
  for (const key of CHECKPOINT_KEYS) {
    const inner = object.get(key);
    if (inner instanceof Map && inner.size > 0 && firstNonTensor(inner) === undefined) return { dict: inner as Map<string, TensorRef>, wasCheckpoint: key };
  }
  const keys = [...object.keys()].slice(0, 5).map(String).join(', ');
  throw new WeightFileError(
    `not a state dict: "${String(bad[0])}" holds ${describe(bad[1])}, not a tensor, and there is no dict of tensors under ${CHECKPOINT_KEYS.map((k) => `"${k}"`).join(', ')} (keys: ${keys}${object.size > 5 ? ', …' : ''})`,
  );
}
