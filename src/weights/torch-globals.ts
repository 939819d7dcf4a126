// The allow-list of the .pth reader: the only Python globals a state dict's pickle may name, and
// what each stands for here. Any other global ("os.system", "builtins.eval") is refused by name
// when the pickle names it, before anything could call it; nothing in a file is ever run.

import type { PickleHooks } from './pickle.ts';
import { STORAGE_TYPE_NAMES, storageType, TensorRef, type StorageRef, type StorageType } from './torch-storage.ts';
import { WeightFileError } from './weight-file-error.ts';

/** An allowed callable: what REDUCE and NEWOBJ may call. */
class PyFunction {
  constructor(
    readonly pyName: string,
    readonly call: (args: readonly unknown[]) => unknown,
  ) {}
}

/** A torch.dtype object (`torch.float32`), which a checkpoint may hold as a value. */
export class PyDtype {
  constructor(readonly pyName: string) {}
}

const DTYPES = ['float64', 'float32', 'float16', 'bfloat16', 'int64', 'int32', 'int16', 'int8', 'uint8', 'bool', 'float', 'double', 'half', 'long', 'int'];

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isCounts = (v: unknown): v is number[] => Array.isArray(v) && v.every(isCount);

function rebuildTensor(name: string, args: readonly unknown[], min: number, max: number): TensorRef {
  const [storage, offset, size, stride] = args;
  if (args.length < min || args.length > max || !(storage instanceof Storage) || !isCount(offset) || !isCounts(size) || !isCounts(stride) || size.length !== stride.length) {
    throw new WeightFileError(`${name} is called with arguments that are not (storage, offset, size, stride, …)`);
  }
  return new TensorRef(storage.ref, offset, size, stride);
}

/** The object a persistent id returns: a reference to a storage, to be read later. */
class Storage {
  constructor(readonly ref: StorageRef) {}
}

const FUNCTIONS: Record<string, PyFunction> = Object.fromEntries(
  [
    // OrderedDict() with no items: SETITEMS fills it, BUILD gives it its _metadata.
    new PyFunction('collections.OrderedDict', (args) => new Map(args.length === 0 ? [] : (args[0] as Iterable<[unknown, unknown]>))),
    // (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
    new PyFunction('torch._utils._rebuild_tensor_v2', (args) => rebuildTensor('torch._utils._rebuild_tensor_v2', args, 4, 7)),
    // torch ≤ 0.3 (2017): (storage, storage_offset, size, stride)
    new PyFunction('torch._utils._rebuild_tensor', (args) => rebuildTensor('torch._utils._rebuild_tensor', args, 4, 4)),
    // A Parameter is its tensor: (data, requires_grad, backward_hooks[, state])
    new PyFunction('torch._utils._rebuild_parameter', (args) => args[0]),
    new PyFunction('torch._utils._rebuild_parameter_with_state', (args) => args[0]),
  ].map((f) => [f.pyName, f]),
);

const ALLOWED = [...Object.keys(FUNCTIONS), 'torch.<X>Storage', 'torch.<dtype>'].join(', ');

/** The global `module.name`, if the allow-list has it; a WeightFileError naming it otherwise. */
function resolveGlobal(module: string, name: string): PyFunction | StorageType | PyDtype {
  const full = `${module}.${name}`;
  if (Object.hasOwn(FUNCTIONS, full)) return FUNCTIONS[full];
  if (module === 'torch' && name.endsWith('Storage')) {
    const type = storageType(name);
    if (type) return type;
    throw new WeightFileError(`unknown storage type ${full}; this reader knows ${STORAGE_TYPE_NAMES.join(', ')}`);
  }
  if (module === 'torch' && DTYPES.includes(name)) return new PyDtype(full);
  const model = module.startsWith('torch.nn.') || module === '__main__' ? ' (a whole pickled model? torch.save(model.state_dict()) writes what is read here)' : '';
  throw new WeightFileError(`the pickle names the Python global "${full}"${model}, which is not on the allow-list of a state dict (${ALLOWED}); refused, and nothing in the file was run`);
}

/** Reads a persistent id ('storage', storage_type, key, location, numel[, view_metadata]). */
function storageFromId(pid: unknown): Storage {
  if (Array.isArray(pid) && pid[0] === 'module') throw new WeightFileError('the file is a whole pickled model, not a state dict: torch.save(model.state_dict()) writes what is read here');
  if (!Array.isArray(pid) || pid[0] !== 'storage' || (pid.length !== 5 && pid.length !== 6)) {
    throw new WeightFileError(`a persistent id is not a storage ("${Array.isArray(pid) ? String(pid[0]) : typeof pid}"): only tensors are read`);
  }
  const [, type, key, , numel, view] = pid as unknown[];
  if (!(typeof type === 'object' && type !== null && 'dtype' in type && 'bytes' in type) || typeof key !== 'string' || !isCount(numel)) {
    throw new WeightFileError(`storage id "${String(key)}" is not (storage type, key, location, size)`);
  }
  const storageType = type as StorageType;
  if (view === undefined || view === null) return new Storage({ key, type: storageType, elementOffset: 0, numel });
  // torch < 1.0 storage views: (view_key, offset, view_size) into the root storage `key`.
  if (!Array.isArray(view) || view.length !== 3 || !isCount(view[1]) || !isCount(view[2]) || view[1] + view[2] > numel) {
    throw new WeightFileError(`storage "${key}" has a view that is not (key, offset, size) within its ${numel} elements`);
  }
  return new Storage({ key, type: storageType, elementOffset: view[1], numel: view[2] });
}

/** The unpickler hooks of a .pth: the allow-list, storages by persistent id, no BUILD but a dict's attributes. */
export function torchHooks(onStorage: (ref: StorageRef) => void): PickleHooks {
  return {
    global: resolveGlobal,
    persistentLoad(pid) {
      const storage = storageFromId(pid);
      onStorage(storage.ref);
      return storage;
    },
    call(callable, args) {
      if (!(callable instanceof PyFunction)) {
        throw new WeightFileError(`the pickle calls ${describe(callable)}, which is not a function`);
      }
      return callable.call(args);
    },
    build(target, state) {
      // OrderedDict's state is its attributes: a state dict's _metadata (module versions), unused.
      if (target instanceof Map && (state instanceof Map || state === null)) return;
      throw new WeightFileError(`the pickle sets the state of ${describe(target)}, which a state dict never does`);
    },
  };
}

/** A short description of a pickled value, for messages. */
export function describe(v: unknown): string {
  if (v === null) return 'None';
  if (v instanceof TensorRef) return 'a tensor';
  if (v instanceof Map) return 'a dict';
  if (Array.isArray(v)) return Object.isFrozen(v) ? 'a tuple' : 'a list';
  if (v instanceof Uint8Array) return 'bytes';
  if (v instanceof PyFunction || v instanceof PyDtype) return v.pyName;
  if (v instanceof Storage) return 'a storage';
  if (typeof v === 'object' && 'name' in v) return String(v.name);
  return `a ${typeof v === 'bigint' ? 'number' : typeof v}`;
}
