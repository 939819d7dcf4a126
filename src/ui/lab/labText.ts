// The lab's inputs as typed: text, so a field can be empty or wrong while the user edits it.

import { LAB_DEFAULTS, LAB_FIELDS, type LabField, type LabInput } from '../../analysis/bottleneck';

export type LabText = Readonly<Record<LabField, string>>;

/** The numbers of an input as field text. */
export const labText = (input: LabInput): LabText =>
  Object.fromEntries(LAB_FIELDS.map(({ key }) => [key, String(input[key])])) as Record<LabField, string>;

/** Field text as numbers; an empty or unreadable field becomes NaN, which validateLab names. */
export function readLabText(text: LabText): LabInput {
  const read = (key: LabField) => (text[key].trim() === '' ? Number.NaN : Number(text[key]));
  return Object.fromEntries(LAB_FIELDS.map(({ key }) => [key, read(key)])) as unknown as LabInput;
}

/** Starting points worth a click: the worked example and the same layer inside GoogLeNet. */
export const LAB_EXAMPLES: readonly { readonly id: string; readonly label: string; readonly input: LabInput }[] = [
  { id: 'worked', label: 'Worked example (30×30×200)', input: LAB_DEFAULTS },
  {
    id: 'inception-3a',
    label: 'inception_3a, 5x5 branch (28×28×192)',
    input: { height: 28, width: 28, channels: 192, kernel: 5, filters: 32, bottleneck: 16 },
  },
  {
    id: 'inception-4e',
    label: 'inception_4e, 3x3 branch (14×14×528)',
    input: { height: 14, width: 14, channels: 528, kernel: 3, filters: 320, bottleneck: 160 },
  },
];
