// The entries of a zip (torch ≥ 1.6 writes .pth files as one), read with fflate under a size
// limit, so that a zip bomb is refused before anything is unpacked.
//
// Every wanted entry's declared uncompressed size is checked against the limit, and so is their
// sum, before fflate unpacks any of them. fflate inflates a deflated entry into a buffer of its
// declared size, so an entry that expands past what it declares is cut off there: no entry ever
// takes more memory than it declares. Torch itself writes every entry STORED.

import { unzipSync, type UnzipFileInfo } from 'fflate';
import { WeightFileError } from './weight-file-error.ts';

/** The fixed part of a central-directory record: a directory listing more entries than the file could hold is damaged. */
const DIRECTORY_RECORD_BYTES = 46;

/** True when the bytes start as a zip does (a local file header, "PK\x03\x04"). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Every entry's name in the zip's central directory, in its order. */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  unzip(bytes, (file) => {
    names.push(file.name);
    return false;
  });
  return names;
}

/** The wanted entries' bytes, refusing any whose size, or whose sizes together, exceed `maxBytes`. */
export function readZipEntries(bytes: Uint8Array, wanted: (name: string) => boolean, maxBytes: number): Map<string, Uint8Array> {
  let total = 0;
  const declared = new Map<string, number>();
  const files = unzip(bytes, (file) => {
    if (!wanted(file.name)) return false;
    const size = file.originalSize;
    if (file.compression !== 0 && file.compression !== 8) {
      throw new WeightFileError(`zip entry "${file.name}" uses compression method ${file.compression}; only stored (0) and deflate (8) are read`);
    }
    if (size > maxBytes) {
      throw new WeightFileError(`zip entry "${file.name}" unpacks to ${size.toLocaleString('en-US')} bytes, over the limit of ${maxBytes.toLocaleString('en-US')} bytes`);
    }
    total += size;
    if (total > maxBytes) {
      throw new WeightFileError(`the zip's entries unpack to more than ${maxBytes.toLocaleString('en-US')} bytes (the limit) by "${file.name}"`);
    }
    declared.set(file.name, size);
    return true;
  });
  const entries = new Map<string, Uint8Array>();
  for (const [name, size] of declared) {
    const data = files[name];
    if (data === undefined || data.length !== size) {
      throw new WeightFileError(`zip entry "${name}" declares ${size.toLocaleString('en-US')} bytes and holds ${(data?.length ?? 0).toLocaleString('en-US')}: the file is damaged`);
    }
    entries.set(name, data);
  }
  return entries;
}

function unzip(bytes: Uint8Array, filter: (file: UnzipFileInfo) => boolean): Record<string, Uint8Array> {
  let seen = 0;
  const limit = Math.floor(bytes.length / DIRECTORY_RECORD_BYTES);
  try {
    return unzipSync(bytes, {
      filter: (file) => {
        if (++seen > limit) throw new WeightFileError(`the zip's directory lists more entries than a ${bytes.length.toLocaleString('en-US')}-byte file can hold: the file is damaged`);
        return filter(file);
      },
    });
  } catch (e) {
    if (e instanceof WeightFileError) throw e;
    throw new WeightFileError(`the zip cannot be read (${e instanceof Error ? e.message : String(e)}): the file is damaged or truncated`);
  }
}
