// The labs' numeric fields: each one a whole number in a range, and one message per bad field, so
// the bottleneck lab and the factorization lab word their problems the same way.

/** A field as shown and its accepted range (1 to max). */
export interface LabFieldSpec<F extends string> {
  readonly key: F;
  readonly label: string;
  readonly max: number;
}

/** One problem with one field, worded for the person who typed it. */
export interface FieldIssue<F extends string> {
  readonly field: F;
  readonly message: string;
}

/** Every field that is not a whole number from 1 to its max; NaN (an empty field) says so. */
export function wholeNumberIssues<F extends string>(
  fields: readonly LabFieldSpec<F>[],
  input: Readonly<Record<F, number>>,
): FieldIssue<F>[] {
  const issues: FieldIssue<F>[] = [];
  for (const { key, label, max } of fields) {
    const value = input[key];
    if (!Number.isInteger(value) || value < 1 || value > max) {
      const got = Number.isNaN(value) ? 'it is empty' : `not ${value}`;
      issues.push({ field: key, message: `${label} must be a whole number from 1 to ${max}, ${got}.` });
    }
  }
  return issues;
}
