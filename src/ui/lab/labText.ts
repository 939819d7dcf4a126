// The labs' inputs as typed: text, so a field can be empty or wrong while the user edits it.

import { LAB_DEFAULTS, LAB_FIELDS, type LabField, type LabInput } from '../../analysis/bottleneck';
import type { LabFieldSpec } from '../../analysis/lab-input';

export type FieldText<F extends string> = Readonly<Record<F, string>>;
export type LabText = FieldText<LabField>;

/** The numbers of an input as the text of its fields. */
export const fieldText = <F extends string>(fields: readonly LabFieldSpec<F>[], input: Readonly<Record<F, number>>): FieldText<F> =>
  Object.fromEntries(fields.map(({ key }) => [key, String(input[key])])) as Record<F, string>;

/** Field text as numbers; an empty or unreadable field becomes NaN, which the lab's validation names. */
export function readFieldText<F extends string>(fields: readonly LabFieldSpec<F>[], text: FieldText<F>): Record<F, number> {
  const read = (key: F) => (text[key].trim() === '' ? Number.NaN : Number(text[key]));
  return Object.fromEntries(fields.map(({ key }) => [key, read(key)])) as Record<F, number>;
}

/** The bottleneck lab's input as field text. */
export const labText = (input: LabInput): LabText => fieldText(LAB_FIELDS, input);

/** The bottleneck lab's field text as numbers. */
export const readLabText = (text: LabText): LabInput => readFieldText(LAB_FIELDS, text);

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
