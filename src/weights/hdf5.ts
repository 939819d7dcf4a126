// An HDF5 file opened from bytes in memory with h5wasm (the HDF5 C library compiled to WASM; see
// README, Architecture), closed again whatever happens, with the library's errors turned into
// WeightFileErrors that say what is wrong with the file in one line.
import h5wasm, { Dataset, Group, type File } from 'h5wasm';
import { checkHdf5Start } from './hdf5-superblock.ts';
import { WeightFileError } from './weight-file-error.ts';

export { Dataset, Group, type File };

/** Emscripten's FS.writeFile with its `canOwn` option, which @types/emscripten leaves out. */
type WriteFile = (path: string, data: Uint8Array, options: { canOwn: boolean }) => void;

let opened = 0;

/** Opens `bytes` as an HDF5 file, runs `read` on it and closes it; a library error becomes a WeightFileError. */
export async function withHdf5File<T>(bytes: Uint8Array, read: (file: File) => T): Promise<T> {
  checkHdf5Start(bytes);
  const module = await h5wasm.ready;
  module.activate_throwing_error_handler();
  // MEMFS takes the caller's bytes as they are (canOwn: no copy); the name only has to be unique.
  const path = `/keras-weights-${++opened}.h5`;
  (module.FS.writeFile.bind(module.FS) as WriteFile)(path, bytes, { canOwn: true });
  let file: File | undefined;
  try {
    file = new h5wasm.File(path, 'r');
    return read(file);
  } catch (error) {
    throw error instanceof WeightFileError ? error : new WeightFileError(`unreadable HDF5 file: ${describeHdf5Error(error)}`);
  } finally {
    file?.close();
    module.FS.unlink(path);
  }
}

/** Runs one library call on the file; an error it throws becomes a WeightFileError that starts with `where`. */
export function inFile<T>(where: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw error instanceof WeightFileError ? error : new WeightFileError(`${where}: ${describeHdf5Error(error)}`);
  }
}

/** One line from the HDF5 error stack h5wasm throws: its innermost message, or what the library said. */
function describeHdf5Error(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // The stack lists the outermost call first: "#005: …/H5Fsuper.c line 577 in H5F__super_read(): message".
  const messages = [...text.matchAll(/#\d+: .* in \w+\(\): (.+)/g)].map((m) => m[1].trim());
  return messages.at(-1) ?? text.split('\n')[0];
}

/** The most bytes read into the WASM heap at once: the heap never shrinks, and VGG16's fc1 is 411 MB. */
const SLICE_BYTES = 16 * 1024 ** 2;

/** A float32 dataset's values, read in slices of whole rows of at most 16 MiB, `onRead(bytes)` after each. */
export function readFloat32(dataset: Dataset, shape: number[], onRead: (bytes: number) => void, sliceBytes = SLICE_BYTES): Float32Array | undefined {
  const total = shape.reduce((product, n) => product * n, 1);
  const rowValues = total / (shape[0] || 1);
  const rowsPerSlice = Math.floor(sliceBytes / 4 / rowValues);
  if (shape.length === 0 || rowsPerSlice >= shape[0] || rowsPerSlice === 0) {
    const value = dataset.value;
    if (value instanceof Float32Array) onRead(value.byteLength);
    return value instanceof Float32Array ? value : undefined;
  }
  const data = new Float32Array(total);
  for (let row = 0; row < shape[0]; row += rowsPerSlice) {
    const end = Math.min(shape[0], row + rowsPerSlice);
    const part = dataset.slice([[row, end]]);
    if (!(part instanceof Float32Array) || part.length !== (end - row) * rowValues) return undefined;
    data.set(part, row * rowValues);
    onRead(part.byteLength);
  }
  return data;
}
