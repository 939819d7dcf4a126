// Checks an HDF5 file's first bytes before the library sees them: the signature, and the length the
// superblock declares (its end-of-file address) against the bytes there are, so that a file cut
// anywhere, in its first bytes too, is named as truncated, with both numbers.
import { WeightFileError } from './weight-file-error.ts';

/** The 8 bytes an HDF5 file starts with (at offset 0 in every file h5py writes). */
const SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** Throws a WeightFileError unless `bytes` start like an HDF5 file and are as long as it says it is. */
export function checkHdf5Start(bytes: Uint8Array): void {
  const length = bytes.length.toLocaleString('en-US');
  const prefix = Math.min(bytes.length, SIGNATURE.length);
  if (bytes.length === 0) throw new WeightFileError('not an HDF5 file: the file is empty');
  if (!SIGNATURE.slice(0, prefix).every((byte, i) => bytes[i] === byte)) {
    const start = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new WeightFileError(`not an HDF5 file: it does not start with the HDF5 signature 89 48 44 46 0d 0a 1a 0a; its first bytes are ${start}`);
  }
  const declared = declaredLength(bytes);
  if (declared === undefined) {
    throw new WeightFileError(`truncated HDF5 file: it has ${length} bytes, too few for its superblock (the header that says how long it is)`);
  }
  if (declared > bytes.length) {
    throw new WeightFileError(`truncated HDF5 file: it has ${length} bytes, and its superblock says it has ${declared.toLocaleString('en-US')}`);
  }
}

/** The superblock's end-of-file address (HDF5 file format spec, section II.A), undefined if cut off,
 * 0 for a superblock this check does not know (another version or offset size: the library judges). */
function declaredLength(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 14) return undefined;
  const version = bytes[8];
  if (version > 3) return 0;
  // Versions 0 and 1 keep the size of offsets at byte 13 and the base address at 24 (28 in v1);
  // versions 2 and 3 at byte 9 and 12. The end-of-file address is the third address from the base.
  const offsetSize = version <= 1 ? bytes[13] : bytes[9];
  const base = version === 0 ? 24 : version === 1 ? 28 : 12;
  if (offsetSize !== 4 && offsetSize !== 8) return 0;
  const at = base + 2 * offsetSize;
  if (bytes.length < at + offsetSize) return undefined;
  return offsetSize === 8 ? Number(view.getBigUint64(at, true)) : view.getUint32(at, true);
}
