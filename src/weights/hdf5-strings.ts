// The name lists of Keras' .h5 files as strings, however they were stored: arrays of fixed-length
// byte strings (Keras 2 through h5py 2), of variable-length strings (Keras 3 through h5py 3), an
// empty float array for an empty list (numpy's np.asarray([])), and a list over 64 KB split into
// `name0`, `name1`, … (Keras' save_attributes_to_hdf5_group), read back as Keras reads them.
import type { Group } from './hdf5.ts';
import { WeightFileError } from './weight-file-error.ts';

/** The strings of attribute `name` of `group`, joined across Keras' chunks `name0`, `name1`, …. */
export function stringListAttribute(group: Group, name: string): string[] {
  const attrs = group.attrs;
  if (name in attrs) return strings(attrs[name].value, group, name);
  const list: string[] = [];
  for (let chunk = 0; `${name}${chunk}` in attrs; chunk++) {
    list.push(...strings(attrs[`${name}${chunk}`].value, group, `${name}${chunk}`));
  }
  if (list.length === 0 && !(`${name}0` in attrs)) {
    throw new WeightFileError(`group "${group.path}" has no "${name}" attribute`);
  }
  return list;
}

/** Attribute `name` of `group` as one string, or undefined when it is absent or not a string. */
export function stringAttribute(group: Group, name: string): string | undefined {
  const value = name in group.attrs ? group.attrs[name].value : undefined;
  return typeof value === 'string' ? trimNul(value) : undefined;
}

function strings(value: unknown, group: Group, name: string): string[] {
  if (ArrayBuffer.isView(value) && 'length' in value && value.length === 0) return [];
  if (typeof value === 'string') return [trimNul(value)];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.map(trimNul);
  throw new WeightFileError(`attribute "${name}" of group "${group.path}" is not a list of strings`);
}

/** Fixed-length HDF5 strings are padded with NUL bytes to their length. */
function trimNul(text: string): string {
  return text.replace(/\0+$/, '');
}
